/** Đăng nhập: user name and password (Art. 3.7); a wrong password gives a Vietnamese alert. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';

export function LoginForm() {
  const login = useAppStore((s) => s.login);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await login(username.trim().toLowerCase(), password);
    setBusy(false);
    if (outcome === 'wrong') {
      setError(vi.auth.wrongPassword);
      setPassword('');
    } else if (outcome === 'error') {
      setError(errorText('INTERNAL'));
    }
  };

  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={submit} noValidate>
        <h1>{vi.auth.loginTitle}</h1>
        <Field label={vi.auth.username}>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus />
        </Field>
        <Field label={vi.auth.password}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </Field>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>
          {vi.auth.loginButton}
        </button>
      </form>
    </main>
  );
}
