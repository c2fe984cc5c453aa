/**
 * The registration form as the clerk types it (dates dd/MM/yyyy, everything a string) and its conversion
 * to the domain's IncomingDocumentForm through validateIncomingForm (Art. 9.1; NĐ 30 Phụ lục IV, VI).
 */
import type { Confidentiality, Urgency } from '../../../shared/domain/urgency';
import { validateIncomingForm, type IncomingDocumentValue } from '../../../shared/domain/incoming-document';
import { parseDateVN } from '../../../shared/util/time';

export interface FormValues {
  typeId: string;
  codeNotation: string;
  issuer: string;
  documentDate: string;
  abstract: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  dueDate: string;
  recipient: string;
  note: string;
}

export type FieldName = keyof FormValues;
/** Field → issue code (the first problem of that field); 'form' for a problem of the whole form. */
export type FieldIssues = Partial<Record<FieldName | 'form', string>>;

/** A blank form for the next document; Công văn is preselected as the most frequent type. */
export function emptyForm(): FormValues {
  return {
    typeId: 'cong-van',
    codeNotation: '',
    issuer: '',
    documentDate: '',
    abstract: '',
    urgency: 'thuong',
    confidentiality: 'thuong',
    dueDate: '',
    recipient: '',
    note: '',
  };
}

function isFieldName(value: string): value is FieldName {
  return value in emptyForm();
}

/** A dd/MM/yyyy field → yyyy-MM-dd, '' when empty, or null when it is not a real date. */
function readDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return parseDateVN(trimmed);
}

/**
 * Validates the typed values. `today` is yyyy-MM-dd in Vietnam time (a document date may not be later).
 * Returns the domain value or one issue code per field.
 */
export function checkForm(values: FormValues, today: string): { ok: true; value: IncomingDocumentValue } | { ok: false; issues: FieldIssues } {
  const issues: FieldIssues = {};
  const documentDate = readDate(values.documentDate);
  const dueDate = readDate(values.dueDate);
  if (documentDate === null) issues.documentDate = 'bad-date';
  if (dueDate === null) issues.dueDate = 'bad-date';
  const input = {
    typeId: values.typeId,
    codeNotation: values.codeNotation.trim(),
    issuer: values.issuer.trim(),
    // Empty → undefined so the domain answers 'required'; unreadable text already has 'bad-date'.
    documentDate: documentDate || undefined,
    abstract: values.abstract.trim(),
    urgency: values.urgency,
    confidentiality: values.confidentiality,
    dueDate: dueDate || undefined,
    recipient: values.recipient.trim() || undefined,
    note: values.note.trim() || undefined,
  };
  const result = validateIncomingForm(input, { today });
  if (!result.ok) {
    for (const issue of result.issues) {
      const field = isFieldName(issue.field) ? issue.field : 'form';
      issues[field] ??= issue.code;
    }
  }
  if (result.ok && Object.keys(issues).length === 0) return { ok: true, value: result.value };
  return { ok: false, issues: Object.keys(issues).length > 0 ? issues : { form: 'invalid' } };
}
