// readPackage in a worker thread (architecture.md "Security rules"): the same answers as in-thread, attachments in
// the same blob store, a hostile package refused there, and a package that outlives the time bound becomes a
// rejection naming the bound while the next package is still read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdxmlReader } from '../../../../../src/main/exchange/edxml/read-worker';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import { createBlobStore } from '../../../../../src/main/storage/blob-store';

const SAMPLES = join(import.meta.dirname, '../../../../../../shared/edxml-samples');
// The worker loads the TypeScript sources through type stripping: slow on a busy machine.
const SLOW = 240_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-worker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('EdxmlReader (worker thread)', () => {
  it('answers as readPackage does, and stores attachments in the shared blob store', async () => {
    const dataDir = join(dir, 'a');
    const reader = new EdxmlReader({ dataDir });
    try {
      const [edoc, status, xxe] = await Promise.all([
        reader.read(join(SAMPLES, 'edoc-new.sample.edxml')),
        reader.read(join(SAMPLES, 'status-03.sample.edxml')),
        (async () => {
          const p = join(dir, 'xxe.edxml');
          await writeFile(p, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&e;</edXML>');
          return reader.read(p);
        })(),
      ]);
      const blobs = createBlobStore({ dataDir });
      expect(edoc).toEqual(await readPackage(join(SAMPLES, 'edoc-new.sample.edxml'), { blobs }));
      expect(status).toEqual(await readPackage(join(SAMPLES, 'status-03.sample.edxml'), { blobs }));
      expect(xxe).toMatchObject({ kind: 'rejected', code: 'DOCTYPE_FORBIDDEN' });
      if (edoc.kind !== 'edoc') throw new Error('expected edoc');
      expect((await blobs.stat(edoc.attachments[0]?.sha256 as string)).exists).toBe(true);
    } finally {
      await reader.close();
    }
  }, SLOW);

  it('a package that outlives the time bound is refused with the bound named; the killed worker is replaced', async () => {
    // A 1 ms bound (counted from when the loaded worker gets the package) is overrun by any real read.
    const quick = new EdxmlReader({ dataDir: join(dir, 'b'), timeoutMs: 1 });
    try {
      const r = await quick.read(join(SAMPLES, 'edoc-new.sample.edxml'));
      expect(r).toMatchObject({ kind: 'rejected', code: 'UNREADABLE' });
      expect(r.kind === 'rejected' && r.reason).toMatch(/giới hạn đọc an toàn: đọc một gói quá 0 giây/);
      // The next package gets a fresh worker (and the same bound).
      expect(await quick.read(join(SAMPLES, 'status-03.sample.edxml'))).toMatchObject({ kind: 'rejected', code: 'UNREADABLE' });
    } finally {
      await quick.close();
    }
  }, SLOW);
});
