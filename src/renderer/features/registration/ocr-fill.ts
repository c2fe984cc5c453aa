/**
 * From what OCR read (scan.extract's ExtractionResult, issue 9) to the registration form (FormValues): which value
 * goes in which field, which fields the clerk must check (confidence below TRUSTED_CONFIDENCE, or nothing read),
 * and where each field sits on the scanned page. Pure: no React, no clock (Quy chế Art. 9.1: the clerk scans the
 * paper document and enters its data; here the machine proposes the data and the clerk confirms it).
 *
 * The register has no column for the signer or the document's own Nơi nhận (NĐ 30 Phụ lục IV, sổ đăng ký văn bản
 * đến), and the form's "Đơn vị hoặc người nhận" is the unit inside our agency that handles the document, not the
 * document's recipients: those two facts are offered as read-only lines (`otherFacts`), never typed into a field.
 */
import { TRUSTED_CONFIDENCE, type ExtractedFieldName, type ExtractionResult, type FieldBox } from '../../../shared/api/ocr-schemas';
import { documentTypeByName } from '../../../shared/domain/document-types';
import { formatDateVN, isIsoDate } from '../../../shared/util/time';
import { emptyForm, type FieldName, type FormValues } from './form-state';

/** Form fields OCR can fill, in the form's order (the first one to check gets the focus). */
export const OCR_FORM_FIELDS = ['typeId', 'codeNotation', 'issuer', 'documentDate', 'abstract', 'urgency', 'confidentiality'] as const satisfies readonly FieldName[];
export type OcrFormField = (typeof OCR_FORM_FIELDS)[number];

/** The extracted field each form field comes from. */
export const SOURCE_OF: Record<OcrFormField, ExtractedFieldName> = {
  typeId: 'type',
  codeNotation: 'codeNotation',
  issuer: 'issuer',
  documentDate: 'date',
  abstract: 'abstract',
  urgency: 'urgency',
  confidentiality: 'confidentiality',
};

/** Why a field is flagged: read but not reliably, or not read at all. */
export type FieldCheck = 'unsure' | 'missing';

export interface OcrFill {
  /** Values read, for the fields OCR fills ('' where nothing was read; select fields keep the form's default). */
  values: Pick<FormValues, OcrFormField>;
  /** Fields the clerk has to look at, with why; a field absent here was read with a trusted confidence. */
  checks: Partial<Record<OcrFormField, FieldCheck>>;
  /** Box of each filled field on the page (0-based page, normalized 0–1). */
  boxes: Partial<Record<OcrFormField, FieldBox>>;
  /** Number of fields that got a value from the document. */
  filledCount: number;
  /** Signer and recipients as read, for display only (no register column holds them). */
  otherFacts: { signerName: string; signerPosition: string; recipients: string[] };
}

/** yyyy-MM-dd → dd/MM/yyyy, '' for anything else (an unreadable date stays empty, never guessed). */
function formDate(iso: string): string {
  return isIsoDate(iso) ? formatDateVN(iso) : '';
}

function confidenceOf(result: ExtractionResult, field: ExtractedFieldName): number {
  const c = result.confidence[field];
  return typeof c === 'number' && Number.isFinite(c) ? c : 0;
}

/** Maps an extraction onto the form's fields. */
export function fillFromExtraction(result: ExtractionResult): OcrFill {
  const f = result.fields;
  const defaults = emptyForm();
  const type = f.type.trim() === '' ? undefined : documentTypeByName(f.type);
  const values: OcrFill['values'] = {
    typeId: type?.id ?? defaults.typeId,
    codeNotation: f.codeNotation.trim(),
    issuer: f.issuer.trim(),
    documentDate: formDate(f.date),
    abstract: f.abstract.trim(),
    urgency: f.urgency,
    confidentiality: f.confidentiality,
  };
  // A select cannot be empty: "read" means the document said it (a type name we know; a mark or its absence).
  const read: Record<OcrFormField, boolean> = {
    typeId: type !== undefined,
    codeNotation: values.codeNotation !== '',
    issuer: values.issuer !== '',
    documentDate: values.documentDate !== '',
    abstract: values.abstract !== '',
    urgency: confidenceOf(result, 'urgency') > 0,
    confidentiality: confidenceOf(result, 'confidentiality') > 0,
  };
  const checks: OcrFill['checks'] = {};
  const boxes: OcrFill['boxes'] = {};
  let filledCount = 0;
  for (const field of OCR_FORM_FIELDS) {
    const source = SOURCE_OF[field];
    if (!read[field]) {
      checks[field] = 'missing';
      continue;
    }
    filledCount += 1;
    if (confidenceOf(result, source) < TRUSTED_CONFIDENCE) checks[field] = 'unsure';
    const box = result.boxes[source];
    if (box !== undefined) boxes[field] = box;
  }
  return {
    values,
    checks,
    boxes,
    filledCount,
    otherFacts: { signerName: f.signerName.trim(), signerPosition: f.signerPosition.trim(), recipients: f.recipients.filter((r) => r.trim() !== '') },
  };
}

/**
 * The form after the fill: a field the clerk already changed while OCR ran keeps the clerk's value (nothing typed
 * is lost); every other OCR field takes the value read. Returns the merged values and the fields actually filled.
 */
export function mergeFill(current: FormValues, fill: OcrFill): { values: FormValues; kept: OcrFormField[] } {
  const blank = emptyForm();
  const kept: OcrFormField[] = [];
  const values: FormValues = { ...current };
  for (const field of OCR_FORM_FIELDS) {
    if (current[field] !== blank[field]) {
      kept.push(field);
      continue;
    }
    (values as Record<OcrFormField, string>)[field] = fill.values[field];
  }
  return { values, kept };
}

/** The field the clerk should look at first (form order), or null when every field was read reliably. */
export function firstFieldToCheck(checks: OcrFill['checks']): OcrFormField | null {
  return OCR_FORM_FIELDS.find((f) => checks[f] !== undefined) ?? null;
}
