// The outgoing register in the Art. 11 flow: "Cấp số" takes the next number in the same Dexie transaction as the
// entry, its document and the journal line (Art. 11.1c, house rule 12); later revisions and the issue append an
// entry.* journal line naming the entryId (the search cache's invariant); bad input changes nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../src/shared/api/result';
import { verifyJournal } from '../../../../src/renderer/db/journal';
import { markOutgoingIssued, recordOutgoingAttachments, recordOutgoingRevision, takeOutgoingNumber, type OutgoingNumbering } from '../../../../src/renderer/db/outgoing';
import { cancelEntry } from '../../../../src/renderer/db/registration';
import { searchRegister } from '../../../../src/renderer/db/queries/register-search';
import type { AppDB } from '../../../../src/renderer/db/db';
import { freshDb, newId } from './support';

const SHA = (c: string) => c.repeat(64);

function numbering(overrides: Partial<OutgoingNumbering> = {}): OutgoingNumbering {
  return {
    typeId: 'quyet-dinh',
    notation: 'QĐ-UBND',
    abstract: 'Về việc ban hành quy chế văn thư điện tử',
    recipient: 'Các phòng, ban',
    urgency: 'thuong',
    signer: 'Nguyễn Văn An',
    issuer: 'Ủy ban nhân dân xã Thử Nghiệm',
    file: { sha256: SHA('a'), size: 1000 },
    at: new Date('2026-03-02T03:00:00Z'),
    actor: 'vanthu',
    newId,
    ...overrides,
  };
}

async function counts(db: AppDB) {
  return { documents: await db.documents.count(), entries: await db.registerEntries.count(), journal: await db.journal.count() };
}

describe('takeOutgoingNumber (Art. 11.1c)', () => {
  it('numbers 01, 02 in the outgoing register of the year, with số ký hiệu, date and journal', async () => {
    const db = freshDb();
    const a = await takeOutgoingNumber(db, numbering());
    const b = await takeOutgoingNumber(db, numbering({ typeId: 'cong-van', notation: 'UBND-VP', file: { sha256: SHA('b'), size: 10 } }));
    expect([a.entry.number, b.entry.number]).toEqual([1, 2]);
    expect(a.entry).toMatchObject({ registerId: 'outgoing-2026', kind: 'outgoing', year: 2026, status: 'active' });
    expect(a.document).toMatchObject({ direction: 'outgoing', codeNotation: '01/QĐ-UBND', documentDate: '2026-03-02', signer: 'Nguyễn Văn An', fileSha256: SHA('a') });
    expect(b.document.codeNotation).toBe('02/UBND-VP');
    const journal = await db.journal.toArray();
    expect(journal.map((j) => [j.action, j.subject])).toEqual([
      ['entry.registered', 'outgoing-2026/1'],
      ['entry.registered', 'outgoing-2026/2'],
    ]);
    expect(JSON.parse(journal[0]?.payload ?? '{}')).toMatchObject({ entryId: a.entry.id, direction: 'outgoing' });
    expect(await searchRegister(db, { kind: 'outgoing', year: 2026 })).toEqual([a.entry.id, b.entry.id]);
    expect(await searchRegister(db, { kind: 'incoming', year: 2026 })).toEqual([]);
  });

  it('never reuses a number, not even a cancelled one (Art. 9.4 applies to both registers)', async () => {
    const db = freshDb();
    const a = await takeOutgoingNumber(db, numbering());
    await cancelEntry(db, { entryId: a.entry.id as number, reason: 'Dự thảo bị trả lại', actor: 'vanthu', at: Date.now() });
    const b = await takeOutgoingNumber(db, numbering());
    expect(b.entry.number).toBe(2);
  });

  it('gives distinct numbers to concurrent requests', async () => {
    const db = freshDb();
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => takeOutgoingNumber(db, numbering())));
    expect(all.map((x) => x.entry.number).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ['a notation with spaces', { notation: 'QĐ UBND' }],
    ['an empty notation', { notation: '' }],
    ['a notation with a slash', { notation: '12/QĐ' }],
    ['an empty abstract', { abstract: '  ' }],
    ['a bad hash', { file: { sha256: 'xyz', size: 1 } }],
    ['an empty file', { file: { sha256: SHA('c'), size: 0 } }],
    ['an unknown type', { typeId: 'luat' as OutgoingNumbering['typeId'] }],
    ['no actor', { actor: ' ' }],
  ])('refuses %s and writes nothing', async (_label, patch) => {
    const db = freshDb();
    await expect(takeOutgoingNumber(db, numbering(patch))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await counts(db)).toEqual({ documents: 0, entries: 0, journal: 0 });
  });
});

describe('later revisions and the issue (Art. 11.1c–e)', () => {
  it('records numbered and sealed files, attachments, then issues once; the journal stays intact', async () => {
    const db = freshDb();
    const { entry } = await takeOutgoingNumber(db, numbering());
    const entryId = entry.id as number;
    await recordOutgoingRevision(db, { entryId, stage: 'numbered', file: { sha256: SHA('d'), size: 1100 }, actor: 'vanthu', at: 1 });
    const sealed = await recordOutgoingRevision(db, { entryId, stage: 'sealed', file: { sha256: SHA('e'), size: 1200 }, actor: 'vanthu', at: 2 });
    expect(sealed).toMatchObject({ fileSha256: SHA('e'), fileSize: 1200 });
    const withAttachments = await recordOutgoingAttachments(db, { entryId, files: [SHA('f')], actor: 'vanthu', at: 3 });
    expect(withAttachments.attachmentSha256s).toEqual([SHA('f')]);
    const issued = await markOutgoingIssued(db, { entryId, actor: 'vanthu', at: 4 });
    expect(issued.issuedAt).toBe(4);
    const lines = await db.journal.toArray();
    expect(lines.map((l) => l.action)).toEqual(['entry.registered', 'entry.signed', 'entry.signed', 'entry.signed', 'entry.issued']);
    for (const l of lines) expect(JSON.parse(l.payload)).toMatchObject({ entryId });
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 5 });
    await expect(markOutgoingIssued(db, { entryId, actor: 'vanthu', at: 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(recordOutgoingRevision(db, { entryId, stage: 'sealed', file: { sha256: SHA('9'), size: 1 }, actor: 'vanthu', at: 6 })).rejects.toBeInstanceOf(AppFailure);
    expect(await db.journal.count()).toBe(5);
  });

  it('refuses an unknown or incoming entry', async () => {
    const db = freshDb();
    await expect(recordOutgoingRevision(db, { entryId: 999, stage: 'numbered', file: { sha256: SHA('d'), size: 1 }, actor: 'x', at: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordOutgoingAttachments(db, { entryId: 1, files: ['bad'], actor: 'x', at: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
