/**
 * Choose token and certificate, then type the PIN. The PIN state from the token flags is shown BEFORE typing
 * (count low / final try / locked); a locked token cannot be used. The PIN lives in this form only until the
 * request is sent and is cleared right after (house rule 11).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyChoice } from '../../../shared/api/signing-schemas';
import { formatDateVN } from '../../../shared/util/time';
import { PIN_STATE_MESSAGES, vi } from '../../i18n/vi';
import { useCertificates, type Tokens } from './useTokens';

const t = vi.signing;

export interface KeyPickerProps {
  tokens: Tokens;
  submitLabel: string;
  busy: boolean;
  disabled?: boolean;
  /** Sign; resolves when main answered (the PIN field is cleared then). */
  onSign(key: KeyChoice, pin: string): Promise<void>;
}

export function KeyPicker({ tokens, submitLabel, busy, disabled = false, onSign }: KeyPickerProps) {
  const id = useId();
  const [tokenLabel, setTokenLabel] = useState<string | null>(null);
  const [keyId, setKeyId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const pinRef = useRef<HTMLInputElement>(null);
  const list = tokens.tokens;
  const { certificates, error } = useCertificates(tokenLabel, list);
  const token = list.find((x) => x.label === tokenLabel) ?? null;

  // Follow insertion and removal: keep the choice while the token is there, else take the first one.
  useEffect(() => {
    if (token === null) setTokenLabel(list[0]?.label ?? null);
  }, [list, token]);
  useEffect(() => {
    if (!certificates.some((c) => c.keyId === keyId)) setKeyId(certificates[0]?.keyId ?? null);
  }, [certificates, keyId]);

  const locked = token?.pinState === 'locked';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (token === null || keyId === null || locked || pin.length < 4) return;
    const typed = pin;
    setPin('');
    await onSign({ tokenLabel: token.label, keyId }, typed);
    pinRef.current?.focus();
  };

  if (list.length === 0) return <p role="alert">{tokens.error ?? t.noToken}</p>;
  return (
    <form className="key-picker" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-token`}>{t.token}</label>
      <select id={`${id}-token`} value={tokenLabel ?? ''} onChange={(e) => setTokenLabel(e.target.value)}>
        {list.map((x) => (
          <option key={x.label} value={x.label}>
            {t.tokenOption(x.label, x.model)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-cert`}>{t.certificate}</label>
      <select id={`${id}-cert`} value={keyId ?? ''} onChange={(e) => setKeyId(e.target.value)}>
        {certificates.map((c) => (
          <option key={c.keyId} value={c.keyId}>
            {t.certOption(c.commonName, formatDateVN(new Date(c.notAfter)))}
          </option>
        ))}
      </select>
      {error ? <p role="alert">{error}</p> : null}
      {token !== null && certificates.length === 0 && error === null ? <p className="muted">{t.noCertificate}</p> : null}
      {token && token.pinState !== 'ok' ? (
        <p role="status" className={locked ? 'notice notice-error' : 'notice notice-warn'} data-testid="pin-state">
          {PIN_STATE_MESSAGES[token.pinState]}
        </p>
      ) : null}
      <label htmlFor={`${id}-pin`}>{t.pin}</label>
      <input
        id={`${id}-pin`}
        ref={pinRef}
        type="password"
        autoComplete="off"
        inputMode="numeric"
        value={pin}
        disabled={locked || disabled}
        onChange={(e) => setPin(e.target.value)}
      />
      <button type="submit" disabled={busy || disabled || locked || keyId === null || pin.length < 4}>
        {busy ? t.signing : submitLabel}
      </button>
    </form>
  );
}
