/**
 * Cài đặt → Ký số: the PKCS#11 driver (chosen from those detected on this machine, or a typed path; main checks
 * it is an absolute path to a library), whether revocation data may be fetched live, and the time-stamp server
 * (TSA) that makes signatures PAdES B-T (main checks the URL).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ModuleInfo } from '../../../shared/api/signing-schemas';
import type { Settings } from '../../../shared/api/schemas';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { TrustImport } from './TrustImport';

const t = vi.signingSettings;

export function SigningSettings({ settings }: { settings: Settings }) {
  const { api } = useDeps();
  const pushToast = useAppStore((s) => s.pushToast);
  const id = useId();
  const [detected, setDetected] = useState<ModuleInfo[]>([]);
  const [path, setPath] = useState(settings.pkcs11Module ?? '');
  const [live, setLive] = useState(settings.allowLiveRevocation ?? true);
  const [tsa, setTsa] = useState(settings.tsaUrl ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let on = true;
    void api.invoke('token.modules', {}).then((r) => {
      if (on && r.ok) setDetected(r.value.detected);
    });
    return () => {
      on = false;
    };
  }, [api]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const r = await api.invoke('settings.update', {
      pkcs11Module: path.trim() === '' ? null : path.trim(),
      allowLiveRevocation: live,
      tsaUrl: tsa.trim() === '' ? null : tsa.trim(),
    });
    if (r.ok) pushToast('info', t.saved);
    else setError(errorText(r.error.code));
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.section}</h2>
      <form onSubmit={(e) => void save(e)}>
        <Field label={t.detected}>
          <select value={detected.some((m) => m.path === path) ? path : ''} onChange={(e) => setPath(e.target.value)}>
            <option value="">{t.autoDetect}</option>
            {detected.map((m) => (
              <option key={m.path} value={m.path}>
                {`${m.vendor}: ${m.path}`}
              </option>
            ))}
          </select>
        </Field>
        {detected.length === 0 ? <p className="muted">{t.noneDetected}</p> : null}
        <Field label={t.typedPath}>
          <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> {t.liveRevocation}
        </label>
        <Field label={t.tsaUrl}>
          <input value={tsa} onChange={(e) => setTsa(e.target.value)} spellCheck={false} inputMode="url" />
        </Field>
        <p className="muted">{t.tsaHint}</p>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit">{t.save}</button>
      </form>
      <TrustImport />
    </section>
  );
}
