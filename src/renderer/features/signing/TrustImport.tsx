/**
 * Trust anchors: an administrator imports each certificate from a file or its official address; main accepts it
 * only when its SHA-256 fingerprint matches a pinned one (../shared/trust/README.md) and otherwise changes nothing.
 */
import { useState } from 'react';
import type { Result } from '../../../shared/api/result';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { bytesToBase64 } from '../../lib/base64';
import { useDeps } from '../../stores/AppContext';

const t = vi.signingSettings;
/** Certificates are small; anything bigger is not one. */
const MAX_CERT_BYTES = 1024 * 1024;

/** The message of an import answer: the names imported, the refused fingerprint, or the code's text. */
export function trustImportText(r: Result<{ imported: string[] }>): { ok: boolean; text: string } {
  if (r.ok) return { ok: true, text: t.trustImported(r.value.imported.join(', ')) };
  const fp = r.error.details?.fingerprint;
  if (r.error.code === 'VALIDATION' && typeof fp === 'string') return { ok: false, text: t.trustRefused(fp) };
  return { ok: false, text: errorText(r.error.code) };
}

export function TrustImport() {
  const { api } = useDeps();
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setMessage(null);
    if (file.size === 0 || file.size > MAX_CERT_BYTES) {
      setMessage({ ok: false, text: errorText(file.size === 0 ? 'EMPTY_FILE' : 'TOO_LARGE') });
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const stored = await api.invoke('files.put', { mediaType: 'application/octet-stream', dataBase64: bytesToBase64(bytes) });
      setMessage(stored.ok ? trustImportText(await api.invoke('signing.trustImport', { file: stored.value.sha256 })) : { ok: false, text: errorText(stored.error.code) });
    } finally {
      setBusy(false);
    }
  };

  const importUrl = async () => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(trustImportText(await api.invoke('signing.trustImport', { url: url.trim() })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="trust-import">
      <h3>{t.trustSection}</h3>
      <p className="muted">{t.trustIntro}</p>
      <Field label={t.trustFile}>
        <input
          type="file"
          accept=".crt,.cer,.pem,.der,.p7b"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </Field>
      <Field label={t.trustUrl}>
        <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" />
      </Field>
      <button type="button" className="secondary" disabled={busy || url.trim() === ''} onClick={() => void importUrl()}>
        {t.trustDownload}
      </button>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice notice-ok' : 'notice notice-error'} data-testid="trust-message">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
