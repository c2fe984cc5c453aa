/**
 * The form side of OCR and automatic fill (issue 9; Quy chế Art. 9.1): runs the extraction of the file being
 * registered, merges what was read into the form without overwriting what the clerk typed meanwhile, keeps the
 * fields to check ("Cần kiểm tra lại") and their boxes, and then puts the focus where the clerk's next key
 * belongs: the first field to check, or the Lưu button so that Enter registers.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { vi } from '../../i18n/vi';
import { emptyForm, type FieldName, type FormValues } from './form-state';
import { fillFromExtraction, firstFieldToCheck, mergeFill, OCR_FORM_FIELDS, type OcrFill, type OcrFormField } from './ocr-fill';
import { useExtraction } from './useExtraction';

export function useOcrFill(values: FormValues, setValues: Dispatch<SetStateAction<FormValues>>, formRef: RefObject<HTMLFormElement | null>) {
  const extraction = useExtraction();
  const [fill, setFill] = useState<OcrFill | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ field: OcrFormField | null } | null>(null);
  const latest = useRef(values);
  latest.current = values;
  // The clerk changed a field since the run began: the fill keeps those values and leaves the focus alone.
  const touched = useRef(false);
  // What the last fill put in the form: a value still equal to it came from the previous file, not from the clerk.
  const autoFilled = useRef<Partial<FormValues>>({});
  const { run, reset: resetExtraction } = extraction;

  /** `v` without the values the last fill put there (those the clerk changed since stay). */
  const withoutAutoFilled = useCallback((v: FormValues): FormValues => {
    const blank = emptyForm();
    const cleared: FormValues = { ...v };
    for (const field of OCR_FORM_FIELDS) {
      if (autoFilled.current[field] !== undefined && cleared[field] === autoFilled.current[field]) (cleared as Record<OcrFormField, string>)[field] = blank[field];
    }
    return cleared;
  }, []);

  const read = useCallback(
    async (sha256: string) => {
      touched.current = false;
      setFill(null);
      // Another file: the values OCR read from the previous one go; what the clerk typed stays.
      const cleared = withoutAutoFilled(latest.current);
      autoFilled.current = {};
      latest.current = cleared;
      setValues(cleared);
      const outcome = await run(sha256);
      if (outcome === null) return;
      const found = fillFromExtraction(outcome);
      const merged = mergeFill(latest.current, found);
      const checks = { ...found.checks };
      for (const field of merged.kept) delete checks[field];
      for (const field of OCR_FORM_FIELDS) if (!merged.kept.includes(field)) (autoFilled.current as Record<OcrFormField, string>)[field] = merged.values[field];
      setValues(merged.values);
      setFill({ ...found, checks });
      if (!touched.current) setFocusTarget({ field: firstFieldToCheck(checks) });
    },
    [run, setValues, withoutAutoFilled],
  );

  useEffect(() => {
    if (focusTarget === null) return;
    const form = formRef.current;
    const target = focusTarget.field === null ? form?.querySelector<HTMLElement>('button[type="submit"]') : form?.querySelector<HTMLElement>(`[data-field="${focusTarget.field}"]`);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget, formRef]);

  /** The clerk edited these fields: they are checked now, and the fill must not move the focus any more. */
  const edited = useCallback((patch: Partial<FormValues>) => {
    touched.current = true;
    setFill((f) => {
      if (f === null) return f;
      const checks = { ...f.checks };
      for (const field of Object.keys(patch)) delete checks[field as OcrFormField];
      return { ...f, checks };
    });
  }, []);

  /** Forget the fill (file refused or removed, document registered): its values leave the form too. */
  const reset = useCallback(() => {
    resetExtraction();
    setFill(null);
    const filled = autoFilled.current;
    autoFilled.current = {};
    setValues((v) => {
      const cleared: FormValues = { ...v };
      const blank = emptyForm();
      for (const field of OCR_FORM_FIELDS) if (filled[field] !== undefined && v[field] === filled[field]) (cleared as Record<OcrFormField, string>)[field] = blank[field];
      return cleared;
    });
  }, [resetExtraction, setValues]);

  /** Field → the hint shown next to it. */
  const checkTexts: Partial<Record<FieldName, string>> = {};
  for (const [field, why] of Object.entries(fill?.checks ?? {})) checkTexts[field as FieldName] = why === 'missing' ? vi.ocr.missingField : vi.ocr.checkField;

  /** The OCR text to keep with the registration of `sha256`, when the extraction of that very file finished. */
  const ocrTextFor = (sha256: string | undefined): string | undefined =>
    extraction.state === 'done' && extraction.sha256 === sha256 ? extraction.result?.text : undefined;

  return { extraction, fill, checkTexts, read, edited, reset, ocrTextFor };
}
