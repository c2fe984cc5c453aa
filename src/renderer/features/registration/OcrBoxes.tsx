/**
 * Where OCR read each field (issue 9): one outlined box per filled field over the preview page, placed from its
 * normalized box (0–1 of the page, origin top-left). The box of the field the clerk is on is emphasized; boxes of
 * fields to check are drawn in the warning colour. Decorative for assistive technology: the form says the same.
 */
import type { FieldBox } from '../../../shared/api/ocr-schemas';
import { vi } from '../../i18n/vi';
import type { FieldCheck, OcrFormField } from './ocr-fill';

export interface OcrBoxesProps {
  /** Page shown, 1-based. */
  page: number;
  boxes: Partial<Record<OcrFormField, FieldBox>>;
  checks: Partial<Record<OcrFormField, FieldCheck>>;
  active: OcrFormField | null;
}

const pct = (v: number) => `${(Math.min(1, Math.max(0, v)) * 100).toFixed(3)}%`;

export function OcrBoxes({ page, boxes, checks, active }: OcrBoxesProps) {
  const shown = (Object.entries(boxes) as [OcrFormField, FieldBox][]).filter(([, b]) => b.page === page - 1);
  return (
    <div className="ocr-boxes" data-testid="ocr-boxes" aria-hidden="true" title={vi.ocr.boxesLabel}>
      {shown.map(([field, b]) => {
        const classes = ['ocr-box', checks[field] ? 'ocr-box-check' : null, active === field ? 'ocr-box-active' : null].filter(Boolean).join(' ');
        return <div key={field} className={classes} data-field={field} style={{ left: pct(b.x), top: pct(b.y), width: pct(b.width), height: pct(b.height) }} />;
      })}
    </div>
  );
}
