// Runs inside Chromium: seeds the real Dexie schema with N register entries (real IndexedDB), then times the
// renderer's own searchRegister (indexed, diacritic-insensitive) against fullScanSearch (every entry read and
// matched) on the same queries. Driven by run.mjs through window.bench.
import { createDb } from '../../src/renderer/db/db';
import { fullScanSearch, searchRegister, type RegisterFilter } from '../../src/renderer/db/queries/register-search';
import type { DocumentRecord, RegisterEntryRecord } from '../../src/renderer/db/records';
import { entrySearchFields } from '../../src/renderer/db/search-index';
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

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

async function seed(total: number, batch = 5000): Promise<number> {
  const db = createDb('bench-register-search');
  await db.delete();
  await db.open();
  const rand = rng(20261124);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const t0 = performance.now();
  for (let start = 0; start < total; start += batch) {
    const docs: DocumentRecord[] = [];
    const entries: RegisterEntryRecord[] = [];
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
      docs.push({
        id, direction: 'incoming', typeId, codeNotation, issuer, documentDate: `${year}-01-15`, abstract, urgency,
        confidentiality: 'thuong', fileSha256: '0'.repeat(64), fileSize: 1000, createdAt: at, createdBy: 'bench',
      });
      entries.push({
        registerId: `incoming-${year}`, kind: 'incoming', year, number, documentId: id, arrivedAt: at, legalReceiptAt: at,
        receiptRule: { kind: 'in-office-hours' }, status: i % 50 === 0 ? 'cancelled' : 'active',
        handling: i % 3 === 0 ? 'waiting' : 'transferred', urgency,
        ...entrySearchFields({ codeNotation, typeId, issuer, abstract }),
      });
    }
    await db.transaction('rw', db.documents, db.registerEntries, async () => {
      await db.documents.bulkAdd(docs);
      await db.registerEntries.bulkAdd(entries);
    });
    (document.getElementById('state') as HTMLElement).textContent = `seeded ${Math.min(total, start + batch)}`;
  }
  db.close();
  return performance.now() - t0;
}

const QUERIES: Omit<RegisterFilter, 'kind'>[] = [
  { text: 'chuyen doi so' }, { text: 'de an dao tao' }, { text: 'Đề án đào tạo' }, { text: 'thien tai' },
  { text: 'dau tu cong' }, { text: 'van thu luu tru' }, { text: 'an toan thong tin' }, { text: 'tam duong' },
  { text: 'ban giang' }, { text: '125/ubnd' }, { text: '77/QĐ-SNV' }, { text: 'hoi nghi tong ket' },
  { text: 'cai cach hanh chinh', year: 2024 }, { text: 'tuyen dung', urgency: 'khan' }, { text: 'dat dai', status: 'cancelled' },
  { text: 'bao cao tinh hinh', year: 2026 }, { text: 'gop y du thao' }, { text: 'so noi vu' }, { text: 'dot 7' },
  { text: 'phong chong' },
];

async function run(rounds: number): Promise<{ coldMs: number; searchMs: number[]; fullScanMs: number[]; hits: number[]; mismatches: number }> {
  const db = createDb('bench-register-search');
  await db.open();
  const searchMs: number[] = [];
  const fullScanMs: number[] = [];
  const hits: number[] = [];
  let mismatches = 0;
  // The first search of a session loads the search cache (one read of every entry); the app warms it right
  // after sign-in. It is reported apart: it is not what a clerk feels on the hundredth search.
  const tCold = performance.now();
  await searchRegister(db, { kind: 'incoming', text: 'khoi dong' });
  const coldMs = performance.now() - tCold;
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const filter: RegisterFilter = { kind: 'incoming', ...q };
      const t0 = performance.now();
      const ids = await searchRegister(db, filter);
      searchMs.push(performance.now() - t0);
      hits.push(ids.length);
      if (r === 0) {
        const t1 = performance.now();
        const reference = await fullScanSearch(db, filter);
        fullScanMs.push(performance.now() - t1);
        if (reference.length !== ids.length || reference.some((id, k) => id !== ids[k])) mismatches++;
      }
    }
  }
  db.close();
  return { coldMs, searchMs, fullScanMs, hits, mismatches };
}

Object.assign(window, { bench: { seed, run } });
(document.getElementById('state') as HTMLElement).textContent = 'ready';
