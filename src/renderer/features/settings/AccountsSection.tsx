/** Tài khoản (Art. 3.7): the list, "Thêm tài khoản", and locking/unlocking an account. */
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { createAccount, listAccounts, setAccountDisabled } from '../../db/accounts';
import { useLiveQuery } from '../../db/queries/hooks';
import { Field } from '../../components/Field';
import { errorTextOf } from '../../i18n/messages';
import { ROLE_LABELS, vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { accountInputProblem } from '../auth/account-input';

const t = vi.settings;
const EMPTY = { username: '', fullName: '', password: '', role: 'van-thu' as Role };

export function AccountsSection({ account }: { account: SessionAccount }) {
  const { db, api, now } = useDeps();
  const pushToast = useAppStore((s) => s.pushToast);
  const accounts = useLiveQuery(() => listAccounts(db), [db]);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const problem = accountInputProblem(form);
    if (problem !== null) return setError(problem);
    const username = form.username.trim().toLowerCase();
    if (accounts?.some((a) => a.username === username)) return setError(t.accountExists);
    setBusy(true);
    setError(null);
    try {
      await createAccount(db, api, {
        username,
        fullName: form.fullName.trim(),
        password: form.password,
        role: form.role,
        actor: account.username,
        actorRole: account.role,
        at: now().getTime(),
      });
      setForm(EMPTY);
      pushToast('info', t.accountAdded(username));
    } catch (cause) {
      setError(errorTextOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (accountId: string, disabled: boolean) => {
    try {
      await setAccountDisabled(db, { accountId, disabled, actor: account.username, actorRole: account.role, at: now().getTime() });
    } catch (cause) {
      setError(errorTextOf(cause));
    }
  };

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t.accountsSection}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{vi.auth.username}</th>
            <th scope="col">{vi.auth.fullName}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{vi.register.actions}</th>
          </tr>
        </thead>
        <tbody>
          {(accounts ?? []).map((a) => (
            <tr key={a.id}>
              <td>{a.username}</td>
              <td>{a.fullName}</td>
              <td>{ROLE_LABELS[a.role]}</td>
              <td>{a.disabled ? t.disabled : t.active}</td>
              <td>
                {a.id === account.id ? null : (
                  <button type="button" className="secondary" onClick={() => void toggle(a.id, !a.disabled)}>
                    {a.disabled ? t.enable : t.disable}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form aria-label={t.addAccount} onSubmit={add} noValidate className="add-account">
        <h3>{t.addAccount}</h3>
        <Field label={vi.auth.username}>
          <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoComplete="off" />
        </Field>
        <Field label={vi.auth.fullName}>
          <input value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} autoComplete="off" />
        </Field>
        <Field label={vi.auth.password}>
          <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
        </Field>
        <Field label={t.role}>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" disabled={busy}>
          {t.addAccount}
        </button>
      </form>
    </section>
  );
}
