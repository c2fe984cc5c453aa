/**
 * What OCR and automatic form fill return (issue 9, "OCR and automatic fill"): the register fields read from a
 * scanned document in NĐ 30/2020/NĐ-CP layout (Phụ lục I; standards.md §4), each with a confidence (0–1) and
 * its box on the page. Pure types and zod schemas, shared by main (which computes them) and the renderer (which
 * shows the boxes on the preview and highlights low-confidence fields).
 */
import { z } from 'zod';

/**
 * Below this confidence a field is highlighted for the clerk to check. The extractor never reports a value it
 * cannot read reliably at or above it (issue 9: "never a confident wrong value").
 */
export const TRUSTED_CONFIDENCE = 0.8;

/** Fields of the incoming register (Phụ lục IV, Sổ đăng ký văn bản đến; Phụ lục VI Phần II). */
export const EXTRACTED_FIELD_NAMES = [
  'issuer',
  'codeNotation',
  'place',
  'date',
  'type',
  'abstract',
  'urgency',
  'confidentiality',
  'signerName',
  'signerPosition',
  'recipients',
] as const;

export type ExtractedFieldName = (typeof EXTRACTED_FIELD_NAMES)[number];

/** Urgency (Phụ lục I, box 10b): none, KHẨN, THƯỢNG KHẨN, HỎA TỐC. */
export type ExtractedUrgency = 'thuong' | 'khan' | 'thuong-khan' | 'hoa-toc';
/** Secrecy mark (box 10a): none, MẬT, TỐI MẬT, TUYỆT MẬT. */
export type ExtractedConfidentiality = 'thuong' | 'mat' | 'toi-mat' | 'tuyet-mat';

/** Values read from the document; '' (or [] for recipients) when a field could not be read at all. */
export interface ExtractedFields {
  /** Issuing agency (cơ quan ban hành): the directory name when matched, otherwise the header as printed. */
  issuer: string;
  /** Số and ký hiệu, canonical ('05/QĐ-UBND'). */
  codeNotation: string;
  /** Địa danh of the date line ('Lai Châu'). */
  place: string;
  /** Date of the document, YYYY-MM-DD. */
  date: string;
  /** Vietnamese type name ('Quyết định', 'Công văn'). */
  type: string;
  /** Trích yếu: the line(s) under the title, or the text after "V/v" of a Công văn. */
  abstract: string;
  urgency: ExtractedUrgency;
  confidentiality: ExtractedConfidentiality;
  signerName: string;
  /** The signer's own title line(s) ('PHÓ CHỦ TỊCH'), without the TM./KT./Q./TL./TUQ. competence lines. */
  signerPosition: string;
  /** Nơi nhận, without the leading '-' and the trailing ';' / '.', and without "Lưu: …". */
  recipients: string[];
}

/** A rectangle on one page, normalized to the page (0–1, origin top-left). */
export interface FieldBox {
  /** Page index, 0-based. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Extra facts found on the way, for the form (none of them is a register column by itself). */
export interface ExtractionDetails {
  /** Identifier code (mã định danh) of the matched agency, when the directory knows it. */
  issuerCode?: string;
  /** Competence lines of the signature block ('KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN'). */
  signerCompetence: string[];
  /** Header line of the parent agency when there is one ('UBND TỈNH LAI CHÂU'). */
  parentAgency?: string;
  /** Why some fields got a low confidence, in Vietnamese (handwritten gap, ĐẾN stamp, low resolution ...). */
  warnings: string[];
}

/** Where each page's text came from. */
export type PageTextSource = 'ocr' | 'text-layer' | 'blank';

export interface PageText {
  page: number;
  source: PageTextSource;
  /** Recognized text of the page, lines separated by '\n'. */
  text: string;
  /** Mean word confidence of the page (0–1); 1 for a text layer; 0 for a blank page. */
  meanConfidence: number;
}

/** The whole answer of an extraction. */
export interface ExtractionResult {
  fields: ExtractedFields;
  confidence: Record<ExtractedFieldName, number>;
  /** Box of each field found on the page (absent when the field was not found). */
  boxes: Partial<Record<ExtractedFieldName, FieldBox>>;
  details: ExtractionDetails;
  /**
   * Text of the whole document (pages separated by form feed '\f'), to be stored beside the original in the
   * blob store; the scanned PDF itself is never rewritten.
   */
  text: string;
  pages: PageText[];
}

/** Request of `scan.extract`: a PDF already in the blob store, named by its SHA-256. */
export const ScanExtractRequest = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  jobId: z.string().min(1).max(100).optional(),
}).strict();
export type ScanExtractRequest = z.infer<typeof ScanExtractRequest>;

/** Answer of `scan.extract`: the extraction and the hash of its text, saved in the blob store as text/plain. */
export interface ScanExtractOutcome extends ExtractionResult {
  textHash: string;
}
