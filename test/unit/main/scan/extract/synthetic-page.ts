/** Builds OCR pages by hand for the extractor's unit tests: words laid out left to right at a given height. */
import type { OcrPage, OcrWord } from '../../../../../src/main/scan/ocr/ocr-word';

const CHAR_W = 0.011;
const LINE_H = 0.014;

/** Words of one line starting at x (fraction of the page width), top at y; `conf` for every word. */
export function words(text: string, x: number, y: number, conf = 0.95, scale = 1): OcrWord[] {
  const out: OcrWord[] = [];
  let cx = x;
  for (const t of text.split(' ')) {
    const w = t.length * CHAR_W * scale;
    out.push({ text: t, conf, x0: cx, y0: y, x1: cx + w, y1: y + LINE_H * scale });
    cx += w + CHAR_W * 0.6;
  }
  return out;
}

/** Centred on cx. */
export function centred(text: string, cx: number, y: number, conf = 0.95): OcrWord[] {
  const width = text.length * CHAR_W + (text.split(' ').length - 1) * CHAR_W * 0.6;
  return words(text, cx - width / 2, y, conf);
}

export function page(all: OcrWord[][], index = 0): OcrPage {
  return { index, source: 'ocr', words: all.flat(), dpi: 300, widthPt: 595.28, heightPt: 841.89 };
}

export interface PageParts {
  header?: string[];
  number?: OcrWord[];
  date?: string;
  title?: string | null;
  abstract?: string;
  marks?: string[];
  extra?: OcrWord[][];
  conf?: number;
}

/** A NĐ 30 first page (Phụ lục I) with the parts given. */
export function nd30Page(p: PageParts = {}): OcrPage {
  const c = p.conf ?? 0.95;
  const header = p.header ?? ['ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU'];
  const parts: OcrWord[][] = header.map((h, i) => centred(h, 0.3, 0.07 + i * 0.02, c));
  parts.push(centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0.67, 0.07, c), centred('Độc lập - Tự do - Hạnh phúc', 0.67, 0.09, c));
  parts.push(p.number ?? centred('Số: 05/QĐ-UBND', 0.3, 0.125, c));
  parts.push(centred(p.date ?? 'Lai Châu, ngày 05 tháng 3 năm 2026', 0.67, 0.125, c));
  (p.marks ?? []).forEach((m, i) => parts.push(centred(m, 0.3, 0.16 + i * 0.03, c)));
  if (p.title !== null) {
    parts.push(centred(p.title ?? 'QUYẾT ĐỊNH', 0.52, 0.24, c));
    parts.push(centred(p.abstract ?? 'Về việc kiện toàn Ban chỉ đạo cải cách hành chính', 0.52, 0.26, c));
  }
  parts.push(words('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', 0.17, 0.31, c));
  parts.push(words('Nơi nhận:', 0.14, 0.5, c), words('- Như trên;', 0.14, 0.52, c), words('- Sở Tài chính;', 0.14, 0.54, c), words('- Lưu: VT.', 0.14, 0.56, c));
  parts.push(centred('KT. CHỦ TỊCH', 0.67, 0.5, c), centred('PHÓ CHỦ TỊCH', 0.67, 0.52, c), centred('Lò Văn Hương', 0.67, 0.62, c));
  parts.push(...(p.extra ?? []));
  return page(parts);
}
