/**
 * Known metadata of generated NĐ 30/2020/NĐ-CP documents (Phụ lục I layout; standards.md §4) and a seeded
 * random choice of them for tests and the ocr-fill bench. Deliberately independent of the extractor in
 * src/main/scan/extract (issue 9: the generator must not share code with it): own tables, own formatting.
 */

export interface Nd30Agency {
  /** Header lines top-left: [parent, issuer] or the issuer's name over one or two lines. */
  header: string[];
  /** Which header lines are bold (the issuing agency's own name). */
  bold: boolean[];
  /** Issuing agency as the register should show it (compared case-insensitively). */
  issuer: string;
  /** Notation group of the agency ('UBND', 'STC', 'BNV'). */
  abbr: string;
  place: string;
  /** Titles its signers hold: [competence lines..., position]. */
  signers: string[][];
}

export interface Nd30Type {
  name: string;
  /** Title line in capitals; null for a Công văn (no title, a "V/v" abstract instead). */
  title: string | null;
  abbr: string | null;
}

export type Urgency = 'thuong' | 'khan' | 'thuong-khan' | 'hoa-toc';
export type Secrecy = 'thuong' | 'mat' | 'toi-mat' | 'tuyet-mat';

export interface Degradation {
  dpi: number;
  mode: 'color' | 'gray' | 'bilevel';
  /** 0 clean … 3 heavy. */
  noise: number;
  skewDeg: number;
  seal: boolean;
  blankBack: boolean;
  /** Number and day written by hand into the printed gaps. */
  handwritten: boolean;
  /** A receiving office's ĐẾN stamp somewhere over the upper half. */
  denStamp: boolean;
}

export interface Nd30Doc {
  id: string;
  agency: Nd30Agency;
  type: Nd30Type;
  number: number;
  /** Drafting unit of a Công văn ('VP' in '12/UBND-VP'). */
  unit: string;
  codeNotation: string;
  year: number;
  month: number;
  day: number;
  abstract: string;
  urgency: Urgency;
  secrecy: Secrecy;
  competence: string[];
  position: string;
  signerName: string;
  recipients: string[];
  body: string[];
  degrade: Degradation;
}

const SO_SIGNERS = [['GIÁM ĐỐC'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], ['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'], ['Q. GIÁM ĐỐC']];
const UB_SIGNERS = [['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']];
const BO_SIGNERS = [['BỘ TRƯỞNG'], ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'], ['TUQ. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ PHÁP CHẾ']];

export const AGENCIES: readonly Nd30Agency[] = [
  { header: ['ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU'], bold: [true, true], issuer: 'Ủy ban nhân dân tỉnh Lai Châu', abbr: 'UBND', place: 'Lai Châu', signers: UB_SIGNERS },
  { header: ['UBND TỈNH LAI CHÂU', 'SỞ TÀI CHÍNH'], bold: [false, true], issuer: 'SỞ TÀI CHÍNH', abbr: 'STC', place: 'Lai Châu', signers: SO_SIGNERS },
  { header: ['UBND TỈNH LAI CHÂU', 'SỞ NỘI VỤ'], bold: [false, true], issuer: 'SỞ NỘI VỤ', abbr: 'SNV', place: 'Lai Châu', signers: SO_SIGNERS },
  { header: ['UBND TỈNH LAI CHÂU', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'], bold: [false, true], issuer: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', abbr: 'SGDĐT', place: 'Lai Châu', signers: SO_SIGNERS },
  { header: ['UBND TỈNH LAI CHÂU', 'SỞ Y TẾ'], bold: [false, true], issuer: 'SỞ Y TẾ', abbr: 'SYT', place: 'Lai Châu', signers: SO_SIGNERS },
  { header: ['ỦY BAN NHÂN DÂN', 'HUYỆN TAM ĐƯỜNG'], bold: [true, true], issuer: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG', abbr: 'UBND', place: 'Tam Đường', signers: UB_SIGNERS },
  { header: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐIỆN BIÊN'], bold: [true, true], issuer: 'ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN', abbr: 'UBND', place: 'Điện Biên', signers: UB_SIGNERS },
  { header: ['UBND TỈNH ĐIỆN BIÊN', 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ'], bold: [false, true], issuer: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ', abbr: 'SKHĐT', place: 'Điện Biên', signers: SO_SIGNERS },
  { header: ['BỘ NỘI VỤ'], bold: [true], issuer: 'BỘ NỘI VỤ', abbr: 'BNV', place: 'Hà Nội', signers: BO_SIGNERS },
  { header: ['BỘ TÀI CHÍNH'], bold: [true], issuer: 'BỘ TÀI CHÍNH', abbr: 'BTC', place: 'Hà Nội', signers: BO_SIGNERS },
  { header: ['BỘ KHOA HỌC VÀ CÔNG NGHỆ'], bold: [true], issuer: 'BỘ KHOA HỌC VÀ CÔNG NGHỆ', abbr: 'BKHCN', place: 'Hà Nội', signers: BO_SIGNERS },
];

export const TYPES: readonly Nd30Type[] = [
  { name: 'Quyết định', title: 'QUYẾT ĐỊNH', abbr: 'QĐ' },
  { name: 'Kế hoạch', title: 'KẾ HOẠCH', abbr: 'KH' },
  { name: 'Thông báo', title: 'THÔNG BÁO', abbr: 'TB' },
  { name: 'Báo cáo', title: 'BÁO CÁO', abbr: 'BC' },
  { name: 'Tờ trình', title: 'TỜ TRÌNH', abbr: 'TTr' },
  { name: 'Chỉ thị', title: 'CHỈ THỊ', abbr: 'CT' },
  { name: 'Hướng dẫn', title: 'HƯỚNG DẪN', abbr: 'HD' },
  { name: 'Giấy mời', title: 'GIẤY MỜI', abbr: 'GM' },
  { name: 'Chương trình', title: 'CHƯƠNG TRÌNH', abbr: 'CTr' },
  { name: 'Công văn', title: null, abbr: null },
  { name: 'Công văn', title: null, abbr: null },
  { name: 'Công văn', title: null, abbr: null },
];

const ABSTRACTS = [
  'Về việc phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2026',
  'Về việc tăng cường công tác phòng, chống thiên tai mùa mưa lũ',
  'Triển khai chuyển đổi số trong cơ quan nhà nước',
  'Về việc kiện toàn Ban chỉ đạo cải cách hành chính',
  'Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý I',
  'Về việc tổ chức hội nghị sơ kết công tác văn thư, lưu trữ',
  'Đề nghị bổ sung kinh phí sửa chữa trường học vùng cao',
  'Hướng dẫn quy trình tiếp nhận và xử lý văn bản điện tử',
  'Về việc giao chỉ tiêu biên chế công chức',
  'Về việc đôn đốc giải ngân vốn đầu tư công',
  'Tổ chức kiểm tra an toàn thông tin mạng',
  'Về việc cử cán bộ tham dự lớp tập huấn nghiệp vụ',
];

const NAMES = ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Minh Tuấn', 'Phạm Quốc Bảo', 'Hoàng Thị Thu Hà', 'Vũ Đức Thắng', 'Đỗ Văn Long', 'Giàng A Páo', 'Lò Văn Hương', 'Tẩn Thị Mây', 'Lường Văn Đoàn', 'Bùi Thị Ngọc Ánh'];

const RECIPIENTS = ['Như trên', 'Thường trực Tỉnh ủy', 'Thường trực HĐND tỉnh', 'Chủ tịch, các PCT UBND tỉnh', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Thông tin và Truyền thông', 'UBND các huyện, thành phố', 'Văn phòng UBND tỉnh', 'Cổng thông tin điện tử tỉnh', 'Kho bạc Nhà nước tỉnh', 'Các phòng, đơn vị thuộc Sở'];

const BODY = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
  'Để bảo đảm thực hiện kịp thời các nhiệm vụ được giao, đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện các nội dung sau đây và báo cáo kết quả đúng thời hạn quy định.',
  'Các cơ quan, đơn vị chủ động bố trí nhân lực, kinh phí và phương tiện; phối hợp chặt chẽ với các đơn vị liên quan trong quá trình tổ chức thực hiện.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời về cơ quan thường trực để tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết.',
  'Giao Văn phòng theo dõi, đôn đốc việc thực hiện và tổng hợp báo cáo định kỳ hằng tháng, hằng quý.',
];

const UNITS = ['VP', 'TH', 'KT', 'VX', 'TCCB', 'NC'];

/** Seeded PRNG (mulberry32), so a test or a bench run is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function sample<T>(rnd: () => number, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0] as T);
  return out;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** One random document; `overrides` pin what a test needs. */
export function randomDoc(rnd: () => number, id: string, overrides: Partial<Omit<Nd30Doc, 'degrade'>> & { degrade?: Partial<Degradation> } = {}): Nd30Doc {
  const agency = overrides.agency ?? pick(rnd, AGENCIES);
  const type = overrides.type ?? pick(rnd, TYPES);
  const number = overrides.number ?? 1 + Math.floor(rnd() * 480);
  const unit = overrides.unit ?? pick(rnd, UNITS);
  const groups = type.abbr ? [type.abbr, agency.abbr] : [agency.abbr, unit];
  const year = overrides.year ?? 2024 + Math.floor(rnd() * 3);
  const month = overrides.month ?? 1 + Math.floor(rnd() * 12);
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = overrides.day ?? 1 + Math.floor(rnd() * dim);
  const titles = pick(rnd, agency.signers);
  const r = rnd();
  const urgency: Urgency = overrides.urgency ?? (r < 0.6 ? 'thuong' : r < 0.75 ? 'khan' : r < 0.88 ? 'thuong-khan' : 'hoa-toc');
  const s = rnd();
  const secrecy: Secrecy = overrides.secrecy ?? (s < 0.7 ? 'thuong' : s < 0.85 ? 'mat' : s < 0.95 ? 'toi-mat' : 'tuyet-mat');
  const recipients = overrides.recipients ?? sample(rnd, RECIPIENTS, 2 + Math.floor(rnd() * 7));
  const dpiRoll = rnd();
  const modeRoll = rnd();
  const degrade: Degradation = {
    dpi: dpiRoll < 0.1 ? 100 : dpiRoll < 0.55 ? 200 : dpiRoll < 0.8 ? 240 : 300,
    mode: modeRoll < 0.3 ? 'color' : modeRoll < 0.8 ? 'gray' : 'bilevel',
    noise: Math.floor(rnd() * 4),
    skewDeg: (rnd() - 0.5) * 1.6,
    seal: rnd() < 0.85,
    blankBack: rnd() < 0.2,
    handwritten: rnd() < 0.15,
    denStamp: rnd() < 0.2,
    ...overrides.degrade,
  };
  return {
    id,
    agency,
    type,
    number,
    unit,
    codeNotation: `${pad2(number)}/${groups.join('-')}`,
    year,
    month,
    day,
    abstract: overrides.abstract ?? pick(rnd, ABSTRACTS),
    urgency,
    secrecy,
    competence: overrides.competence ?? titles.slice(0, -1),
    position: overrides.position ?? (titles[titles.length - 1] as string),
    signerName: overrides.signerName ?? pick(rnd, NAMES),
    recipients,
    body: overrides.body ?? sample(rnd, BODY, 3),
    degrade,
  };
}

/** The date line of box 5 (Phụ lục I): day below 10 and months 1–2 with a leading zero. */
export function dateLine(doc: Nd30Doc, withDay = true): string {
  const month = doc.month <= 2 ? pad2(doc.month) : String(doc.month);
  return `${doc.agency.place}, ngày ${withDay ? pad2(doc.day) : '         '} tháng ${month} năm ${doc.year}`;
}

/** The expected ISO date. */
export function isoDate(doc: Nd30Doc): string {
  return `${doc.year}-${pad2(doc.month)}-${pad2(doc.day)}`;
}
