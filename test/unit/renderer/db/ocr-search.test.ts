import 'fake-indexeddb/auto';
import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, DB_VERSION, SCHEMA_V3, type AppDB } from '../../../../src/renderer/db/db';
import { addToPosting, buildOcrPostings, forEachPostingId } from '../../../../src/renderer/db/ocr-index';
import type { OcrPostingRecord } from '../../../../src/renderer/db/records';
import { fullScanSearch, searchRegister, searchRegisterByIndexes, type RegisterFilter } from '../../../../src/renderer/db/queries/register-search';
import { checkpointRegisterSearch, entryChangeSeq, searchCacheFromCheckpoint } from '../../../../src/renderer/db/queries/search-cache';
import { cancelEntry, registerIncoming, transferEntry } from '../../../../src/renderer/db/registration';
import { entrySearchFields, MAX_OCR_TEXT_LENGTH, ocrSearchTokens } from '../../../../src/renderer/db/search-index';
import { SHA, form, freshDb, registration } from './support';

const OCR = `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/QĐ-UBND   Lai Châu, ngày 05 tháng 01 năm 2026
QUYẾT ĐỊNH Về việc phê duyệt dự án nâng cấp Đường giao thông liên xã Bản Giang
Căn cứ Luật Ngân sách nhà nước; xét đề nghị của Giám đốc Sở Giao thông vận tải,
Điều 1. Tổng mức đầu tư 1.250.000.000 đồng, nguồn vốn ngân sách tỉnh. Nơi nhận: như Điều 3; lưu VT.`;

async function register(db: AppDB, overrides: { abstract?: string; codeNotation?: string; ocrText?: string } = {}, when = '2026-03-02 09:00') {
  const { ocrText, ...fields } = overrides;
  const outcome = await registerIncoming(db, registration({ form: form(fields), confirmDuplicate: true, ...(ocrText !== undefined ? { ocrText } : {}) }, when));
  if (outcome.kind !== 'registered') throw new Error('not registered');
  return outcome;
}

/** All three searches give the full scan's answer. */
async function agree(db: AppDB, filter: RegisterFilter): Promise<number[]> {
  const expected = await fullScanSearch(db, filter);
  expect(await searchRegister(db, filter), JSON.stringify(filter)).toEqual(expected);
  expect(await searchRegisterByIndexes(db, filter), `indexes ${JSON.stringify(filter)}`).toEqual(expected);
  expect(await searchRegisterByIndexes(db, filter, { loadLimit: 0 }), `key-only ${JSON.stringify(filter)}`).toEqual(expected);
  return expected;
}

describe('OCR text in the register search (issue 9, Phụ lục VI Phần I III)', () => {
  it('stores the OCR text on the document and finds the entry by a word only in it, with and without diacritics, đ ↔ d', async () => {
    const db = freshDb();
    const plain = await register(db, { codeNotation: '1/UBND-VP', abstract: 'Về việc họp giao ban' });
    const scanned = await register(db, { codeNotation: '2/UBND-VP', abstract: 'Về việc họp giao ban', ocrText: OCR });
    const id = scanned.entry.id as number;
    expect(scanned.document.ocrText).toBe(OCR.normalize('NFC'));
    expect((await db.documents.get(scanned.document.id))?.ocrText).toBe(OCR.normalize('NFC'));
    expect(await db.ocrTokens.get(id)).toMatchObject({ entryId: id, documentId: scanned.document.id });
    expect(plain.document.ocrText).toBeUndefined();
    expect(await db.ocrTokens.get(plain.entry.id as number)).toBeUndefined();
    const q = (text: string) => agree(db, { kind: 'incoming', text });
    for (const text of ['đường giao thông', 'duong giao thong', 'ĐƯỜNG', 'Bản Giang', 'ban giang', 'nguon von', 'ngân sách nhà nước', 'giam doc so', 'dong', 'đồng']) {
      expect(await q(text), text).toEqual([id]);
    }
    // Số/ký hiệu in the OCR text: whole, from one of its parts on, or its start; not from inside a word.
    expect(await q('12/qđ-ubnd')).toEqual([id]);
    expect(await q('12/QD-UBND')).toEqual([id]);
    expect(await q('qd-ubnd')).toEqual([id]);
    expect(await q('12/qd')).toEqual([id]);
    expect(await q('2/qd')).toEqual([]);
    expect(await q('1.250.000.000')).toEqual([id]);
    // Field words and OCR words together; a word in neither finds nothing.
    expect(await q('giao ban duong')).toEqual([id]);
    expect(await q('giao ban')).toEqual([plain.entry.id, id]);
    expect(await q('khong co tu nay')).toEqual([]);
    expect(await agree(db, { kind: 'incoming', text: 'duong', status: 'waiting', year: 2026 })).toEqual([id]);
    expect(await agree(db, { kind: 'outgoing', text: 'duong' })).toEqual([]);
  });

  it('bounds the stored OCR text and its tokens', async () => {
    const db = freshDb();
    const long = `${'văn bản '.repeat(3000)}cuối`;
    const r = await register(db, { ocrText: `  ${long}\u0000 ` });
    expect(r.document.ocrText?.length).toBeLessThanOrEqual(MAX_OCR_TEXT_LENGTH);
    expect(r.document.ocrText?.endsWith('bản')).toBe(true); // cut at a whitespace, the tail dropped
    expect(await searchRegister(db, { kind: 'incoming', text: 'cuoi' })).toEqual([]);
    const blank = await register(db, { codeNotation: '9/UBND-VP', ocrText: ' \n\t ' });
    expect(blank.document.ocrText).toBeUndefined();
    expect(ocrSearchTokens('Số 12/QĐ-UBND (12/QĐ-UBND),')).toEqual(['so', '12', 'qd', 'ubnd', '12/qd-ubnd', 'qd-ubnd']);
    await expect(registerIncoming(db, registration({ ocrText: 42 as unknown as string }))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('shows an entry found by its OCR text as cancelled as soon as cancelEntry returns (Art. 9.4, issue 7)', async () => {
    const db = freshDb();
    const other = await register(db, { codeNotation: '3/UBND-VP', ocrText: 'Đường giao thông nông thôn' });
    const scanned = await register(db, { codeNotation: '4/UBND-VP', ocrText: OCR });
    const id = scanned.entry.id as number;
    const otherId = other.entry.id as number;
    expect(await searchRegister(db, { kind: 'incoming', text: 'duong', status: 'active' })).toEqual([otherId, id]); // cache loaded
    await cancelEntry(db, { entryId: id, reason: 'Đăng ký nhầm', actor: 'vanthu', at: 10 });
    expect(entryChangeSeq(db, id)).toBe((await db.journal.orderBy('seq').last())?.seq);
    expect(await agree(db, { kind: 'incoming', text: 'duong', status: 'active' })).toEqual([otherId]);
    expect(await agree(db, { kind: 'incoming', text: 'duong', status: 'cancelled' })).toEqual([id]);
    expect(await agree(db, { kind: 'incoming', text: 'duong' })).toEqual([otherId, id]);
  });

  it('starts the next sign-in from the checkpoint and catches up with registrations, OCR and cancellations made after it', async () => {
    const db = freshDb();
    const first = await register(db, { codeNotation: '5/UBND-VP', ocrText: OCR });
    expect(await searchRegister(db, { kind: 'incoming', text: 'duong' })).toEqual([first.entry.id]);
    await checkpointRegisterSearch(db);
    const later = await register(db, { codeNotation: '6/UBND-VP', ocrText: 'Dương lịch và âm lịch; đường tránh' });
    await cancelEntry(db, { entryId: first.entry.id as number, reason: 'Trùng', actor: 'vanthu', at: 11 });
    await transferEntry(db, { entryId: later.entry.id as number, to: 'Lãnh đạo', actor: 'vanthu', at: 12 });
    const next = createDb(db.name);
    expect(await searchRegister(next, { kind: 'incoming', text: 'duong' })).toEqual([first.entry.id, later.entry.id]);
    expect(searchCacheFromCheckpoint(next)).toBe(true);
    expect(await agree(next, { kind: 'incoming', text: 'duong', status: 'cancelled' })).toEqual([first.entry.id]);
    expect(await agree(next, { kind: 'incoming', text: 'duong', status: 'transferred' })).toEqual([later.entry.id]);
    expect(await agree(next, { kind: 'incoming', text: 'am lich' })).toEqual([later.entry.id]);
    // The kept OCR bitmaps learn entries registered after they were read.
    const third = await register(next, { codeNotation: '7/UBND-VP', ocrText: 'Đường dây nóng' });
    expect(await agree(next, { kind: 'incoming', text: 'duong' })).toEqual([first.entry.id, later.entry.id, third.entry.id]);
    expect(await agree(db, { kind: 'incoming', text: 'duong', status: 'active' })).toEqual([later.entry.id, third.entry.id]);
    next.close();
  });

  it('ignores a checkpoint that does not fit the database and rebuilds from the entries', async () => {
    const db = freshDb();
    const r = await register(db, { codeNotation: '8/UBND-VP', ocrText: OCR });
    await searchRegister(db, { kind: 'incoming' });
    await checkpointRegisterSearch(db);
    const snapshot = await db.searchSnapshots.get('register');
    expect(snapshot?.size).toBe(1);
    await db.searchSnapshots.put({ ...(snapshot as NonNullable<typeof snapshot>), seq: 999 }); // newer than the journal
    const next = createDb(db.name);
    expect(await searchRegister(next, { kind: 'incoming', text: 'duong' })).toEqual([r.entry.id]);
    expect(searchCacheFromCheckpoint(next)).toBe(false);
    next.close();
  });
});

describe('the search checkpoint is written by itself', () => {
  it('once a large register was loaded, also when the search runs in a live query (where Dexie refuses writes)', async () => {
    const db = freshDb();
    const base = { direction: 'incoming', typeId: 'cong-van', issuer: 'Sở Nội vụ', documentDate: '2026-01-05', urgency: 'thuong', confidentiality: 'thuong', fileSha256: SHA, fileSize: 1, createdAt: 1, createdBy: 'seed' } as const;
    const docs = Array.from({ length: 2100 }, (_, i) => ({ ...base, id: `big-${i}`, codeNotation: `${i + 1}/SNV-VP`, abstract: i % 2 ? 'Về việc đào tạo' : 'Về việc thi đua' }));
    await db.documents.bulkAdd(docs);
    await db.registerEntries.bulkAdd(
      docs.map((d, i) => ({
        registerId: 'incoming-2026', kind: 'incoming', year: 2026, number: i + 1, documentId: d.id, arrivedAt: 1, legalReceiptAt: 1,
        receiptRule: { kind: 'in-office-hours' }, status: 'active', handling: 'waiting', urgency: 'thuong', ...entrySearchFields(d),
      })),
    );
    const seen: number[] = [];
    const subscription = liveQuery(() => searchRegister(db, { kind: 'incoming', text: 'dao tao' })).subscribe({ next: (ids) => seen.push(ids.length) });
    const deadline = Date.now() + 30_000;
    while ((await db.searchSnapshots.get('register')) === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    subscription.unsubscribe();
    expect(seen[0]).toBe(1050);
    expect((await db.searchSnapshots.get('register'))?.size).toBe(2100);
    const next = createDb(db.name);
    expect(await agree(next, { kind: 'incoming', text: 'thi dua' })).toHaveLength(1050);
    expect(searchCacheFromCheckpoint(next)).toBe(true);
    next.close();
  }, 60_000);
});

describe('schema version 4', () => {
  it('upgrades a version-3 database: documents that carry OCR text get their tokens and posting lists', async () => {
    const name = `ocr-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(3).stores(SCHEMA_V3);
    const base = { direction: 'incoming', typeId: 'cong-van', issuer: 'UBND tỉnh Lai Châu', documentDate: '2026-01-05', urgency: 'thuong', confidentiality: 'thuong', fileSha256: SHA, fileSize: 1, createdAt: 1, createdBy: 'vanthu' } as const;
    const docs = [
      { ...base, id: 'old-1', codeNotation: '1/UBND-VP', abstract: 'Về việc họp' },
      { ...base, id: 'old-2', codeNotation: '2/UBND-VP', abstract: 'Về việc họp', ocrText: OCR },
    ];
    await old.table('documents').bulkAdd(docs);
    const ids = await old.table('registerEntries').bulkAdd(
      docs.map((d, i) => ({
        registerId: 'incoming-2026', kind: 'incoming', year: 2026, number: i + 1, documentId: d.id, arrivedAt: 1, legalReceiptAt: 1,
        receiptRule: { kind: 'in-office-hours' }, status: 'active', handling: 'waiting', urgency: 'thuong', ...entrySearchFields(d),
      })),
      { allKeys: true },
    );
    old.close();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.ocrTokens.count()).toBe(1);
    expect(await db.ocrTokens.get(ids[1] as number)).toMatchObject({ documentId: 'old-2' });
    expect(await db.ocrIndex.get('duong')).toMatchObject({ count: 1 });
    expect(await agree(db, { kind: 'incoming', text: 'đường giao thông' })).toEqual([ids[1]]);
    expect(await agree(db, { kind: 'incoming', text: 'hop' })).toEqual(ids);
    // A registration after the upgrade joins the same index.
    const r = await register(db, { codeNotation: '3/UBND-VP', ocrText: 'Đường tỉnh 128' });
    expect(await agree(db, { kind: 'incoming', text: 'duong' })).toEqual([ids[1], r.entry.id]);
    expect(await db.ocrIndex.get('duong')).toMatchObject({ count: 2 });
    db.close();
  });
});

describe('OCR posting lists', () => {
  it('switch from an id list to a bitmap without losing or inventing an id, incrementally or in bulk', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => 1 + i * 3 + (i % 2));
    let posting: OcrPostingRecord | undefined;
    for (const id of [...ids].reverse()) posting = addToPosting('duong', posting, id); // out of order on purpose
    posting = addToPosting('duong', posting, ids[5] as number); // a repeat changes nothing
    expect(posting?.bits).toBeDefined();
    expect(posting?.count).toBe(ids.length);
    const seen: number[] = [];
    forEachPostingId(posting as OcrPostingRecord, (id) => seen.push(id));
    expect(seen).toEqual(ids);
    const grownPosting = addToPosting('duong', posting, 100_000);
    expect(grownPosting.count).toBe(ids.length + 1);
    const [bulk] = buildOcrPostings(ids.map((entryId) => ({ entryId, tokens: ['duong'] })));
    const bulkSeen: number[] = [];
    forEachPostingId(bulk as OcrPostingRecord, (id) => bulkSeen.push(id));
    expect(bulkSeen).toEqual(ids);
    const small = addToPosting('hiem', undefined, 7);
    expect(small).toMatchObject({ count: 1, ids: Int32Array.from([7]) });
  });
});
