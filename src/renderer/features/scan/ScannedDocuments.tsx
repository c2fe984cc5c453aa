/** The documents of a scan: a thumbnail of each first page, its page count, and the hand-off to registration. */
import { useEffect, useRef, useState } from 'react';
import type { ScanResult } from '../../../shared/api/scan-schemas';
import { vi } from '../../i18n/vi';
import { base64ToBytes } from '../../lib/base64';
import { usePdfDocument } from '../../lib/usePdfDocument';
import { useDeps } from '../../stores/AppContext';

const t = vi.scan;

function Thumbnail({ bytes, index }: { bytes: Uint8Array; index: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { doc } = usePdfDocument(bytes, 'scan-thumbnail');
  useEffect(() => {
    if (doc === null || canvas.current === null) return;
    void import('../../lib/pdf')
      .then(({ renderPage }) => (canvas.current ? renderPage(doc, 1, canvas.current, 140) : undefined))
      .catch((cause: unknown) => console.warn('[scan] thumbnail', cause));
  }, [doc]);
  return <canvas ref={canvas} aria-label={t.thumbnail(index)} className="scan-thumbnail" />;
}

function DocumentThumb({ sha256, index }: { sha256: string; index: number }) {
  const { api } = useDeps();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('files.get', { sha256 }).then((r) => {
      if (live && r.ok) setBytes(base64ToBytes(r.value.dataBase64));
    });
    return () => {
      live = false;
    };
  }, [api, sha256]);
  return bytes === null ? <div className="scan-thumbnail" /> : <Thumbnail bytes={bytes} index={index} />;
}

export function ScannedDocuments({ result, onRegister }: { result: ScanResult; onRegister(sha256: string, index: number): void }) {
  const first = useRef<HTMLButtonElement>(null);
  // After a scan the clerk's next key is Enter: the first document's "Đăng ký" has the focus.
  useEffect(() => first.current?.focus(), [result]);
  return (
    <section aria-label={t.resultTitle(result.documents.length)} className="scan-result">
      <h2>{t.resultTitle(result.documents.length)}</h2>
      {result.separatorPages.length > 0 ? <p className="muted">{t.separators(result.separatorPages.join(', '))}</p> : null}
      {result.corruptPages.length > 0 ? <p className="notice notice-warn">{t.corrupt(result.corruptPages.join(', '))}</p> : null}
      <ol className="scan-documents">
        {result.documents.map((d, i) => (
          <li key={d.file.sha256}>
            <DocumentThumb sha256={d.file.sha256} index={i + 1} />
            <span>{t.documentLine(i + 1, d.pageCount)}</span>
            <button type="button" ref={i === 0 ? first : undefined} onClick={() => onRegister(d.file.sha256, i + 1)}>
              {t.register}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
