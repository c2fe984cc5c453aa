// Leader → clerk handover without passing files around (Art. 11.1b): the personally signed draft is saved as
// "Chờ cấp số" with its signer and file hash in one transaction with a journal line; taking the number marks it
// numbered in the numbering transaction (Art. 11.1c); bad input writes nothing; the Art. 11.1đ print is journaled;
// a version-1 database upgrades to version 2 keeping its records.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, DB_VERSION, SCHEMA_V1 } from '../../../../src/renderer/db/db';
import { verifyJournal } from '../../../../src/renderer/db/journal';
import { recordPaperPrinted, takeOutgoingNumber } from '../../../../src/renderer/db/outgoing';
import { listWaitingDrafts, saveSignedDraft, type SignedDraft } from '../../../../src/renderer/db/outgoing-drafts';
import { freshDb, newId } from './support';

const SHA = (c: string) => c.repeat(64);

function draft(overrides: Partial<SignedDraft> = {}): SignedDraft {
  return {
    form: { typeId: 'quyet-dinh', notation: 'QĐ-UBND', abstract: 'Về việc ban hành quy chế', recipient: 'Các phòng', urgency: 'thuong' },
    file: { sha256: SHA('a'), size: 2000 },
    fileName: 'du-thao.pdf',
    signer: 'Nguyễn Văn An',
    actor: 'lanhdao',
    at: 1000,
    newId,
    ...overrides,
  };
}

describe('saveSignedDraft (Art. 11.1b)', () => {
  it('saves the signed draft as waiting for a number and journals signer and file hash', async () => {
    const db = freshDb();
    const first = await saveSignedDraft(db, draft());
    await saveSignedDraft(db, draft({ at: 2000, file: { sha256: SHA('b'), size: 10 } }));
    expect(first).toMatchObject({ status: 'waiting-number', signer: 'Nguyễn Văn An', fileSha256: SHA('a'), notation: 'QĐ-UBND', createdBy: 'lanhdao' });
    expect((await listWaitingDrafts(db)).map((d) => d.fileSha256)).toEqual([SHA('a'), SHA('b')]);
    const [line] = await db.journal.toArray();
    expect(line).toMatchObject({ action: 'draft.signed', subject: `draft/${first.id}`, actor: 'lanhdao' });
    expect(JSON.parse(line?.payload ?? '{}')).toMatchObject({ draftId: first.id, status: 'waiting-number', signer: 'Nguyễn Văn An', fileSha256: SHA('a') });
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 2 });
  });

  it.each([
    ['a bad notation', { form: { ...draft().form, notation: 'QĐ UBND' } }],
    ['a bad hash', { file: { sha256: 'xyz', size: 10 } }],
    ['no signer', { signer: ' ' }],
    ['no actor', { actor: '' }],
  ])('refuses %s and writes nothing', async (_label, patch) => {
    const db = freshDb();
    await expect(saveSignedDraft(db, draft(patch))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect([await db.outgoingDrafts.count(), await db.journal.count()]).toEqual([0, 0]);
  });

  it('takes the number for a waiting draft and marks it numbered in the same transaction, only once', async () => {
    const db = freshDb();
    const saved = await saveSignedDraft(db, draft());
    const numbering = { ...saved, signer: saved.signer, issuer: 'UBND xã', file: { sha256: saved.fileSha256, size: saved.fileSize }, at: new Date('2026-03-02T03:00:00Z'), actor: 'vanthu', newId, draftId: saved.id };
    const { entry } = await takeOutgoingNumber(db, numbering);
    expect(await listWaitingDrafts(db)).toEqual([]);
    expect(await db.outgoingDrafts.get(saved.id)).toMatchObject({ status: 'numbered', entryId: entry.id });
    const lines = await db.journal.toArray();
    expect(JSON.parse(lines[1]?.payload ?? '{}')).toMatchObject({ entryId: entry.id, draftId: saved.id });
    await expect(takeOutgoingNumber(db, numbering)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(takeOutgoingNumber(db, { ...numbering, draftId: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.registerEntries.count()).toBe(1);
  });
});

describe('recordPaperPrinted (Art. 11.1đ)', () => {
  it('journals the print of the personally signed version against the entry', async () => {
    const db = freshDb();
    const { entry } = await takeOutgoingNumber(db, { ...draft().form, signer: 'A', issuer: 'UBND xã', file: { sha256: SHA('c'), size: 5 }, at: new Date(), actor: 'vanthu', newId });
    await recordPaperPrinted(db, { entryId: entry.id as number, fileSha256: SHA('d'), actor: 'vanthu', at: 5 });
    const last = await db.journal.orderBy('seq').last();
    expect(last?.action).toBe('entry.paperPrinted');
    expect(JSON.parse(last?.payload ?? '{}')).toEqual({ entryId: entry.id, fileSha256: SHA('d') });
    await expect(recordPaperPrinted(db, { entryId: 999, fileSha256: SHA('d'), actor: 'x', at: 6 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordPaperPrinted(db, { entryId: entry.id as number, fileSha256: 'bad', actor: 'x', at: 6 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await db.journal.count()).toBe(2);
  });
});

describe('schema version 2', () => {
  it('upgrades a version-1 database and keeps its records', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.table('accounts').add({ id: 'a1', username: 'vanthu', fullName: 'V', role: 'van-thu', passwordHash: 'h', createdAt: 1, disabled: false });
    old.close();
    const db = createDb(name);
    expect(await db.accounts.count()).toBe(1);
    // Upgraded step by step to the latest schema (v3 adds exchangeIncoming, issue 8; v4 the OCR index, issue 9).
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(4);
    expect(await listWaitingDrafts(db)).toEqual([]);
    db.close();
  });
});
