/**
 * Box 5 (tên loại and trích yếu, NĐ 30 Phụ lục I): the centred title in capitals with its abstract under it, or,
 * for a Công văn (no title, Art. 7 / Phụ lục III), the "V/v …" abstract under the Số line. The type name is
 * mapped through document-types.ts; the notation's first group must be that type's abbreviation.
 */
import { documentTypeByAbbreviation, documentTypeByName, type DocumentType } from '../../../shared/domain/document-types';
import { type Line, unionBox } from './layout';
import { cleanOcrText, freeTextFactor, isCapitals, ocrFactor } from './text-rules';
import { capConfidence, notFound, type Finding } from './finding';

export interface TitleFinding {
  type: Finding<string>;
  abstract: Finding<string>;
  docType?: DocumentType;
}

const VV = /^v\s*[/|l1i]\s*v\b[.:]?\s*/iu;

function continuation(after: Line, candidates: readonly Line[], sameColumn: (l: Line) => boolean): Line[] {
  const out: Line[] = [];
  let prev = after;
  for (const l of candidates) {
    if (l.y0 <= prev.y0 + 0.002 || !sameColumn(l)) continue;
    const gap = l.y0 - prev.y1;
    if (gap > Math.max(prev.h, 0.008) * 1.1) break;
    out.push(l);
    prev = l;
  }
  return out;
}

function abstractOf(parts: Line[]): Finding<string> {
  const words = parts.flatMap((l) => l.words);
  const value = cleanOcrText(parts.map((l) => l.text).join(' ')).replace(VV, '').replace(/[.;:]$/u, '');
  return { value, confidence: freeTextFactor(Math.min(...words.map((w) => w.conf))), box: { page: parts[0]?.page ?? 0, ...unionBox(parts) }, warnings: [] };
}

/** Type and abstract, below the Số and date lines (`belowY`). `firstGroup` is the notation's first group. */
export function findTitle(lines: readonly Line[], belowY: number, firstGroup: string | undefined, excluded: (l: Line) => boolean): TitleFinding {
  const page0 = lines.filter((l) => l.page === 0 && !excluded(l));
  const title = page0.find((l) => l.y0 > belowY && l.y0 < 0.6 && Math.abs(l.cx - 0.5) < 0.1 && documentTypeByName(cleanOcrText(l.text).replace(/[:.]$/u, '')) !== undefined);
  const byAbbr = firstGroup ? documentTypeByAbbreviation(firstGroup) : undefined;
  if (title) {
    const docType = documentTypeByName(cleanOcrText(title.text).replace(/[:.]$/u, '')) as DocumentType;
    let type: Finding<string> = { value: docType.name, confidence: ocrFactor(title.minConf), box: { page: 0, x0: title.x0, y0: title.y0, x1: title.x1, y1: title.y1 }, warnings: [] };
    if (cleanOcrText(title.text).replace(/[:.]$/u, '') !== docType.name.toUpperCase()) type = capConfidence(type, 0.75, 'tên loại đọc được thiếu dấu');
    if (byAbbr?.id === docType.id) type = { ...type, confidence: Math.max(type.confidence, 0.9) };
    else type = capConfidence(type, 0.6, 'tên loại không khớp chữ viết tắt trong ký hiệu (Phụ lục III)');
    const parts = continuation(title, page0, (l) => Math.abs(l.cx - 0.5) < 0.12 && !isCapitals(l.text));
    const abstract = parts.length ? abstractOf(parts) : notFound('', 'không thấy trích yếu dưới tên loại');
    return { type, abstract, docType };
  }
  const vv = page0.find((l) => l.y0 > belowY - 0.03 && l.y0 < 0.45 && l.cx < 0.5 && VV.test(cleanOcrText(l.text)));
  if (vv) {
    const parts = [vv, ...continuation(vv, page0, (l) => l.cx < 0.5 && Math.abs(l.cx - vv.cx) < 0.12 && !isCapitals(l.text))];
    const abstract = abstractOf(parts);
    const docType = documentTypeByName('Công văn') as DocumentType;
    let type: Finding<string> = { value: docType.name, confidence: Math.min(0.92, ocrFactor(vv.words[0]?.conf ?? 0) + 0.05), box: abstract.box, warnings: [] };
    // A Công văn's notation starts with the agency, never with a type abbreviation (Phụ lục I, I.3).
    if (byAbbr && byAbbr.abbreviation && firstGroup === byAbbr.abbreviation) type = capConfidence(type, 0.5, 'ký hiệu có chữ viết tắt tên loại nhưng văn bản không có tên loại');
    return { type, abstract, docType };
  }
  if (byAbbr) {
    return { type: { value: byAbbr.name, confidence: 0.6, warnings: ['không thấy dòng tên loại; tên loại suy từ ký hiệu'] }, abstract: notFound('', 'không thấy trích yếu'), docType: byAbbr };
  }
  return { type: notFound('', 'không thấy tên loại văn bản'), abstract: notFound('', 'không thấy trích yếu') };
}
