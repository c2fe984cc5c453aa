/** The registration fields (Art. 9.1; NĐ 30 Phụ lục VI): Enter anywhere in it saves. */
import type { FormEvent, Ref } from 'react';
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
}

const t = vi.registration;

export function IncomingForm({ values, issues, busy, firstFieldRef, onChange, onSubmit }: IncomingFormProps) {
  const err = (field: FieldName, label: string) => {
    const code = issues[field];
    return code === undefined ? undefined : issueText(label, code);
  };
  const text = (field: Exclude<FieldName, 'urgency' | 'confidentiality'>) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => onChange({ [field]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <form className="incoming-form" onSubmit={submit} noValidate>
      <Field label={t.typeId} error={err('typeId', t.typeId)}>
        <select ref={firstFieldRef} {...text('typeId')}>
          <DocumentTypeOptions />
        </select>
      </Field>
      <Field label={t.codeNotation} error={err('codeNotation', t.codeNotation)}>
        <input {...text('codeNotation')} autoComplete="off" />
      </Field>
      <Field label={t.issuer} error={err('issuer', t.issuer)}>
        <input {...text('issuer')} autoComplete="off" />
      </Field>
      <Field label={t.documentDate} error={err('documentDate', t.documentDate)}>
        <input {...text('documentDate')} placeholder={t.datePlaceholder} inputMode="numeric" autoComplete="off" />
      </Field>
      <Field label={t.abstract} error={err('abstract', t.abstract)}>
        <input {...text('abstract')} autoComplete="off" className="wide" />
      </Field>
      <div className="row">
        <Field label={t.urgency} error={err('urgency', t.urgency)}>
          <select value={values.urgency} onChange={(e) => onChange({ urgency: e.target.value as Urgency })}>
            <UrgencyOptions />
          </select>
        </Field>
        <Field label={t.confidentiality} error={err('confidentiality', t.confidentiality)}>
          <select value={values.confidentiality} onChange={(e) => onChange({ confidentiality: e.target.value as Confidentiality })}>
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
