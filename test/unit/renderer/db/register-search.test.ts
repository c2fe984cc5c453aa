import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { URGENCIES, type Urgency } from '../../../../src/shared/domain/urgency';
import { createDb, type AppDB } from '../../../../src/renderer/db/db';
import type { DocumentRecord, RegisterEntryRecord } from '../../../../src/renderer/db/records';
import { cancelEntry, registerIncoming, transferEntry } from '../../../../src/renderer/db/registration';
import { fullScanSearch, listSenders, listYears, loadRows, loadRowsAt, searchRegister, searchRegisterByIndexes, type RegisterFilter } from '../../../../src/renderer/db/queries/register-search';
import { buildOcrPostings } from '../../../../src/renderer/db/ocr-index';
import { checkpointRegisterSearch, entryChangeSeq, searchCacheFromCheckpoint } from '../../../../src/renderer/db/queries/search-cache';
import { entrySearchFields, joinOcrTokens, ocrSearchTokens } from '../../../../src/renderer/db/search-index';
import { SHA, form, freshDb, registration } from './support';

async function add(db: AppDB, fields: Parameters<typeof form>[0], when = '2026-03-02 09:00') {
  const outcome = await registerIncoming(db, registration({ form: form(fields), confirmDuplicate: true }, when));
  if (outcome.kind !== 'registered') throw new Error('not registered');
  return outcome.entry.id as number;
}

/** A small register: Đề án, a QĐ, an urgent one from another sender, one in 2025. */
async function sample(db: AppDB) {
  const deAn = await add(db, { typeId: 'de-an', codeNotation: '07/ĐA-UBND', abstract: 'Đề án chuyển đổi số năm 2026' });
  const qd12 = await add(db, { typeId: 'quyet-dinh', codeNotation: '12/QĐ-UBND', abstract: 'Quyết định phê duyệt kế hoạch' });
  const qd15 = await add(db, { typeId: 'quyet-dinh', codeNotation: '15/QĐ-UBND', abstract: 'Quyết định giao 12 chỉ tiêu' });
  const urgent = await add(db, { codeNotation: '30/SNV-VP', issuer: 'Sở Nội vụ', abstract: 'Về việc đăng ký thi đua', urgency: 'hoa-toc' });
  const old = await add(db, { codeNotation: '99/UBND-VP', abstract: 'Báo cáo tổng kết đê điều' }, '2025-06-10 10:00');
  return { deAn, qd12, qd15, urgent, old };
}

describe('searchRegister (Phụ lục VI Phần I III)', () => {
  it('finds with and without diacritics, đ ↔ d, and by word prefix', async () => {
    const db = freshDb();
    const s = await sample(db);
    const q = (text: string, year?: number) => searchRegister(db, { kind: 'incoming', text, ...(year ? { year } : {}) });
    expect(await q('de an')).toEqual([s.deAn]);
    expect(await q('Đề án')).toEqual([s.deAn]);
    expect(await q('DE AN')).toEqual([s.deAn]);
    expect(await q('chuyen doi so')).toEqual([s.deAn]);
    expect(await q('đăng ký')).toEqual([s.urgent]);
    expect(await q('dang ky')).toEqual([s.urgent]);
    expect(await q('de')).toEqual([s.old, s.deAn]); // "đê điều" (2025) and "Đề án", in register order
    expect(await q('de', 2026)).toEqual([s.deAn]);
    expect(await q('quyet')).toEqual([s.qd12, s.qd15]);
    expect(await q('khong co tu nay')).toEqual([]);
  });

  it('finds by số/ký hiệu, whole or in part, without matching the same digits elsewhere', async () => {
    const db = freshDb();
    const s = await sample(db);
    const q = (text: string) => searchRegister(db, { kind: 'incoming', text });
    expect(await q('12/QĐ-UBND')).toEqual([s.qd12]);
    expect(await q('12/qd-ubnd')).toEqual([s.qd12]);
    expect(await q('qđ-ubnd')).toEqual([s.qd12, s.qd15]);
    expect(await q('12')).toEqual([s.qd12, s.qd15]); // "giao 12 chỉ tiêu" counts as a word match
    expect(await q('SNV')).toEqual([s.urgent]);
  });

  it('filters by year, urgency, sender and status', async () => {
    const db = freshDb();
    const s = await sample(db);
    await cancelEntry(db, { entryId: s.qd15, reason: 'Nhập trùng', actor: 'vanthu', at: 1 });
    await transferEntry(db, { entryId: s.qd12, to: 'Lãnh đạo', actor: 'vanthu', at: 2 });
    const q = (f: Omit<RegisterFilter, 'kind'>) => searchRegister(db, { kind: 'incoming', ...f });
    expect(await q({ year: 2025 })).toEqual([s.old]);
    expect(await q({ year: 2026 })).toEqual([s.deAn, s.qd12, s.qd15, s.urgent]);
    expect(await q({ urgency: 'hoa-toc' })).toEqual([s.urgent]);
    expect(await q({ sender: 'so noi vu' })).toEqual([s.urgent]);
    expect(await q({ sender: 'Sở Nội vụ' })).toEqual([s.urgent]); // folded here too
    expect(await q({ sender: 'ubnd tinh lai chau', year: 2026 })).toEqual([s.deAn, s.qd12, s.qd15]);
    expect(await q({ status: 'cancelled' })).toEqual([s.qd15]);
    expect(await q({ status: 'active' })).toEqual([s.old, s.deAn, s.qd12, s.urgent]);
    expect(await q({ status: 'transferred' })).toEqual([s.qd12]);
    expect(await q({ status: 'waiting', year: 2026 })).toEqual([s.deAn, s.urgent]);
    expect(await q({ status: 'waiting', text: 'quyet' })).toEqual([]);
    expect(await searchRegister(db, { kind: 'outgoing' })).toEqual([]);
  });

  it('refuses a malformed filter with VALIDATION', async () => {
    const db = freshDb();
    const bad = [
      { kind: 'sideways' },
      { kind: 'incoming', year: 20.5 },
      { kind: 'incoming', urgency: 'gap' },
      { kind: 'incoming', status: 'lost' },
      { kind: 'incoming', text: 'x'.repeat(201) },
    ] as unknown as RegisterFilter[];
    for (const f of bad) await expect(searchRegister(db, f)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('loadRows, listYears, listSenders', () => {
  it('joins entries with their documents in the order asked, skipping unknown ids', async () => {
    const db = freshDb();
    const s = await sample(db);
    const rows = await loadRows(db, [s.urgent, 12345, s.deAn]);
    expect(rows.map((r) => [r.entry.id, r.document.codeNotation])).toEqual([
      [s.urgent, '30/SNV-VP'],
      [s.deAn, '07/ĐA-UBND'],
    ]);
    expect(await loadRows(db, [])).toEqual([]);
  });

  it('lists the years and senders of a register kind', async () => {
    const db = freshDb();
    await sample(db);
    expect(await listYears(db, 'incoming')).toEqual([2025, 2026]);
    expect(await listYears(db, 'outgoing')).toEqual([]);
    expect(await listSenders(db, 'incoming', 2026)).toEqual([
      { folded: 'so noi vu', display: 'Sở Nội vụ' },
      { folded: 'ubnd tinh lai chau', display: 'UBND tỉnh Lai Châu' },
    ]);
    expect(await listSenders(db, 'incoming', 2025)).toEqual([{ folded: 'ubnd tinh lai chau', display: 'UBND tỉnh Lai Châu' }]);
    expect((await listSenders(db, 'incoming')).map((x) => x.folded)).toEqual(['so noi vu', 'ubnd tinh lai chau']);
  });
});

// Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Đề án', 'đê điều', 'chuyển đổi số', 'Quyết định', 'kế hoạch', 'báo cáo', 'Hỏa tốc', 'đăng ký', 'đất đai', 'đào tạo', 'dân tộc', 'giáo dục', 'y tế', 'ngân sách', 'an ninh', 'thi đua'];
const ISSUERS = ['UBND tỉnh Lai Châu', 'Sở Nội vụ', 'Sở Tài chính', 'Bộ Nội vụ', 'UBND huyện Tam Đường'];
const NOTATIONS = ['QĐ-UBND', 'UBND-VP', 'SNV-VP', 'BC-STC', 'KH-UBND'];
const QUERY_TEXTS = ['de an', 'Đề', 'dat dai', 'đào', 'dao tao', 'qd-ubnd', 'ubnd', 'so', 'hoa toc', 'ke hoach bao', '1', '12/qd', 'dan', 'an', 'tai chinh', 'y te', '', '  ', 'vp', 'đ',
  // Words that occur only in OCR text (issue 9), with and without diacritics, đ ↔ d, and phrases.
  'duong', 'đường', 'Đường giao thông', 'dương', 'ha noi', 'Hà Nội', 'dieu 5', 'Điều', 'khoan 2', 'nguồn vốn', 'ngan sach nha nuoc', 'von', '12/qđ-ubnd', '2/qd', 'qđ-ubnd nguồn', '1.250.000', '250.000', 'đồng', 'dong', 'thủ tướng', 'thu tuong chinh phu', 't1nh', 'tinh'];
const OCR_WORDS = ['Đường giao thông', 'dương lịch', 'Hà Nội', 'Điều 5', 'khoản 2', 'nguồn vốn', 'ngân sách nhà nước', 'Thủ tướng Chính phủ', 'số 12/QĐ-UBND', 'số 7/QĐ-UBND', '1.250.000 đồng', 'đồng ý', 't1nh', 'tỉnh Lai Châu', 'Đề án', 'kế hoạch', '(12/QĐ-UBND),', 'ngày 05/01/2026'];

async function seedRandom(db: AppDB, n: number, rnd: () => number): Promise<void> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const numbers = new Map<string, number>();
  const docs: DocumentRecord[] = [];
  const entries: RegisterEntryRecord[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rnd() < 0.8 ? 'incoming' : 'outgoing';
    const year = 2024 + Math.floor(rnd() * 3);
    const registerId = `${kind}-${year}`;
    const number = (numbers.get(registerId) ?? 0) + 1;
    numbers.set(registerId, number);
    const doc: DocumentRecord = {
      id: `r-${i}`,
      direction: kind,
      typeId: pick(['cong-van', 'quyet-dinh', 'de-an', 'bao-cao'] as const),
      codeNotation: `${1 + Math.floor(rnd() * 40)}/${pick(NOTATIONS)}`,
      issuer: pick(ISSUERS),
      documentDate: `${year}-01-02`,
      abstract: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      urgency: pick(URGENCIES),
      confidentiality: 'thuong',
      fileSha256: SHA,
      fileSize: 1,
      createdAt: i,
      createdBy: 'seed',
    };
    const cancelled = rnd() < 0.1;
    docs.push(doc);
    entries.push({
      registerId, kind, year, number, documentId: doc.id, arrivedAt: i, legalReceiptAt: i,
      receiptRule: { kind: 'in-office-hours' },
      status: cancelled ? 'cancelled' : 'active',
      handling: rnd() < 0.3 ? 'transferred' : 'waiting',
      urgency: doc.urgency,
      ...entrySearchFields(doc),
    });
  }
  // Stored in shuffled order, so primary keys do not follow register order.
  entries.sort(() => rnd() - 0.5);
  // About half the entries carry OCR text (issue 9): their `ocrTokens` rows and the inverted index, built in bulk.
  const ocrOf = new Map(entries.map((e) => [e.documentId, rnd() < 0.5 ? Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pick(OCR_WORDS)).join(' ') : '']));
  await db.transaction('rw', [db.documents, db.registerEntries, db.ocrTokens, db.ocrIndex], async () => {
    await db.documents.bulkAdd(docs.map((d) => (ocrOf.get(d.id) ? { ...d, ocrText: ocrOf.get(d.id) as string } : d)));
    const ids = await db.registerEntries.bulkAdd(entries, { allKeys: true });
    const rows = entries
      .map((e, i) => ({ entryId: ids[i] as number, documentId: e.documentId, tokens: ocrSearchTokens(ocrOf.get(e.documentId)) }))
      .filter((r) => r.tokens.length > 0);
    await db.ocrTokens.bulkAdd(rows.map((r) => ({ entryId: r.entryId, documentId: r.documentId, tokens: joinOcrTokens(r.tokens) })));
    await db.ocrIndex.bulkAdd(buildOcrPostings(rows));
  });
}

// Size of the agreement check. CI runs 400 entries × 100 filters from a fixed seed (about a second idle); the
// full size is an environment setting, e.g. REGISTER_SEARCH_FILTERS=3000 REGISTER_SEARCH_ENTRIES=2000 npx vitest
// run test/unit/renderer/db/register-search.test.ts, and REGISTER_SEARCH_SEED replays another sequence.
// (The renderer tsconfig has no Node types; Vitest runs these files in Node all the same.)
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
function setting(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}
const AGREEMENT = {
  entries: setting('REGISTER_SEARCH_ENTRIES', 400),
  filters: setting('REGISTER_SEARCH_FILTERS', 100),
  seed: setting('REGISTER_SEARCH_SEED', 20260106),
};

describe('searchRegister agrees with fullScanSearch', () => {
  // Its own budget, scaled with the size: fake-indexeddb on a busy CI machine is many times slower than idle.
  it(`on ${AGREEMENT.entries} random entries (half with OCR text) and ${AGREEMENT.filters} random filters: the cache, the cache from its checkpoint, the index load path and the index key-only path`, async () => {
    const db = freshDb();
    const rnd = random(AGREEMENT.seed);
    await seedRandom(db, AGREEMENT.entries, rnd);
    // A second instance that starts from the first one's checkpoint, as the next sign-in does.
    await checkpointRegisterSearch(db);
    const restarted = createDb(db.name);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    let nonEmpty = 0;
    for (let i = 0; i < AGREEMENT.filters; i++) {
      const filter: RegisterFilter = { kind: rnd() < 0.85 ? 'incoming' : 'outgoing' };
      if (rnd() < 0.4) filter.year = 2024 + Math.floor(rnd() * 3);
      if (rnd() < 0.3) filter.urgency = pick(URGENCIES) as Urgency;
      if (rnd() < 0.3) filter.sender = pick(ISSUERS);
      if (rnd() < 0.4) filter.status = pick(['active', 'cancelled', 'waiting', 'transferred'] as const);
      if (rnd() < 0.7) filter.text = pick(QUERY_TEXTS);
      const expected = await fullScanSearch(db, filter);
      expect(await searchRegister(db, filter), JSON.stringify(filter)).toEqual(expected);
      expect(await searchRegister(restarted, filter), `checkpoint ${JSON.stringify(filter)}`).toEqual(expected);
      expect(await searchRegisterByIndexes(db, filter), `indexes ${JSON.stringify(filter)}`).toEqual(expected);
      expect(await searchRegisterByIndexes(db, filter, { loadLimit: 0 }), `key-only ${JSON.stringify(filter)}`).toEqual(expected);
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(AGREEMENT.filters / 3); // the comparison is not vacuous
    expect(searchCacheFromCheckpoint(restarted)).toBe(true);
    expect(searchCacheFromCheckpoint(db)).toBe(false);
    // OCR-only words are really exercised: found through OCR text alone, on entries whose fields lack them.
    const ocrOnly = await fullScanSearch(db, { kind: 'incoming', text: 'đường' });
    expect(ocrOnly.length).toBeGreaterThan(0);
    expect(await searchRegister(db, { kind: 'incoming', text: 'duong' })).toEqual(await fullScanSearch(db, { kind: 'incoming', text: 'duong' }));
    restarted.close();
  }, 60_000 + AGREEMENT.filters * 1_000);
});

describe('the search cache stays current', () => {
  it('sees registrations, cancellations and transfers made after it was filled, also through another db instance', async () => {
    const db = freshDb();
    const s = await sample(db);
    expect(await searchRegister(db, { kind: 'incoming', status: 'cancelled' })).toEqual([]);
    await cancelEntry(db, { entryId: s.qd12, reason: 'Thu hồi', actor: 'vanthu', at: 1 });
    expect(await searchRegister(db, { kind: 'incoming', status: 'cancelled' })).toEqual([s.qd12]);
    const later = await add(db, { codeNotation: '40/KH-UBND', abstract: 'Kế hoạch đào tạo cán bộ' }, '2025-01-03 08:00');
    expect(await searchRegister(db, { kind: 'incoming', text: 'dao tao' })).toEqual([later]);
    expect(await searchRegister(db, { kind: 'incoming' })).toEqual([s.old, later, s.deAn, s.qd12, s.qd15, s.urgent]); // 2025: numbers 1 and 2
    const other = createDb(db.name);
    expect(await searchRegister(other, { kind: 'incoming', status: 'waiting', year: 2026 })).toEqual([s.deAn, s.qd15, s.urgent]);
    await transferEntry(other, { entryId: s.deAn, to: 'Lãnh đạo', actor: 'vanthu', at: 2 });
    expect(await searchRegister(db, { kind: 'incoming', status: 'transferred' })).toEqual([s.deAn]);
    expect(await searchRegister(db, { kind: 'incoming', status: 'waiting', year: 2026 })).toEqual([s.qd15, s.urgent]);
    other.close();
  });

  it('knows, once cancelEntry has returned, that a row read before the cancel is out of date (Art. 9.4)', async () => {
    const db = freshDb();
    const s = await sample(db);
    await searchRegister(db, { kind: 'incoming' }); // the view has searched: the cache is loaded
    const before = await loadRowsAt(db, [s.qd12, s.deAn]);
    expect(before.rows.map((r) => r.entry.status)).toEqual(['active', 'active']);
    expect(entryChangeSeq(db, s.qd12)).toBe(0);
    await cancelEntry(db, { entryId: s.qd12, reason: 'Thu hồi', actor: 'vanthu', at: 1 });
    // No search in between: cancelEntry itself brought the cache up to date after its commit.
    const line = await db.journal.orderBy('seq').last();
    expect(line?.action).toBe('entry.cancelled');
    expect(entryChangeSeq(db, s.qd12)).toBe(line?.seq);
    expect(before.seq).toBeLessThan(entryChangeSeq(db, s.qd12));
    expect(entryChangeSeq(db, s.deAn)).toBe(0);
    const after = await loadRowsAt(db, [s.qd12]);
    expect(after.seq).toBe(line?.seq);
    expect(after.rows[0]?.entry).toMatchObject({ status: 'cancelled', cancelReason: 'Thu hồi' });
    await transferEntry(db, { entryId: s.deAn, to: 'Lãnh đạo', actor: 'vanthu', at: 2 });
    expect(entryChangeSeq(db, s.deAn)).toBe((await db.journal.orderBy('seq').last())?.seq);
    // A database nobody has searched keeps no cache, and a cancel does not build one.
    const cold = freshDb();
    const c = await sample(cold);
    await cancelEntry(cold, { entryId: c.qd12, reason: 'Thu hồi', actor: 'vanthu', at: 1 });
    expect(entryChangeSeq(cold, c.qd12)).toBe(0);
  });

  it('re-runs a live query when the register changes', async () => {
    const db = freshDb();
    const first = await add(db, { codeNotation: '1/UBND-VP' });
    const seen: number[][] = [];
    const subscription = liveQuery(() => searchRegister(db, { kind: 'incoming', status: 'waiting' })).subscribe({ next: (ids) => seen.push(ids) });
    // Waits for the n-th answer with a generous deadline (a busy machine delays Dexie's re-run, not its result).
    const until = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while (seen.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    };
    await until(1);
    const second = await add(db, { codeNotation: '2/UBND-VP' });
    await until(2);
    await transferEntry(db, { entryId: first, to: 'Lãnh đạo', actor: 'vanthu', at: 5 });
    await until(3);
    subscription.unsubscribe();
    expect(seen).toEqual([[first], [first, second], [second]]);
  });
});
