/** First run: create the administrator account (Art. 3.7), then sign in with it. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { errorText, errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';
import { accountInputProblem } from './account-input';

export function FirstRunForm() {
  const setupFirstAdmin = useAppStore((s) => s.setupFirstAdmin);
  const [form, setForm] = useState({ username: '', fullName: '', password: '', passwordAgain: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = accountInputProblem(form);
    if (problem !== null) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const outcome = await setupFirstAdmin({
        username: form.username.trim().toLowerCase(),
        fullName: form.fullName.trim(),
        password: form.password,
      });
      if (outcome === 'error') setError(errorText('INTERNAL'));
    } catch (cause) {
      setError(errorTextOf(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={submit} noValidate>
        <h1>{vi.auth.firstRunTitle}</h1>
        <p>{vi.auth.firstRunIntro}</p>
        <Field label={vi.auth.username}>
          <input value={form.username} onChange={set('username')} autoComplete="username" autoFocus required />
        </Field>
        <Field label={vi.auth.fullName}>
          <input value={form.fullName} onChange={set('fullName')} autoComplete="name" required />
        </Field>
        <Field label={vi.auth.password}>
          <input type="password" value={form.password} onChange={set('password')} autoComplete="new-password" required />
        </Field>
        <Field label={vi.auth.passwordAgain}>
          <input type="password" value={form.passwordAgain} onChange={set('passwordAgain')} autoComplete="new-password" required />
        </Field>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>
          {vi.auth.createAdmin}
        </button>
      </form>
    </main>
  );
}
