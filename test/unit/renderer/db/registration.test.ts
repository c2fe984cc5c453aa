import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../src/shared/api/result';
import { verifyJournal } from '../../../../src/renderer/db/journal';
import { cancelEntry, registerIncoming, transferEntry } from '../../../../src/renderer/db/registration';
import { searchRegister } from '../../../../src/renderer/db/queries/register-search';
import type { AppDB } from '../../../../src/renderer/db/db';
import { form, freshDb, registration } from './support';

async function register(db: AppDB, code: string, when?: string) {
  const outcome = await registerIncoming(db, registration({ form: form({ codeNotation: code }) }, when));
  if (outcome.kind !== 'registered') throw new Error(`expected registered, got ${outcome.kind}`);
  return outcome;
}

async function counts(db: AppDB) {
  return {
    documents: await db.documents.count(),
    entries: await db.registerEntries.count(),
    registers: await db.registers.count(),
    journal: await db.journal.count(),
  };
}

describe('registerIncoming (Art. 9.1, 9.4; NĐ 30 Art. 22.2)', () => {
  it('gives numbers 1 and 2 to two registrations in the incoming register of the arrival year', async () => {
    const db = freshDb();
    const a = await register(db, '1/UBND-VP');
    const b = await register(db, '2/UBND-VP');
    expect([a.entry.number, b.entry.number]).toEqual([1, 2]);
    expect(a.entry.registerId).toBe('incoming-2026');
    expect(a.entry).toMatchObject({ kind: 'incoming', year: 2026, status: 'active', handling: 'waiting', documentId: a.document.id });
    expect(await db.documents.get(a.document.id)).toEqual(a.document);
    expect(await db.registers.get('incoming-2026')).toEqual({ id: 'incoming-2026', kind: 'incoming', year: 2026 });
    const journal = await db.journal.toArray();
    expect(journal.map((j) => [j.action, j.subject])).toEqual([
      ['entry.registered', 'incoming-2026/1'],
      ['entry.registered', 'incoming-2026/2'],
    ]);
  });

  it('keeps a cancelled number, lists it as cancelled, and never gives it again (Art. 9.4, 9.5)', async () => {
    const db = freshDb();
    await register(db, '1/UBND-VP');
    const second = await register(db, '2/UBND-VP');
    const cancelled = await cancelEntry(db, { entryId: second.entry.id as number, reason: 'Văn bản bị thu hồi', actor: 'vanthu', at: Date.UTC(2026, 0, 7) });
    expect(cancelled).toMatchObject({ number: 2, status: 'cancelled', cancelReason: 'Văn bản bị thu hồi', cancelledBy: 'vanthu', cancelledAt: Date.UTC(2026, 0, 7) });
    const third = await register(db, '3/UBND-VP');
    expect(third.entry.number).toBe(3);
    const listed = await searchRegister(db, { kind: 'incoming', year: 2026 });
    expect(listed).toHaveLength(3);
    const rows = await db.registerEntries.bulkGet(listed);
    expect(rows.map((r) => [r?.number, r?.status])).toEqual([
      [1, 'active'],
      [2, 'cancelled'],
      [3, 'active'],
    ]);
    expect((await db.journal.toArray()).map((j) => j.action)).toContain('entry.cancelled');
  });

  it('even when the cancelled entry was the last one, the next number is one more', async () => {
    const db = freshDb();
    const only = await register(db, '1/UBND-VP');
    await cancelEntry(db, { entryId: only.entry.id as number, reason: 'Nhập nhầm', actor: 'vanthu', at: 1 });
    expect((await register(db, '2/UBND-VP')).entry.number).toBe(2);
  });

  it('restarts at 1 on 1 January, Vietnam time (NĐ 30 Art. 15.1)', async () => {
    const db = freshDb();
    const lastOfYear = await register(db, '1/UBND-VP', '2025-12-31 23:59');
    const next = await register(db, '2/UBND-VP', '2025-12-31 23:59');
    const newYear = await register(db, '3/UBND-VP', '2026-01-01 00:00');
    expect([lastOfYear.entry.registerId, lastOfYear.entry.number]).toEqual(['incoming-2025', 1]);
    expect([next.entry.registerId, next.entry.number]).toEqual(['incoming-2025', 2]);
    expect([newYear.entry.registerId, newYear.entry.number, newYear.entry.year]).toEqual(['incoming-2026', 1, 2026]);
    // 2025-12-31 17:30 UTC is already 1 January in Vietnam.
    expect(newYear.entry.arrivedAt).toBe(Date.UTC(2025, 11, 31, 17, 0));
  });

  it('rolls everything back when a write inside the transaction fails', async () => {
    const db = freshDb();
    await register(db, '1/UBND-VP');
    const before = await counts(db);
    const unsubscribe = (): void => db.registerEntries.hook('creating').unsubscribe(boom);
    function boom(): void {
      throw new Error('disk full (simulated)');
    }
    db.registerEntries.hook('creating', boom);
    await expect(registerIncoming(db, registration({ form: form({ codeNotation: '2/UBND-VP' }) }))).rejects.toThrow('disk full');
    unsubscribe();
    expect(await counts(db)).toEqual(before);
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 1 });
    // The number the failed attempt would have taken is still free.
    expect((await register(db, '2/UBND-VP')).entry.number).toBe(2);
  });

  it('rolls back the new register and document when the journal write fails', async () => {
    const db = freshDb();
    function boom(): void {
      throw new Error('journal broken (simulated)');
    }
    db.journal.hook('creating', boom);
    await expect(registerIncoming(db, registration())).rejects.toThrow('journal broken');
    db.journal.hook('creating').unsubscribe(boom);
    expect(await counts(db)).toEqual({ documents: 0, entries: 0, registers: 0, journal: 0 });
  });

  it('warns about the same số/ký hiệu from the same issuer, then registers when confirmed', async () => {
    const db = freshDb();
    const first = await register(db, '05/BNV-VP');
    // Written differently: no leading zero, other case, no diacritics in the issuer.
    const again = registration({ form: form({ codeNotation: '5/bnv-vp', issuer: 'ubnd tinh lai chau' }) }, '2027-02-01 10:00');
    const warned = await registerIncoming(db, again);
    expect(warned.kind).toBe('duplicate');
    if (warned.kind !== 'duplicate') return;
    expect(warned.existing.entry.id).toBe(first.entry.id);
    expect(warned.existing.document.codeNotation).toBe('05/BNV-VP');
    expect(await db.registerEntries.count()).toBe(1);
    const confirmed = await registerIncoming(db, { ...again, confirmDuplicate: true });
    expect(confirmed.kind).toBe('registered');
    expect(await db.registerEntries.count()).toBe(2);
  });

  it('does not call the same number from another issuer a duplicate', async () => {
    const db = freshDb();
    await register(db, '05/BNV-VP');
    const other = await registerIncoming(db, registration({ form: form({ codeNotation: '05/BNV-VP', issuer: 'Sở Nội vụ' }) }));
    expect(other.kind).toBe('registered');
  });

  it('gives 20 concurrent registrations 20 distinct consecutive numbers', async () => {
    const db = freshDb();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => registerIncoming(db, registration({ form: form({ codeNotation: `${i + 1}/UBND-VP` }) }))));
    const numbers = outcomes.map((o) => (o.kind === 'registered' ? o.entry.number : -1)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 20 });
  });

  it('refuses bad input with VALIDATION and writes nothing', async () => {
    const db = freshDb();
    const bad = [
      registration({ file: { sha256: 'not-a-hash', size: 10 } }),
      registration({ file: { sha256: 'ab'.repeat(32), size: 0 } }),
      registration({ arrivedAt: new Date(Number.NaN) }),
      registration({ actor: '  ' }),
      registration({ form: { ...form(), abstract: '' } }),
      registration({ form: { ...form(), codeNotation: 'không có số' } }),
    ];
    for (const input of bad) {
      const error: unknown = await registerIncoming(db, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).code).toBe('VALIDATION');
      expect((error as AppFailure).message).toMatch(/[ạảãáàăâđêôơư]/u);
    }
    expect(await counts(db)).toEqual({ documents: 0, entries: 0, registers: 0, journal: 0 });
  });
});

describe('cancelEntry and transferEntry', () => {
  it('refuses an empty reason, a second cancellation and an unknown entry, changing nothing', async () => {
    const db = freshDb();
    const a = await register(db, '1/UBND-VP');
    const id = a.entry.id as number;
    await expect(cancelEntry(db, { entryId: id, reason: '   ', actor: 'vanthu', at: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await cancelEntry(db, { entryId: id, reason: 'Trùng', actor: 'vanthu', at: 2 });
    await expect(cancelEntry(db, { entryId: id, reason: 'Lại', actor: 'vanthu', at: 3 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(cancelEntry(db, { entryId: 999, reason: 'x', actor: 'vanthu', at: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.registerEntries.get(id)).toMatchObject({ cancelReason: 'Trùng', cancelledAt: 2 });
    expect(await db.journal.count()).toBe(2);
  });

  it('passes an entry to the leader once, and never a cancelled one', async () => {
    const db = freshDb();
    const a = await register(db, '1/UBND-VP');
    const b = await register(db, '2/UBND-VP');
    const moved = await transferEntry(db, { entryId: a.entry.id as number, to: 'Nguyễn Văn A', actor: 'vanthu', at: 50 });
    expect(moved).toMatchObject({ handling: 'transferred', transferredTo: 'Nguyễn Văn A', transferredAt: 50, number: 1 });
    await expect(transferEntry(db, { entryId: a.entry.id as number, to: 'X', actor: 'vanthu', at: 51 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await cancelEntry(db, { entryId: b.entry.id as number, reason: 'Thu hồi', actor: 'vanthu', at: 52 });
    await expect(transferEntry(db, { entryId: b.entry.id as number, to: 'X', actor: 'vanthu', at: 53 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(transferEntry(db, { entryId: a.entry.id as number, to: ' ', actor: 'vanthu', at: 53 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await searchRegister(db, { kind: 'incoming', status: 'transferred' })).toEqual([a.entry.id]);
    expect(await searchRegister(db, { kind: 'incoming', status: 'waiting' })).toEqual([]);
    expect((await db.journal.toArray()).map((j) => j.action)).toEqual(['entry.registered', 'entry.registered', 'entry.transferred', 'entry.cancelled']);
  });
});
