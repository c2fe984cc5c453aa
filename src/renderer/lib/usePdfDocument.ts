/**
 * Opens a PDF held in memory with pdf.js for as long as the component shows it, and closes it when the bytes
 * change or the component goes. pdf.js and its worker are loaded lazily, only when a document is shown.
 */
import { useEffect, useState } from 'react';
import type { PdfDocument, PdfHandle } from './pdf';

export interface OpenedPdf {
  /** The open document, null while loading or after a failure. */
  doc: PdfDocument | null;
  /** pdf.js could not open these bytes. */
  failed: boolean;
}

export function usePdfDocument(bytes: Uint8Array, area: string): OpenedPdf {
  const [state, setState] = useState<OpenedPdf>({ doc: null, failed: false });
  useEffect(() => {
    let live = true;
    let opened: PdfHandle | null = null;
    setState({ doc: null, failed: false });
    import('./pdf')
      .then(({ openPdf }) => openPdf(bytes))
      .then((handle) => {
        opened = handle;
        if (live) setState({ doc: handle.doc, failed: false });
        else void handle.close();
      })
      .catch((cause: unknown) => {
        console.warn(`[${area}] cannot open PDF`, cause);
        if (live) setState({ doc: null, failed: true });
      });
    return () => {
      live = false;
      if (opened) void opened.close();
    };
  }, [bytes, area]);
  return state;
}
