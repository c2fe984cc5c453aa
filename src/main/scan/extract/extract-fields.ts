/**
 * From the words of a read document to the register fields (issue 9, NĐ 30 Phụ lục I layout, standards.md §4),
 * each with a confidence and a box. Cross-checks lower what the layout alone cannot vouch for: the notation must
 * carry the title's abbreviation (Phụ lục III), the place must fit the agency's province, a field under a ĐẾN
 * stamp is doubted, and nothing read on a poor page is trusted blindly.
 */
import { EXTRACTED_FIELD_NAMES, type ExtractedFieldName, type ExtractionResult, type FieldBox, type PageText } from '../../../shared/api/ocr-schemas';
import { documentTypeByAbbreviation } from '../../../shared/domain/document-types';
import { meanConfidence, type OcrPage } from '../ocr/ocr-word';
import { BUILT_IN_AGENCIES, type DirectoryAgency } from './agency-directory';
import { findIssuer, findMarks, findStamps } from './agency-marks';
import { capConfidence, type Finding } from './finding';
import { buildLines, intersects, type Box, type Line } from './layout';
import { findDate, findNotation } from './notation-date';
import { findSignature } from './signature-recipients';
import { fold } from './text-rules';
import { findTitle } from './title-abstract';

export interface ExtractOptions {
  /** Agencies known from the axis (mã định danh + name), added to the built-in entry. */
  agencies?: readonly DirectoryAgency[];
  /** Clock for the plausibility of the year (default: now). */
  now?: Date;
}

/** Below this scan resolution no text field is trusted (fax quality, 100 dpi). */
const LOW_DPI = 150;
const STAMP_VI = 'dấu "ĐẾN" của nơi nhận đè lên';

function toFieldBox(b: (Box & { page: number }) | undefined): FieldBox | undefined {
  if (!b) return undefined;
  const clamp = (v: number): number => Math.max(0, Math.min(1, v));
  return { page: b.page, x: clamp(b.x0), y: clamp(b.y0), width: clamp(b.x1) - clamp(b.x0), height: clamp(b.y1) - clamp(b.y0) };
}

function pageText(page: OcrPage, lines: readonly Line[]): PageText {
  return { page: page.index, source: page.source, text: lines.map((l) => l.text).join('\n'), meanConfidence: page.source === 'text-layer' ? 1 : meanConfidence(page.words) };
}

/** Fields of the document from its pages (blank pages are skipped; page 1 is the first page with text). */
export function extractFields(pages: readonly OcrPage[], options: ExtractOptions = {}): ExtractionResult {
  const now = options.now ?? new Date();
  const directory = [...BUILT_IN_AGENCIES, ...(options.agencies ?? [])];
  const allLines = pages.map((p) => buildLines(p.index, p.words));
  const pageTexts = pages.map((p, i) => pageText(p, allLines[i] ?? []));
  const textPages = pages.filter((p) => p.source !== 'blank');
  // Renumber so that the first page with text is page 0 for the layout rules; boxes keep the real index.
  const realIndex = textPages.map((p) => p.index);
  const lines = textPages.flatMap((p, k) => buildLines(k, p.words));
  const first = textPages[0];
  const quality = first ? (first.source === 'text-layer' ? 1 : meanConfidence(first.words)) : 0;

  const stamps = findStamps(lines);
  // A line inside a stamp is the stamp's own text — except the document's "Số: 12/QĐ-…" line it may cover.
  const inStamp = (l: Line): boolean =>
    stamps.some((s) => s.page === l.page && l.x0 >= s.x0 - 0.01 && l.x1 <= s.x1 + 0.02 && l.y0 >= s.y0 && l.y1 <= s.y1) && !/\d\/\p{L}/u.test(l.text);
  const notation = findNotation(lines.filter((l) => !inStamp(l)));
  const dated = findDate(lines.filter((l) => !inStamp(l)), now);
  const numberTop = Math.min(notation.line?.y0 ?? 0.2, dated.line?.y0 ?? 0.2);
  const issuer = findIssuer(lines, numberTop, directory, inStamp);
  const belowY = Math.max(notation.line?.y1 ?? 0.15, dated.line?.y1 ?? 0.15);
  const title = findTitle(lines, belowY, notation.firstGroup, inStamp);
  const marks = findMarks(lines.filter((l) => !inStamp(l)), quality);
  const signature = findSignature(lines, inStamp);

  let codeNotation: Finding<string> = notation;
  const abbreviation = title.docType?.abbreviation ?? null;
  if (codeNotation.value && title.docType) {
    if (abbreviation && notation.firstGroup !== abbreviation) codeNotation = capConfidence(codeNotation, 0.6, `ký hiệu không bắt đầu bằng "${abbreviation}" của tên loại (Phụ lục III)`);
    if (!abbreviation && notation.firstGroup && documentTypeByAbbreviation(notation.firstGroup)?.abbreviation === notation.firstGroup) codeNotation = capConfidence(codeNotation, 0.6, 'ký hiệu công văn lại bắt đầu bằng chữ viết tắt tên loại');
  } else if (codeNotation.value) codeNotation = capConfidence(codeNotation, 0.75, 'không đối chiếu được ký hiệu với tên loại');

  let place = dated.place;
  if (place.value) {
    const header = fold(`${issuer.parent ?? ''} ${issuer.printed}`);
    const unit = /\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+([a-z ]+)$/u.exec(header)?.[1]?.trim();
    if (unit && !header.includes(fold(place.value)) && fold(place.value) !== unit) place = capConfidence(place, 0.6, 'địa danh không khớp tỉnh, huyện của cơ quan ban hành');
  }

  const findings: Record<ExtractedFieldName, Finding<unknown>> = {
    issuer,
    codeNotation,
    place,
    date: dated.date,
    type: title.type,
    abstract: title.abstract,
    urgency: marks.urgency,
    confidentiality: marks.confidentiality,
    signerName: signature.signerName,
    signerPosition: signature.signerPosition,
    recipients: signature.recipients,
  };
  const warnings: string[] = [];
  const lowDpi = first !== undefined && first.source === 'ocr' && first.dpi > 0 && first.dpi < LOW_DPI;
  for (const name of EXTRACTED_FIELD_NAMES) {
    let f = findings[name];
    if (f.box && stamps.some((s) => s.page === f.box?.page && intersects(s, f.box))) f = capConfidence(f, 0.7, STAMP_VI);
    if (lowDpi) f = capConfidence(f, 0.75, `ảnh quét độ phân giải thấp (${first.dpi} dpi)`);
    findings[name] = f;
    for (const w of f.warnings) warnings.push(`${name}: ${w}`);
  }
  const confidence = Object.fromEntries(EXTRACTED_FIELD_NAMES.map((n) => [n, Math.round(findings[n].confidence * 100) / 100])) as Record<ExtractedFieldName, number>;
  const boxes: ExtractionResult['boxes'] = {};
  for (const n of EXTRACTED_FIELD_NAMES) {
    const b = findings[n].box;
    const fb = toFieldBox(b ? { ...b, page: realIndex[b.page] ?? b.page } : undefined);
    if (fb) boxes[n] = fb;
  }
  return {
    fields: {
      issuer: issuer.value,
      codeNotation: codeNotation.value,
      place: place.value,
      date: dated.date.value,
      type: title.type.value,
      abstract: title.abstract.value,
      urgency: marks.urgency.value,
      confidentiality: marks.confidentiality.value,
      signerName: signature.signerName.value,
      signerPosition: signature.signerPosition.value,
      recipients: signature.recipients.value,
    },
    confidence,
    boxes,
    details: {
      ...(issuer.code ? { issuerCode: issuer.code } : {}),
      ...(issuer.parent ? { parentAgency: issuer.parent } : {}),
      signerCompetence: signature.competence,
      warnings,
    },
    text: pageTexts.map((p) => p.text).join('\f'),
    pages: pageTexts,
  };
}
