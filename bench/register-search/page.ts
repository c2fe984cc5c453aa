// Runs inside Chromium: seeds the real Dexie schema with N register entries (real IndexedDB), each with about
// 2,000 characters of OCR-like Vietnamese text (issue 9: diacritics, numbers, dates, amounts, OCR noise), then
// times the renderer's own searchRegister (indexed, diacritic-insensitive, fields and OCR text) against
// fullScanSearch (every entry and every entry's OCR tokens read and matched) on the same queries. Driven by
// run.mjs through window.bench: seed (ending like a previous session: the search cache warmed and checkpointed),
// then a page reload, then cold (a fresh page: db open → first search answered) and run.
import { createDb } from '../../src/renderer/db/db';
import { packPosting } from '../../src/renderer/db/ocr-index';
import { fullScanSearch, searchRegister, type RegisterFilter } from '../../src/renderer/db/queries/register-search';
import { checkpointRegisterSearch, searchCacheFromCheckpoint } from '../../src/renderer/db/queries/search-cache';
import { cancelEntry, registerIncoming } from '../../src/renderer/db/registration';
import { validateIncomingForm } from '../../src/shared/domain/incoming-document';
import type { DocumentRecord, OcrTokensRecord, RegisterEntryRecord } from '../../src/renderer/db/records';
import { boundOcrText, entrySearchFields, joinOcrTokens, ocrSearchTokens } from '../../src/renderer/db/search-index';
import { URGENCIES } from '../../src/shared/domain/urgency';

const ISSUERS = [
  'Ủy ban nhân dân tỉnh Lai Châu', 'Sở Nội vụ tỉnh Lai Châu', 'Sở Tài chính', 'Sở Khoa học và Công nghệ',
  'Ủy ban nhân dân huyện Tam Đường', 'Ủy ban nhân dân huyện Phong Thổ', 'Văn phòng Chính phủ', 'Bộ Nội vụ',
  'Sở Giáo dục và Đào tạo', 'Công an tỉnh Lai Châu', 'Sở Y tế', 'Ủy ban nhân dân xã Bản Giang',
];
const SUBJECTS = [
  'triển khai kế hoạch chuyển đổi số', 'báo cáo tình hình kinh tế xã hội', 'phê duyệt đề án đào tạo cán bộ',
  'tăng cường phòng chống thiên tai', 'đôn đốc giải ngân vốn đầu tư công', 'góp ý dự thảo quy định',
  'tổ chức hội nghị tổng kết', 'cải cách hành chính và dịch vụ công', 'quản lý đất đai và tài nguyên',
  'đảm bảo an toàn thông tin mạng', 'tuyển dụng công chức cấp xã', 'kiểm tra công tác văn thư lưu trữ',
];
const TYPES = [['cong-van', null], ['quyet-dinh', 'QĐ'], ['bao-cao', 'BC'], ['ke-hoach', 'KH'], ['thong-bao', 'TB'], ['to-trinh', 'TTr']] as const;
const ORGS = ['UBND', 'SNV', 'STC', 'SKHCN', 'VPCP', 'BNV', 'SGDĐT', 'CA', 'SYT'];

// OCR-like body text: the sentences of real administrative documents (NĐ 30 layout: header, căn cứ, điều,
// nơi nhận), filled with places, numbers, dates and amounts, then damaged the way OCR damages scans.
const PLACES = ['Lai Châu', 'Tam Đường', 'Phong Thổ', 'Sìn Hồ', 'Mường Tè', 'Than Uyên', 'Tân Uyên', 'Nậm Nhùn', 'Bản Giang', 'Bình Lư', 'Đoàn Kết', 'Quyết Thắng'];
const LAWS = ['Luật Tổ chức chính quyền địa phương', 'Luật Ngân sách nhà nước', 'Luật Đầu tư công', 'Luật Đất đai', 'Luật Cán bộ, công chức', 'Luật Phòng, chống thiên tai', 'Luật Giao thông đường bộ', 'Luật Giáo dục'];
const DECREES = ['NĐ-CP', 'QĐ-TTg', 'TT-BTC', 'TT-BNV', 'NQ-HĐND', 'QĐ-UBND'];
const SENTENCES = [
  'Căn cứ {law} ngày {date};',
  'Căn cứ Nghị định số {n}/{year}/{decree} ngày {date} của Chính phủ quy định chi tiết một số điều của {law};',
  'Xét đề nghị của Giám đốc Sở {dept} tại Tờ trình số {n}/TTr-S{abbr} ngày {date}.',
  'Điều {k}. Phê duyệt kế hoạch thực hiện nhiệm vụ năm {year} trên địa bàn huyện {place} với tổng kinh phí {money} đồng.',
  'Nguồn vốn: ngân sách tỉnh hỗ trợ {money} đồng, ngân sách huyện đối ứng {money} đồng và các nguồn hợp pháp khác.',
  'Giao Ủy ban nhân dân huyện {place} chủ trì, phối hợp với các sở, ngành liên quan tổ chức triển khai thực hiện.',
  'Thời gian thực hiện từ ngày {date} đến hết ngày {date}; báo cáo kết quả về Sở {dept} trước ngày {date}.',
  'Các cơ quan, đơn vị có trách nhiệm rà soát, thống kê số liệu, gửi về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp.',
  'Tăng cường công tác tuyên truyền, phổ biến pháp luật; nâng cao chất lượng giải quyết thủ tục hành chính cho người dân và doanh nghiệp.',
  'Đẩy nhanh tiến độ giải phóng mặt bằng dự án nâng cấp Quốc lộ {k}D đoạn qua xã {place}, chiều dài {k}.{n} km.',
  'Hỗ trợ {n} hộ nghèo, {n} học sinh bán trú và {n} người có công với cách mạng trên địa bàn xã {place}.',
  'Đảm bảo an toàn phòng cháy, chữa cháy, an ninh trật tự trong dịp Tết Nguyên đán năm {year}.',
  'Khoản {k} Điều {k} Thông tư số {n}/{year}/{decree} hướng dẫn quản lý, sử dụng kinh phí sự nghiệp.',
  'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này.',
  'Quyết định này có hiệu lực kể từ ngày ký. Nơi nhận: như Điều {k}; Thường trực Tỉnh ủy; Thường trực HĐND tỉnh; Lưu: VT, {abbr}.',
  'Kết quả kiểm tra cho thấy {n} trên {n} hồ sơ đạt yêu cầu, tỷ lệ {k}{k},{k}%; số còn lại đề nghị bổ sung trong thời hạn {k} ngày làm việc.',
  'Điện thoại liên hệ: 0213.38{k}{k}.{n}; thư điện tử: vanthu@laichau.gov.vn.',
];
const DEPTS = [['Nội vụ', 'NV'], ['Tài chính', 'TC'], ['Kế hoạch và Đầu tư', 'KHĐT'], ['Giao thông vận tải', 'GTVT'], ['Giáo dục và Đào tạo', 'GDĐT'], ['Y tế', 'YT'], ['Nông nghiệp và Phát triển nông thôn', 'NNPTNT'], ['Tài nguyên và Môi trường', 'TNMT']] as const;
// What OCR does to a word on a fax-quality or stamped scan: a lost accent, a letter read as a digit, two words run together.
const CONFUSIONS: [RegExp, string][] = [[/l/, '1'], [/o/, '0'], [/m/, 'rn'], [/đ/, 'd'], [/ư/, 'u'], [/ơ/, 'o'], [/i/, 'í'], [/e/, 'c'], [/h/, 'b']];

function ocrBody(rand: () => number, header: string): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const two = (x: number): string => String(x).padStart(2, '0');
  const fill = (t: string): string =>
    t.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'law': return pick(LAWS);
        case 'date': return `${two(1 + Math.floor(rand() * 28))}/${two(1 + Math.floor(rand() * 12))}/${2015 + Math.floor(rand() * 12)}`;
        case 'n': return String(1 + Math.floor(rand() * 250));
        case 'k': return String(1 + Math.floor(rand() * 9));
        case 'year': return String(2015 + Math.floor(rand() * 12));
        case 'decree': return pick(DECREES);
        case 'place': return pick(PLACES);
        case 'money': return `${1 + Math.floor(rand() * 999)}.${pick(['000', '250', '500', '750'])}.000`;
        case 'dept': return pick(DEPTS)[0];
        case 'abbr': return pick(DEPTS)[1];
        default: return slot;
      }
    });
  const parts = [header];
  let length = header.length;
  while (length < 2000) {
    const sentence = fill(pick(SENTENCES));
    parts.push(sentence);
    length += sentence.length + 1;
  }
  // About 2 % of words damaged, now and then a stray mark from a stamp or a fold, or two words run together.
  const words = parts.join('\n').split(' ');
  let out = '';
  for (const w of words) {
    const r = rand();
    let word = w;
    if (r < 0.012) {
      const [from, to] = pick(CONFUSIONS);
      word = w.replace(from, to);
    } else if (r < 0.016) word = w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    else if (r < 0.019) word = `${w}${pick(['.', ',', "'", '|', '~'])}`;
    out += out === '' ? word : `${rand() < 0.005 ? '' : ' '}${word}`;
  }
  return out;
}

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

async function seed(total: number, batch = 2000): Promise<{ seedMs: number; checkpointMs: number; ocrChars: number; ocrTokens: number; postings: number }> {
  const db = createDb('bench-register-search');
  await db.delete();
  await db.open();
  const rand = rng(20261124);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const t0 = performance.now();
  // token → entry ids (ascending: ids grow batch by batch), kept as numbers only, not per-entry token arrays.
  const lists = new Map<string, number[]>();
  let ocrChars = 0;
  let ocrTokenCount = 0;
  for (let start = 0; start < total; start += batch) {
    const docs: DocumentRecord[] = [];
    const entries: RegisterEntryRecord[] = [];
    const texts: string[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const year = 2020 + (i % 7);
      const number = Math.floor(i / 7) + 1;
      const [typeId, abbr] = pick(TYPES);
      const org = pick(ORGS);
      const codeNotation = abbr ? `${number}/${abbr}-${org}` : `${number}/${org}-VP`;
      const issuer = pick(ISSUERS);
      const abstract = `V/v ${pick(SUBJECTS)} năm ${year} (đợt ${1 + (i % 9)})`;
      const urgency = pick(URGENCIES);
      const at = Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), 2);
      const id = `d${i}`;
      const ocrText = boundOcrText(ocrBody(rand, `${issuer.toUpperCase()} Số: ${codeNotation} ${pick(PLACES)}, ngày ${1 + (i % 28)} tháng ${1 + (i % 12)} năm ${year} ${abstract}`)) as string;
      texts.push(ocrText);
      ocrChars += ocrText.length;
      docs.push({
        id, direction: 'incoming', typeId, codeNotation, issuer, documentDate: `${year}-01-15`, abstract, urgency,
        confidentiality: 'thuong', ocrText, fileSha256: '0'.repeat(64), fileSize: 1000, createdAt: at, createdBy: 'bench',
      });
      entries.push({
        registerId: `incoming-${year}`, kind: 'incoming', year, number, documentId: id, arrivedAt: at, legalReceiptAt: at,
        receiptRule: { kind: 'in-office-hours' }, status: i % 50 === 0 ? 'cancelled' : 'active',
        handling: i % 3 === 0 ? 'waiting' : 'transferred', urgency,
        ...entrySearchFields({ codeNotation, typeId, issuer, abstract }),
      });
    }
    // The same tokens registerIncoming writes (db/ocr-index.ts addEntryOcr); the inverted index is built in bulk at
    // the end, like the version-4 upgrade, instead of entry by entry.
    await db.transaction('rw', [db.documents, db.registerEntries, db.ocrTokens], async () => {
      await db.documents.bulkAdd(docs);
      const ids = await db.registerEntries.bulkAdd(entries, { allKeys: true });
      const rows: OcrTokensRecord[] = [];
      entries.forEach((e, k) => {
        const tokens = ocrSearchTokens(texts[k]);
        ocrTokenCount += tokens.length;
        for (const t of tokens) {
          const list = lists.get(t);
          if (list) list.push(ids[k] as number);
          else lists.set(t, [ids[k] as number]);
        }
        rows.push({ entryId: ids[k] as number, documentId: e.documentId, tokens: joinOcrTokens(tokens) });
      });
      await db.ocrTokens.bulkAdd(rows);
    });
    (document.getElementById('state') as HTMLElement).textContent = `seeded ${Math.min(total, start + batch)}`;
    if ((start / batch) % 10 === 0) console.log(`seeded ${Math.min(total, start + batch)} entries, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  console.log(`writing ${lists.size} OCR posting lists`);
  const postingCount = lists.size;
  let chunk = [];
  for (const [token, list] of lists) {
    chunk.push(packPosting(token, Int32Array.from(list)));
    lists.delete(token);
    if (chunk.length === 5000) {
      await db.ocrIndex.bulkAdd(chunk);
      chunk = [];
    }
  }
  await db.ocrIndex.bulkAdd(chunk);
  const seedMs = performance.now() - t0;
  console.log('checkpointing the search cache');
  // The end of a previous session: the search cache was loaded at sign-in and checkpointed.
  const t1 = performance.now();
  await checkpointRegisterSearch(db);
  const checkpointMs = performance.now() - t1;
  db.close();
  return { seedMs, checkpointMs, ocrChars: ocrChars / total, ocrTokens: ocrTokenCount / total, postings: postingCount };
}

const QUERIES: Omit<RegisterFilter, 'kind'>[] = [
  { text: 'chuyen doi so' }, { text: 'de an dao tao' }, { text: 'Đề án đào tạo' }, { text: 'thien tai' },
  { text: 'dau tu cong' }, { text: 'van thu luu tru' }, { text: 'an toan thong tin' }, { text: 'tam duong' },
  { text: 'ban giang' }, { text: '125/ubnd' }, { text: '77/QĐ-SNV' }, { text: 'hoi nghi tong ket' },
  { text: 'cai cach hanh chinh', year: 2024 }, { text: 'tuyen dung', urgency: 'khan' }, { text: 'dat dai', status: 'cancelled' },
  { text: 'bao cao tinh hinh', year: 2026 }, { text: 'gop y du thao' }, { text: 'so noi vu' }, { text: 'dot 7' },
  { text: 'phong chong' },
  // Words found in the OCR text only (issue 9), with and without diacritics, đ ↔ d, numbers and phrases.
  { text: 'giai phong mat bang' }, { text: 'nguồn vốn ngân sách' }, { text: 'quoc lo 4d' }, { text: 'Điều 3' },
  { text: 'ho tro hoc sinh ban tru' }, { text: 'phòng cháy chữa cháy' }, { text: '250.000.000' }, { text: 'nghi dinh 45/2024/nđ-cp' },
  { text: 'muong te', year: 2025 }, { text: 'than uyen', status: 'waiting' }, { text: 'luat dat dai' }, { text: 'thong tu huong dan' },
  { text: 'nguoi co cong cach mang' }, { text: 'vanthu@laichau.gov.vn' }, { text: 'tet nguyen dan', urgency: 'hoa-toc' }, { text: 'duong bo' },
];

/**
 * A fresh page (run.mjs reloads it first): from opening the database to the first search answered, which loads
 * the search cache from its checkpoint and reads the OCR posting lists of the query's words.
 */
async function cold(): Promise<{ coldMs: number; fromCheckpoint: boolean; hits: number }> {
  const t0 = performance.now();
  const db = createDb('bench-register-search');
  await db.open();
  // Words of fields and OCR text alike: the cache from the checkpoint plus two OCR posting-list reads.
  const ids = await searchRegister(db, { kind: 'incoming', text: 'ngan sach tinh' });
  const coldMs = performance.now() - t0;
  const fromCheckpoint = searchCacheFromCheckpoint(db);
  db.close();
  return { coldMs, fromCheckpoint, hits: ids.length };
}

async function run(rounds: number): Promise<{ registerMs: number; registrationOk: boolean; searchMs: number[]; fullScanMs: number[]; hits: number[]; mismatches: number; mismatched: string[]; slowest: string[] }> {
  const db = createDb('bench-register-search');
  await db.open();
  const searchMs: number[] = [];
  const fullScanMs: number[] = [];
  const hits: number[] = [];
  const mismatched: string[] = [];
  const slow: { ms: number; what: string }[] = [];
  let mismatches = 0;
  await searchRegister(db, { kind: 'incoming', text: 'khoi dong' });
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const filter: RegisterFilter = { kind: 'incoming', ...q };
      const t0 = performance.now();
      const ids = await searchRegister(db, filter);
      searchMs.push(performance.now() - t0);
      slow.push({ ms: performance.now() - t0, what: `round ${r + 1} ${JSON.stringify(q)} (${ids.length} hits)` });
      hits.push(ids.length);
      if (r === 0) {
        const t1 = performance.now();
        const reference = await fullScanSearch(db, filter);
        fullScanMs.push(performance.now() - t1);
        if (reference.length !== ids.length || reference.some((id, k) => id !== ids[k])) {
          mismatches++;
          mismatched.push(`${JSON.stringify(q)}: ${ids.length} vs ${reference.length}`);
        }
      }
    }
  }
  // One registration through the real registerIncoming (OCR text indexed in its transaction), found at once by a
  // word of its OCR text only; then cancelled, and shown cancelled by the next search.
  const checked = validateIncomingForm(
    { typeId: 'cong-van', codeNotation: '999/UBND-VP', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', documentDate: '2026-11-20', abstract: 'V/v kiểm tra', urgency: 'thuong', confidentiality: 'thuong' },
    { today: '2026-12-31' },
  );
  if (!checked.ok) throw new Error('bench form invalid');
  const tReg = performance.now();
  const outcome = await registerIncoming(db, {
    form: checked.value, file: { sha256: '0'.repeat(64), size: 1000 }, arrivedAt: new Date(Date.UTC(2026, 10, 20, 2)),
    receipt: { legal: new Date(Date.UTC(2026, 10, 20, 2)), rule: { kind: 'in-office-hours' } }, actor: 'bench', confirmDuplicate: true,
    newId: () => 'bench-extra', ocrText: ocrBody(rng(7), 'Biên bản kiểm tra Xyloquartz'),
  });
  const registerMs = performance.now() - tReg;
  if (outcome.kind !== 'registered') throw new Error('bench registration refused');
  const newId = outcome.entry.id as number;
  const found = await searchRegister(db, { kind: 'incoming', text: 'xyloquartz' });
  await cancelEntry(db, { entryId: newId, reason: 'Thử', actor: 'bench', at: Date.now() });
  const cancelled = await searchRegister(db, { kind: 'incoming', text: 'xyloquartz', status: 'cancelled' });
  const active = await searchRegister(db, { kind: 'incoming', text: 'xyloquartz', status: 'active' });
  const registrationOk = found.length === 1 && found[0] === newId && cancelled.length === 1 && active.length === 0;
  db.close();
  slow.sort((a, b) => b.ms - a.ms);
  return { registerMs, registrationOk, searchMs, fullScanMs, hits, mismatches, mismatched, slowest: slow.slice(0, 8).map((x) => `${x.ms.toFixed(1)} ms ${x.what}`) };
}

/** Runs a step and turns a failure into a readable message (a DOMException from IndexedDB says little by itself). */
function reported<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (cause) {
      const e = cause as { name?: string; message?: string; stack?: string; inner?: { name?: string; message?: string } };
      throw new Error(`${name} failed: ${e.name ?? ''} ${e.message ?? String(cause)} ${e.inner ? `(inner ${e.inner.name ?? ''}: ${e.inner.message ?? ''})` : ''}\n${e.stack ?? ''}`, { cause });
    }
  };
}

Object.assign(window, { bench: { seed: reported('seed', seed), cold: reported('cold', cold), run: reported('run', run) } });
(document.getElementById('state') as HTMLElement).textContent = 'ready';
