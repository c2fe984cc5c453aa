/**
 * A labelled form control with its error shown next to it (class field-error, linked by aria-describedby). A field
 * filled by OCR that the clerk must check (issue 9) carries `check`: class field-check and a hint, also linked.
 */
import { useId, type ReactElement, cloneElement } from 'react';

export interface FieldProps {
  label: string;
  hint?: string;
  error?: string | undefined;
  /** "Cần kiểm tra lại"-style text for a value the machine read with a low confidence (or could not read). */
  check?: string | undefined;
  /** The control got or lost focus or the pointer (to highlight where the value was read on the preview). */
  onActive?: ((active: boolean) => void) | undefined;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}

export function Field({ label, hint, error, check, onActive, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const checkId = `${id}-check`;
  const describedBy = [error ? errorId : null, check ? checkId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const classes = ['field', error ? 'field-invalid' : null, check ? 'field-check' : null].filter(Boolean).join(' ');
  const activity =
    onActive === undefined
      ? {}
      : { onFocus: () => onActive(true), onBlur: () => onActive(false), onMouseEnter: () => onActive(true), onMouseLeave: () => onActive(false) };
  return (
    <div className={classes} {...activity}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {check ? (
        <small id={checkId} className="field-check-hint">
          {check}
        </small>
      ) : null}
      {hint ? (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
