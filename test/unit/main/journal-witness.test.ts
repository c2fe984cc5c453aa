// Main's witness of the audit journal head (Art. 3.3): it only moves forward, survives a restart, and refuses a
// head that went backwards or was rewritten, so lines cut off the end of the journal stay detectable.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalWitness, WITNESS_FILE } from '../../../src/main/journal/journal-witness';

const H = (c: string) => c.repeat(64);
let dataDir: string;
const quiet = { warn: () => undefined };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vanthu-witness-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('journal witness', () => {
  it('starts empty, records newer heads, and keeps them across a restart', async () => {
    const w = createJournalWitness({ dataDir, log: quiet });
    expect(await w.head()).toBeNull();
    expect(await w.record({ seq: 3, hash: H('a') })).toEqual({ seq: 3, hash: H('a') });
    await w.record({ seq: 7, hash: H('b') });
    expect(await createJournalWitness({ dataDir, log: quiet }).head()).toEqual({ seq: 7, hash: H('b') });
    expect(JSON.parse(await readFile(join(dataDir, WITNESS_FILE), 'utf8'))).toEqual({ seq: 7, hash: H('b') });
  });

  it('accepts the same head again, refuses a lower seq or another hash at the same seq, and changes nothing', async () => {
    const w = createJournalWitness({ dataDir, log: quiet });
    await w.record({ seq: 5, hash: H('c') });
    await expect(w.record({ seq: 5, hash: H('c') })).resolves.toEqual({ seq: 5, hash: H('c') });
    await expect(w.record({ seq: 4, hash: H('d') })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.record({ seq: 5, hash: H('e') })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await w.head()).toEqual({ seq: 5, hash: H('c') });
  });

  it('serialises concurrent reports: the highest wins and none is lost', async () => {
    const w = createJournalWitness({ dataDir, log: quiet });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((seq) => w.record({ seq, hash: H(String(seq)) })));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await w.head()).toEqual({ seq: 6, hash: H('6') });
  });

  it('answers INTEGRITY for a damaged witness file instead of trusting it', async () => {
    await writeFile(join(dataDir, WITNESS_FILE), '{"seq":"nhiều","hash":"x"}');
    await expect(createJournalWitness({ dataDir, log: quiet }).head()).rejects.toMatchObject({ code: 'INTEGRITY' });
    await writeFile(join(dataDir, WITNESS_FILE), 'không phải JSON');
    await expect(createJournalWitness({ dataDir, log: quiet }).record({ seq: 9, hash: H('f') })).rejects.toMatchObject({ code: 'INTEGRITY' });
  });
});
