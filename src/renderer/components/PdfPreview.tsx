/**
 * pdf.js preview of a PDF held in memory: page 1 first, with buttons to browse the pages. `overlay` draws over the
 * shown page (its box is the page: children place themselves in percent), e.g. the OCR field boxes (issue 9).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { usePdfDocument } from '../lib/usePdfDocument';
import { vi } from '../i18n/vi';

const t = vi.registration;

export interface PdfPreviewProps {
  bytes: Uint8Array;
  width?: number;
  /** What to draw over page `page` (1-based). */
  overlay?: (page: number) => ReactNode;
}

export function PdfPreview({ bytes, width = 520, overlay }: PdfPreviewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const opened = usePdfDocument(bytes, 'preview');
  const doc = opened.doc;
  const [page, setPage] = useState(1);
  const [renderFailed, setRenderFailed] = useState(false);
  const failed = opened.failed || renderFailed;
  // pdf.js refuses two renders on one canvas at once: page changes queue behind the running render.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    setPage(1);
    setRenderFailed(false);
  }, [bytes]);

  useEffect(() => {
    if (doc === null || canvas.current === null) return;
    let live = true;
    queue.current = queue.current
      .then(() => import('../lib/pdf'))
      .then(async ({ renderPage }) => {
        if (live && canvas.current) await renderPage(doc, page, canvas.current, width);
      })
      .catch((cause: unknown) => {
        console.warn('[preview] cannot render page', cause);
        if (live) setRenderFailed(true);
      });
    return () => {
      live = false;
    };
  }, [doc, page, width]);

  const total = doc?.numPages ?? 0;
  return (
    <figure className="pdf-preview" data-testid="pdf-preview" aria-label={t.previewLabel}>
      <div className="pdf-page">
        <canvas ref={canvas} width={width} height={Math.round(width * 1.414)} />
        {overlay && !failed ? overlay(page) : null}
      </div>
      {failed ? <figcaption>{t.previewFailed}</figcaption> : null}
      {total > 0 ? (
        <figcaption className="row">
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t.previousPage}
          </button>
          <span>{t.pageOf(page, total)}</span>
          <button type="button" className="secondary" disabled={page >= total} onClick={() => setPage(page + 1)}>
            {t.nextPage}
          </button>
        </figcaption>
      ) : null}
    </figure>
  );
}
