/** Which adapters a platform gets, and the strict parsing of VANTHU_SANE_EXTRA_ARGS. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanAdapters, saneExtraArgs } from '../../../../src/main/host/scan-host';

const log = { warn: () => undefined, error: () => undefined };

describe('scan host', () => {
  it('accepts only a JSON array of --option=value strings', () => {
    expect(saneExtraArgs('["--test-picture=Color pattern","--read-delay=yes"]', log)).toEqual(['--test-picture=Color pattern', '--read-delay=yes']);
    expect(saneExtraArgs(undefined, log)).toEqual([]);
    for (const bad of ['--batch=/etc/x', '["--batch=/etc/passwd"]', '["-o","x"]', '["--device-name=x;y"]', '{"a":1}', 'not json']) {
      expect(saneExtraArgs(bad, log)).toEqual([]);
    }
  });

  it('SANE + eSCL on Linux, WIA + eSCL on Windows', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vts-scanhost-'));
    try {
      expect(createScanAdapters({ dataDir, env: {}, log, platform: 'linux' }).adapters.map((a) => a.kind)).toEqual(['sane', 'escl']);
      expect(createScanAdapters({ dataDir, env: {}, log, platform: 'win32' }).adapters.map((a) => a.kind)).toEqual(['wia', 'escl']);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
