// The renderer reports each new journal head to main's witness after the change commits (Art. 3.3), so
// "Kiểm tra nhật ký" can tell when lines were cut off the end.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendJournal } from '../../../../src/renderer/db/journal';
import { startJournalWitness } from '../../../../src/renderer/db/journal-witness';
import { createFakeApi } from '../support/fake-api';
import { freshDb } from './support';

/** Polls until `check` holds or a generous deadline passes (the caller's expect then says what is missing). */
async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
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
      // Instead of sleeping and hoping a wrong report would have come by then: commit the real line 3 and wait for
      // it. Reports follow the journal in order, so a report of the rolled-back line would be in `seen` by now, and
      // it would carry seq 3 with another hash (or a second seq 3).
      await db.transaction('rw', db.journal, () => appendJournal(db, { at: 4, actor: 'vanthu', action: 'test.step', subject: 's4', payload: null }));
      await until(() => seen.some((h) => h.seq === 3));
      const third = await db.journal.get(3);
      expect(third?.subject).toBe('s4');
      expect(seen.filter((h) => h.seq === 3)).toEqual([{ seq: 3, hash: third?.hash }]);
      expect(Math.max(...seen.map((h) => h.seq))).toBe(3);
      expect(new Set(seen.map((h) => h.seq)).size).toBe(seen.length);
    } finally {
      stop();
    }
  });
});
