/** The record of scanned documents: newest first, no duplicates, bounded, a damaged file reads as empty. */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentScans, MAX_RECENT } from '../../../../src/main/scan/recent-scans';

let dataDir: string;
const log = { warn: () => undefined };
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vts-recent-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const doc = (n: number) => ({ file: { sha256: n.toString(16).padStart(64, '0'), size: 100 + n, mediaType: 'application/pdf' as const }, pageCount: 1 + (n % 3), sourcePages: [1] });

describe('recent scans', () => {
  it('keeps the newest first without duplicates, across instances', async () => {
    const at = new Date('2026-11-24T02:00:00Z');
    const a = createRecentScans({ dataDir, log });
    await Promise.all([a.add([doc(1), doc(2)], 'sane:test:0', at), a.add([doc(3)], 'sane:test:0', at)]);
    await a.add([doc(1)], 'escl:http://10.0.0.7/eSCL', at);
    const list = await createRecentScans({ dataDir, log }).list();
    expect(list.map((r) => r.sha256.slice(-1))).toEqual(['1', '3', '2']);
    expect(list[0]).toEqual({ sha256: doc(1).file.sha256, size: 101, pageCount: 2, scannedAt: '2026-11-24T02:00:00.000Z', device: 'escl:http://10.0.0.7/eSCL' });
  });

  it('is bounded and survives a damaged file', async () => {
    const r = createRecentScans({ dataDir, log });
    await r.add(Array.from({ length: MAX_RECENT + 20 }, (_, i) => doc(i + 1)), 'sane:test:0', new Date());
    expect(await r.list()).toHaveLength(MAX_RECENT);
    await mkdir(join(dataDir, 'scan'), { recursive: true });
    await writeFile(join(dataDir, 'scan', 'recent.json'), '{not json');
    expect(await r.list()).toEqual([]);
    await r.add([doc(7)], 'sane:test:0', new Date());
    expect(await r.list()).toHaveLength(1);
  });
});
