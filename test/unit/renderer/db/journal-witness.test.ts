// The renderer reports each new journal head to main's witness after the change commits (Art. 3.3), so
// "Kiểm tra nhật ký" can tell when lines were cut off the end.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendJournal } from '../../../../src/renderer/db/journal';
import { startJournalWitness } from '../../../../src/renderer/db/journal-witness';
import { createFakeApi } from '../support/fake-api';
import { freshDb } from './support';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('journal witness reporting', () => {
  it('reports the newest committed head, once per new line, and nothing for a rolled-back change', async () => {
    const db = freshDb();
    const seen: { seq: number; hash: string }[] = [];
    const api = createFakeApi({ 'journal.witness': (req) => (seen.push(req), { ok: true, value: req }) });
    const stop = startJournalWitness(db, api);
    try {
      for (const i of [1, 2]) {
        await db.transaction('rw', db.journal, () => appendJournal(db, { at: i, actor: 'vanthu', action: 'test.step', subject: `s${i}`, payload: null }));
      }
      await until(() => seen.some((h) => h.seq === 2));
      const last = await db.journal.get(2);
      expect(seen.at(-1)).toEqual({ seq: 2, hash: last?.hash });
      // A change that throws rolls its journal line back: no head beyond 2 is ever reported.
      await expect(
        db.transaction('rw', db.journal, async () => {
          await appendJournal(db, { at: 3, actor: 'vanthu', action: 'test.step', subject: 's3', payload: null });
          throw new Error('bỏ thay đổi');
        }),
      ).rejects.toThrow('bỏ thay đổi');
      await new Promise((r) => setTimeout(r, 50));
      expect(Math.max(...seen.map((h) => h.seq))).toBe(2);
      expect(new Set(seen.map((h) => h.seq)).size).toBe(seen.length);
    } finally {
      stop();
    }
  });
});
