import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../../../src/renderer/db/canonical-json';
import { appendJournal, GENESIS_HASH, journalHash, verifyJournal } from '../../../../src/renderer/db/journal';
import type { AppDB } from '../../../../src/renderer/db/db';
import { freshDb } from './support';

async function journalOf(db: AppDB, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await db.transaction('rw', db.journal, () =>
      appendJournal(db, { at: 1_000 * i, actor: 'vanthu', action: 'test.step', subject: `item-${i}`, payload: { i, note: `bước ${i}` } }),
    );
  }
}

describe('audit journal (Art. 3.3 integrity)', () => {
  it('chains lines: seq 1…n, the first prevHash is 64 zeros, each prevHash is the hash before', async () => {
    const db = freshDb();
    await journalOf(db, 5);
    const lines = await db.journal.orderBy('seq').toArray();
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < lines.length; i++) expect(lines[i]?.prevHash).toBe(lines[i - 1]?.hash);
    for (const line of lines) {
      expect(line.hash).toMatch(/^[0-9a-f]{64}$/);
      const { hash, ...rest } = line;
      expect(journalHash(rest)).toBe(hash);
    }
    expect(lines[2]?.payload).toBe('{"i":3,"note":"bước 3"}');
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 5 });
  });

  it('with main\'s witness: lines cut off the end are reported (truncated), the intact head verifies', async () => {
    const db = freshDb();
    await journalOf(db, 6);
    const head = await db.journal.get(6);
    if (!head) throw new Error('missing line');
    const witness = { seq: 6, hash: head.hash };
    expect(await verifyJournal(db, witness)).toEqual({ ok: true, count: 6 });
    // A witness behind the journal (a crash before the report) is fine: it may lag, never lead.
    const older = await db.journal.get(4);
    expect(await verifyJournal(db, { seq: 4, hash: older?.hash ?? '' })).toEqual({ ok: true, count: 6 });
    // Without the witness, deleting the last lines leaves a chain that looks whole.
    await db.journal.bulkDelete([5, 6]);
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 4 });
    expect(await verifyJournal(db, witness)).toEqual({ ok: false, count: 4, firstBroken: { seq: 5, reason: 'truncated' } });
  });

  it('with main\'s witness: a tail rewritten with fresh hashes is reported at the witnessed seq (witness-mismatch)', async () => {
    const db = freshDb();
    await journalOf(db, 5);
    const head = await db.journal.get(5);
    if (!head) throw new Error('missing line');
    // Rewrite lines 4 and 5 consistently: the chain alone cannot tell.
    await db.journal.bulkDelete([4, 5]);
    for (const i of [4, 5]) {
      await db.transaction('rw', db.journal, () => appendJournal(db, { at: 9_000 + i, actor: 'ke-gian', action: 'test.step', subject: `item-${i}`, payload: { i } }));
    }
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 5 });
    expect(await verifyJournal(db, { seq: 5, hash: head.hash })).toEqual({ ok: false, count: 4, firstBroken: { seq: 5, reason: 'witness-mismatch' } });
  });

  it('an empty journal verifies', async () => {
    expect(await verifyJournal(freshDb())).toEqual({ ok: true, count: 0 });
  });

  it('reports an edited payload at its seq (hash-mismatch)', async () => {
    const db = freshDb();
    await journalOf(db, 6);
    await db.journal.update(4, { payload: '{"i":4,"note":"đã sửa"}' });
    expect(await verifyJournal(db)).toEqual({ ok: false, count: 3, firstBroken: { seq: 4, reason: 'hash-mismatch' } });
  });

  it('reports an edited line whose own hash was recomputed at the next line (prev-mismatch)', async () => {
    const db = freshDb();
    await journalOf(db, 6);
    const line = await db.journal.get(3);
    if (!line) throw new Error('missing line');
    const { hash: _old, ...rest } = { ...line, actor: 'ke-gian' };
    await db.journal.put({ ...rest, hash: journalHash(rest) });
    expect(await verifyJournal(db)).toEqual({ ok: false, count: 3, firstBroken: { seq: 4, reason: 'prev-mismatch' } });
  });

  it('reports a deleted line at the missing seq (seq-gap), also the first one', async () => {
    const db = freshDb();
    await journalOf(db, 6);
    await db.journal.delete(5);
    expect(await verifyJournal(db)).toEqual({ ok: false, count: 4, firstBroken: { seq: 5, reason: 'seq-gap' } });
    const db2 = freshDb();
    await journalOf(db2, 3);
    await db2.journal.delete(1);
    expect(await verifyJournal(db2)).toEqual({ ok: false, count: 0, firstBroken: { seq: 1, reason: 'seq-gap' } });
  });

  it('verifies a journal longer than one verification page', async () => {
    const db = freshDb();
    await db.transaction('rw', db.journal, async () => {
      for (let i = 0; i < 2_100; i++) await appendJournal(db, { at: i, actor: 'a', action: 'bulk', subject: String(i), payload: null });
    });
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 2_100 });
    await db.journal.update(2_050, { subject: 'x' });
    expect(await verifyJournal(db)).toEqual({ ok: false, count: 2_049, firstBroken: { seq: 2_050, reason: 'hash-mismatch' } });
  });

  it('refuses to write outside a read-write transaction that includes the journal', async () => {
    const db = freshDb();
    const event = { at: 1, actor: 'a', action: 'x', subject: 's', payload: {} };
    await expect(appendJournal(db, event)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(db.transaction('r', db.journal, () => appendJournal(db, event))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(db.transaction('rw', db.accounts, () => appendJournal(db, event))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(db.transaction('rw', db.journal, () => appendJournal(db, { ...event, action: '' }))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await db.journal.count()).toBe(0);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(new Date(Date.UTC(2026, 0, 1)))).toBe('"2026-01-01T00:00:00.000Z"');
    expect(canonicalJson([undefined, null, 'Đề án'])).toBe('[null,null,"Đề án"]');
  });

  it('refuses what JSON cannot carry exactly', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [Number.NaN, Infinity, 10n, () => 1, Symbol('s'), cyclic, new Date(Number.NaN)]) {
      expect(() => canonicalJson(bad)).toThrow(CanonicalJsonError);
    }
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
