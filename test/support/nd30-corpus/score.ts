/**
 * Scoring for the ocr-fill bench and the OCR tests: what the generator put on the page against what the extractor read. Text is
 * compared after NFC, lower case and collapsed spaces (the register keeps the printed case); lists item by item.
 */
import type { ExtractedFieldName, ExtractionResult } from '../../../src/shared/api/ocr-schemas';
import { isoDate, type Nd30Doc } from './nd30-spec';

export type Expected = Record<ExtractedFieldName, string | string[]>;

/** The register fields the generated document carries. */
export function expectedFields(d: Nd30Doc): Expected {
  return {
    issuer: d.agency.issuer,
    codeNotation: d.codeNotation,
    place: d.agency.place,
    date: isoDate(d),
    type: d.type.name,
    abstract: d.abstract,
    urgency: d.urgency,
    confidentiality: d.secrecy,
    signerName: d.signerName,
    signerPosition: d.position,
    recipients: d.recipients,
  };
}

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Whether the extracted value equals the expected one. */
export function sameValue(expected: string | string[], actual: string | string[]): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => norm(e) === norm(actual[i] ?? ''));
  }
  return typeof actual === 'string' && norm(actual) === norm(expected);
}

export interface FieldOutcome {
  field: ExtractedFieldName;
  right: boolean;
  confidence: number;
  expected: string | string[];
  actual: string | string[];
}

/** Outcome of every field of one document. */
export function scoreDocument(d: Nd30Doc, r: ExtractionResult): FieldOutcome[] {
  const exp = expectedFields(d);
  return (Object.keys(exp) as ExtractedFieldName[]).map((field) => ({
    field,
    right: sameValue(exp[field], r.fields[field]),
    confidence: r.confidence[field],
    expected: exp[field],
    actual: r.fields[field],
  }));
}
