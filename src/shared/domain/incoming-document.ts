/**
 * The registration form of an incoming document (Quy chế Art. 9.1: the clerk enters the data of a paper document
 * that arrives; NĐ 30 Phụ lục IV: the incoming register columns; Phụ lục VI Phần II II: the incoming metadata and
 * its sizes — Subject ≤ 500, OrganName ≤ 200, Description ≤ 500). Issue codes are stable strings the renderer
 * turns into Vietnamese text (i18n FORM_ISSUE_MESSAGES); nothing here is UI text.
 */
import { z } from 'zod';
import { parseCodeNotation } from './code-notation';
import { DocumentTypeIdSchema } from './document-types';
import { ConfidentialitySchema, UrgencySchema } from './urgency';
import { isIsoDate } from '../util/time';

export const FORM_ISSUE_CODES = [
  'required',
  'too-long',
  'bad-code-notation',
  'bad-date',
  'date-in-future',
  'due-before-document',
  'invalid',
] as const;
export type FormIssueCode = (typeof FORM_ISSUE_CODES)[number];

export const MAX_ISSUER_LENGTH = 200;
export const MAX_ABSTRACT_LENGTH = 500;
export const MAX_RECIPIENT_LENGTH = 200;
export const MAX_NOTE_LENGTH = 500;
export const MAX_PAGE_COUNT = 9999;

const isMissing = (v: unknown): boolean => v === undefined || v === null;
const missingOr = (code: FormIssueCode) => (iss: { input?: unknown }) => (isMissing(iss.input) ? 'required' : code);
const clean = (v: string): string => v.normalize('NFC').replace(/\s+/gu, ' ').trim();
/** Blank optional inputs ('' or spaces, null) become undefined. */
const blankToUndefined = (v: unknown): unknown => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

const requiredText = (max: number) =>
  z
    .string({ error: missingOr('invalid') })
    .transform(clean)
    .pipe(z.string().min(1, 'required').max(max, 'too-long'));

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: 'invalid' }).transform(clean).pipe(z.string().max(max, 'too-long')).optional());

const isoDate = z.string({ error: missingOr('bad-date') }).trim().refine(isIsoDate, 'bad-date');

const codeNotation = z
  .string({ error: missingOr('invalid') })
  .transform(clean)
  .pipe(z.string().min(1, 'required'))
  .transform((v, ctx) => {
    const parsed = parseCodeNotation(v);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: 'bad-code-notation' });
      return z.NEVER;
    }
    // Stored the canonical way ('5/BNV-VP' → '05/BNV-VP') so duplicates are found (Phụ lục VI Phần I III).
    return parsed.canonical;
  });

const pageCount = z.preprocess(
  (v) => {
    const blank = blankToUndefined(v);
    return typeof blank === 'string' && /^\s*\d+\s*$/.test(blank) ? Number(blank) : blank;
  },
  z.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').max(MAX_PAGE_COUNT, 'invalid').optional(),
);

/** Shape and per-field checks of the form; date checks that need "today" are in validateIncomingForm. */
export const IncomingDocumentForm = z.object({
  typeId: DocumentTypeIdSchema.or(z.undefined()).refine((v) => v !== undefined, 'required').pipe(DocumentTypeIdSchema),
  codeNotation,
  /** Cơ quan ban hành (tác giả). */
  issuer: requiredText(MAX_ISSUER_LENGTH),
  /** Ngày tháng văn bản, 'yyyy-MM-dd'. */
  documentDate: isoDate,
  /** Trích yếu. */
  abstract: requiredText(MAX_ABSTRACT_LENGTH),
  urgency: z.preprocess(blankToUndefined, UrgencySchema.default('thuong')),
  confidentiality: z.preprocess(blankToUndefined, ConfidentialitySchema.default('thuong')),
  /** Thời hạn giải quyết, 'yyyy-MM-dd'. */
  dueDate: z.preprocess(blankToUndefined, isoDate.optional()),
  /** Đơn vị hoặc người nhận. */
  recipient: optionalText(MAX_RECIPIENT_LENGTH),
  note: optionalText(MAX_NOTE_LENGTH),
  pageCount,
});
export type IncomingDocumentInput = z.input<typeof IncomingDocumentForm>;
export type IncomingDocumentValue = z.output<typeof IncomingDocumentForm>;
export type IncomingFormField = keyof IncomingDocumentValue;

export interface FormIssue {
  field: IncomingFormField | 'form';
  code: FormIssueCode;
}

export type IncomingFormResult = { ok: true; value: IncomingDocumentValue } | { ok: false; issues: FormIssue[] };

const KNOWN_CODES = new Set<string>(FORM_ISSUE_CODES);
const FIELDS = new Set<string>(Object.keys(IncomingDocumentForm.shape));

/**
 * Validates the form against `today` (the clerk's Vietnam date, 'yyyy-MM-dd', passed in so no clock is hidden
 * here): the document date may not be after today, and a due date may not be before the document date. Returns
 * the cleaned value (trimmed, NFC, canonical số/ký hiệu, defaults 'thuong') or one issue per field.
 */
export function validateIncomingForm(input: unknown, context: { today: string }): IncomingFormResult {
  if (!isIsoDate(context.today)) throw new RangeError(`"today" phải có dạng yyyy-MM-dd: ${String(context.today)}.`);
  const issues: FormIssue[] = [];
  const seen = new Set<string>();
  const add = (field: FormIssue['field'], code: FormIssueCode): void => {
    if (seen.has(field)) return;
    seen.add(field);
    issues.push({ field, code });
  };

  const parsed = IncomingDocumentForm.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = typeof key === 'string' && FIELDS.has(key) ? (key as IncomingFormField) : 'form';
      add(field, KNOWN_CODES.has(issue.message) ? (issue.message as FormIssueCode) : 'invalid');
    }
    return { ok: false, issues };
  }
  const value = parsed.data;
  if (value.documentDate > context.today) add('documentDate', 'date-in-future');
  if (value.dueDate !== undefined && value.dueDate < value.documentDate) add('dueDate', 'due-before-document');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
