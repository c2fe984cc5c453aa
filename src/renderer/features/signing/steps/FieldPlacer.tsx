/**
 * Step 1 (Chuẩn bị, Art. 11.1a/c): two boxes, "Số, ký hiệu" and "Ngày ban hành", over the pdf.js drawing of the
 * draft, first at main's auto-placement guess (field-placement.ts). The clerk drags them with the mouse, or tabs to
 * one and moves it with the arrow keys (1 pt, Shift 10 pt). "Đặt ô số và ngày" sends the boxes in PDF points;
 * "Tự động đặt" sends no placement and main finds the lines itself.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { PrepareRequest } from '../../../../shared/api/signing-schemas';
import { vi } from '../../../i18n/vi';
import type { PageLayout } from '../../../lib/pdf';
import { usePdfDocument } from '../../../lib/usePdfDocument';
import { clampToPage, cssRectToPdf, guessPlacement, nudge, pdfRectToCss, type FieldId, type PdfRect } from '../field-placement';

const t = vi.signing;
const FIELDS: readonly FieldId[] = ['number', 'date'];

interface Drag {
  field: FieldId;
  x: number;
  y: number;
  start: PdfRect;
}

export interface FieldPlacerProps {
  bytes: Uint8Array;
  busy: boolean;
  width?: number;
  onPlace(placement: NonNullable<PrepareRequest['placement']>): void;
  onAuto(): void;
}

export function FieldPlacer({ bytes, busy, width = 420, onPlace, onAuto }: FieldPlacerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { doc } = usePdfDocument(bytes, 'signing');
  const [page, setPage] = useState(0);
  const [layout, setLayout] = useState<PageLayout | null>(null);
  const [boxes, setBoxes] = useState<Record<FieldId, PdfRect> | null>(null);
  const drag = useRef<Drag | null>(null);

  useEffect(() => {
    setPage(0);
  }, [bytes]);

  useEffect(() => {
    if (doc === null || canvas.current === null) return;
    let live = true;
    setLayout(null);
    void (async () => {
      const pdf = await import('../../../lib/pdf');
      const drawn = canvas.current ? await pdf.renderPage(doc, page + 1, canvas.current, width) : undefined;
      if (!live || !drawn) return;
      // A scanned draft has no text: the guess then falls back to the usual A4 spots.
      const runs = await pdf.pageTextRuns(doc, page + 1).catch(() => []);
      if (!live) return;
      setLayout(drawn);
      setBoxes(guessPlacement(runs, drawn.view));
    })().catch((cause: unknown) => console.warn('[signing] cannot draw the draft page', cause));
    return () => {
      live = false;
    };
  }, [doc, page, width]);

  const move = (field: FieldId, rect: PdfRect) => setBoxes((b) => (b ? { ...b, [field]: rect } : b));

  const onKeyDown = (field: FieldId, e: KeyboardEvent) => {
    if (!boxes || !layout) return;
    const moved = nudge(boxes[field], e.key, e.shiftKey, layout.view);
    if (moved === null) return;
    e.preventDefault();
    move(field, moved);
  };

  const onPointerDown = (field: FieldId, e: PointerEvent<HTMLButtonElement>) => {
    if (!boxes) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { field, x: e.clientX, y: e.clientY, start: boxes[field] };
  };

  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || !layout) return;
    const css = pdfRectToCss(d.start, layout.transform);
    const moved = { ...css, left: css.left + e.clientX - d.x, top: css.top + e.clientY - d.y };
    move(d.field, clampToPage(cssRectToPdf(moved, layout.transform), layout.view));
  };

  const place = () => {
    if (!boxes) return;
    onPlace({ number: { page, ...boxes.number }, date: { page, ...boxes.date } });
  };

  const total = doc?.numPages ?? 0;
  return (
    <div className="field-placement">
      <p className="muted" id="field-placement-hint">
        {t.placeHint}
      </p>
      <div className="field-placer" data-testid="field-placer">
        <canvas ref={canvas} width={width} height={Math.round(width * 1.414)} />
        {layout && boxes
          ? FIELDS.map((field) => {
              const css = pdfRectToCss(boxes[field], layout.transform);
              return (
                <button
                  key={field}
                  type="button"
                  className="field-box"
                  data-testid={`field-box-${field}`}
                  aria-describedby="field-placement-hint"
                  aria-label={t.fieldBoxLabel(t.fieldNames[field], boxes[field].x, boxes[field].y)}
                  style={{ left: css.left, top: css.top, width: css.width, height: css.height }}
                  onKeyDown={(e) => onKeyDown(field, e)}
                  onPointerDown={(e) => onPointerDown(field, e)}
                  onPointerMove={onPointerMove}
                  onPointerUp={() => (drag.current = null)}
                  onPointerCancel={() => (drag.current = null)}
                >
                  {t.fieldNames[field]}
                </button>
              );
            })
          : null}
      </div>
      {total > 1 ? (
        <div className="row">
          <button type="button" className="secondary" disabled={page <= 0} onClick={() => setPage(page - 1)}>
            {vi.registration.previousPage}
          </button>
          <span>{vi.registration.pageOf(page + 1, total)}</span>
          <button type="button" className="secondary" disabled={page >= total - 1} onClick={() => setPage(page + 1)}>
            {vi.registration.nextPage}
          </button>
        </div>
      ) : null}
      <div className="row">
        <button type="button" disabled={busy || !layout || !boxes} onClick={place}>
          {t.placeFields}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onAuto}>
          {t.autoPlace}
        </button>
      </div>
    </div>
  );
}
