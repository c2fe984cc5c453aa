/**
 * The registration fields (Art. 9.1; NĐ 30 Phụ lục VI): Enter anywhere in it saves. Fields filled by OCR that the
 * clerk must check (issue 9) are marked through `checks`; each control carries `data-field` so the view can focus it.
 */
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { CONFIDENTIALITIES, type Confidentiality, type Urgency } from '../../../shared/domain/urgency';
import { Field } from '../../components/Field';
import { issueText } from '../../i18n/messages';
import { CONFIDENTIALITY_LABELS, vi } from '../../i18n/vi';
import type { FieldIssues, FieldName, FormValues } from './form-state';
import { DocumentTypeOptions, UrgencyOptions } from '../../components/DomainOptions';

export interface IncomingFormProps {
  values: FormValues;
  issues: FieldIssues;
  busy: boolean;
  firstFieldRef: Ref<HTMLSelectElement>;
  onChange(patch: Partial<FormValues>): void;
  onSubmit(): void;
  /** Field → the "Cần kiểm tra lại" text shown next to it (OCR read it unreliably or not at all). */
  checks?: Partial<Record<FieldName, string>>;
  /** The field under the clerk's focus or pointer, or null (to highlight its box on the preview). */
  onFieldActive?: (field: FieldName | null) => void;
  formRef?: Ref<HTMLFormElement>;
}

const t = vi.registration;

export function IncomingForm({ values, issues, busy, firstFieldRef, onChange, onSubmit, checks = {}, onFieldActive, formRef }: IncomingFormProps) {
  const err = (field: FieldName, label: string) => {
    const code = issues[field];
    return code === undefined ? undefined : issueText(label, code);
  };
  // What every Field of `field` gets besides its label: the error, the OCR check, the focus/hover report.
  const about = (field: FieldName, label: string) => ({
    label,
    error: err(field, label),
    check: checks[field],
    onActive: onFieldActive === undefined ? undefined : (active: boolean) => onFieldActive(active ? field : null),
  });
  const text = (field: Exclude<FieldName, 'urgency' | 'confidentiality'>) => ({
    value: values[field],
    'data-field': field,
    onChange: (e: { target: { value: string } }) => onChange({ [field]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  // Browsers submit on Enter in a text field, not in a <select>: OCR may leave the focus on one (a type or a
  // mark to check), and Enter must still register there.
  const enterInSelect = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!(e.target instanceof HTMLSelectElement)) return;
    e.preventDefault();
    e.currentTarget.requestSubmit();
  };

  return (
    <form className="incoming-form" onSubmit={submit} onKeyDown={enterInSelect} noValidate ref={formRef}>
      <Field {...about('typeId', t.typeId)}>
        <select ref={firstFieldRef} {...text('typeId')}>
          <DocumentTypeOptions />
        </select>
      </Field>
      <Field {...about('codeNotation', t.codeNotation)}>
        <input {...text('codeNotation')} autoComplete="off" />
      </Field>
      <Field {...about('issuer', t.issuer)}>
        <input {...text('issuer')} autoComplete="off" />
      </Field>
      <Field {...about('documentDate', t.documentDate)}>
        <input {...text('documentDate')} placeholder={t.datePlaceholder} inputMode="numeric" autoComplete="off" />
      </Field>
      <Field {...about('abstract', t.abstract)}>
        <input {...text('abstract')} autoComplete="off" className="wide" />
      </Field>
      <div className="row">
        <Field {...about('urgency', t.urgency)}>
          <select value={values.urgency} data-field="urgency" onChange={(e) => onChange({ urgency: e.target.value as Urgency })}>
            <UrgencyOptions />
          </select>
        </Field>
        <Field {...about('confidentiality', t.confidentiality)}>
          <select value={values.confidentiality} data-field="confidentiality" onChange={(e) => onChange({ confidentiality: e.target.value as Confidentiality })}>
            {CONFIDENTIALITIES.map((c) => (
              <option key={c} value={c}>
                {CONFIDENTIALITY_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.dueDate} hint={t.optional} error={err('dueDate', t.dueDate)}>
          <input {...text('dueDate')} placeholder={t.datePlaceholder} inputMode="numeric" autoComplete="off" />
        </Field>
      </div>
      <Field label={t.recipient} hint={t.optional} error={err('recipient', t.recipient)}>
        <input {...text('recipient')} autoComplete="off" />
      </Field>
      <Field label={t.note} hint={t.optional} error={err('note', t.note)}>
        <input {...text('note')} autoComplete="off" />
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.save}
      </button>
    </form>
  );
}
