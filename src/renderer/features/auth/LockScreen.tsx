/** The idle lock (Art. 3.7): the same account must type its password again; or sign out. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { DEFAULT_LOCK_MINUTES } from '../../stores/slices/session-slice';
import { useAppStore } from '../../stores/AppContext';

export function LockScreen() {
  const unlock = useAppStore((s) => s.unlock);
  const logout = useAppStore((s) => s.logout);
  const fullName = useAppStore((s) => s.account?.fullName ?? '');
  const minutes = useAppStore((s) => s.settings?.lockAfterMinutes ?? DEFAULT_LOCK_MINUTES);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await unlock(password);
    setPassword('');
    if (outcome === 'wrong') setError(vi.auth.wrongPassword);
    else if (outcome === 'error') setError(errorText('INTERNAL'));
  };

  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={submit} noValidate>
        <h1>{vi.auth.lockedTitle}</h1>
        <p>{vi.auth.lockedIntro(minutes)}</p>
        <p className="muted">{fullName}</p>
        <Field label={vi.auth.password}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
        </Field>
        {error ? <p role="alert">{error}</p> : null}
        <div className="row">
          <button type="submit">{vi.auth.unlock}</button>
          <button type="button" className="secondary" onClick={logout}>
            {vi.auth.switchUser}
          </button>
        </div>
      </form>
    </main>
  );
}
