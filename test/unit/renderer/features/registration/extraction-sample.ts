// A scan.extract answer for renderer tests (issue 9): a Quyết định read well except the date and the abstract.
import type { ExtractedFieldName, ScanExtractOutcome } from '../../../../../src/shared/api/ocr-schemas';

const ALL_TRUSTED: Record<ExtractedFieldName, number> = {
  issuer: 0.96,
  codeNotation: 0.95,
  place: 0.9,
  date: 0.93,
  type: 0.97,
  abstract: 0.9,
  urgency: 0.9,
  confidentiality: 0.9,
  signerName: 0.85,
  signerPosition: 0.88,
  recipients: 0.82,
};

export function sampleExtraction(patch: { confidence?: Partial<Record<ExtractedFieldName, number>>; fields?: Partial<ScanExtractOutcome['fields']> } = {}): ScanExtractOutcome {
  return {
    fields: {
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      codeNotation: '05/QĐ-UBND',
      place: 'Lai Châu',
      date: '2026-03-05',
      type: 'Quyết định',
      abstract: 'Về việc kiện toàn Ban chỉ đạo cải cách hành chính',
      urgency: 'khan',
      confidentiality: 'thuong',
      signerName: 'Lò Văn Hương',
      signerPosition: 'PHÓ CHỦ TỊCH',
      recipients: ['Như trên', 'Sở Tài chính'],
      ...patch.fields,
    },
    confidence: { ...ALL_TRUSTED, ...patch.confidence },
    boxes: {
      issuer: { page: 0, x: 0.1, y: 0.05, width: 0.35, height: 0.04 },
      codeNotation: { page: 0, x: 0.12, y: 0.12, width: 0.2, height: 0.02 },
      date: { page: 0, x: 0.55, y: 0.12, width: 0.35, height: 0.02 },
      type: { page: 0, x: 0.4, y: 0.2, width: 0.2, height: 0.03 },
      abstract: { page: 0, x: 0.2, y: 0.24, width: 0.6, height: 0.04 },
      urgency: { page: 0, x: 0.1, y: 0.16, width: 0.1, height: 0.02 },
    },
    details: { signerCompetence: ['KT. CHỦ TỊCH'], warnings: [] },
    text: 'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 05/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc kiện toàn Ban chỉ đạo cải cách hành chính',
    pages: [{ page: 0, source: 'ocr', text: 'ỦY BAN NHÂN DÂN', meanConfidence: 0.9 }],
    textHash: 'b'.repeat(64),
  };
}
