/** Unit name, mã định danh, giờ hành chính, holidays file, lock minutes; the data directory (read-only). */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo, Rules } from '../../../shared/api/contract';
import type { Settings } from '../../../shared/api/schemas';
import { checkAgencyCode } from '../../../shared/domain/identifier-code';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { formToPatch, settingsToForm, type SettingsFormValues, type SettingsProblems } from './settings-form';

const t = vi.settings;

/** The format hint, or the warning that a tolerated code cannot be used on the exchange axis. */
function codeHint(code: string): string {
  return checkAgencyCode(code.trim()).level === 'tolerant' ? t.unitCodeTolerant : t.unitCodeHint;
}

function OfficeHours({ value, onChange }: { value: SettingsFormValues['officeHours']; onChange: (v: SettingsFormValues['officeHours']) => void }) {
  const patch = (i: number, part: 'start' | 'end', text: string) => onChange(value.map((p, j) => (j === i ? { ...p, [part]: text } : p)));
  return (
    <>
      {value.map((p, i) => (
        <div className="row" key={i}>
          <Field label={t.periodStart(i + 1)}>
            <input value={p.start} onChange={(e) => patch(i, 'start', e.target.value)} placeholder="HH:mm" />
          </Field>
          <Field label={t.periodEnd(i + 1)}>
            <input value={p.end} onChange={(e) => patch(i, 'end', e.target.value)} placeholder="HH:mm" />
          </Field>
          {value.length > 1 ? (
            <button type="button" className="secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t.removePeriod}
            </button>
          ) : null}
        </div>
      ))}
      {value.length < 4 ? (
        <button type="button" className="secondary" onClick={() => onChange([...value, { start: '', end: '' }])}>
          {t.addPeriod}
        </button>
      ) : null}
    </>
  );
}

export function UnitSettingsForm({ settings }: { settings: Settings }) {
  const { api } = useDeps();
  const setSettings = useAppStore((s) => s.setSettings);
  const pushToast = useAppStore((s) => s.pushToast);
  const [form, setForm] = useState<SettingsFormValues>(() => settingsToForm(settings));
  const [problems, setProblems] = useState<SettingsProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [rules, setRules] = useState<Rules | null>(null);

  useEffect(() => {
    void api.invoke('app.info', {}).then((r) => r.ok && setInfo(r.value));
    void api.invoke('rules.get', {}).then((r) => (r.ok ? setRules(r.value) : setError(errorText(r.error.code))));
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = formToPatch(form);
    setProblems(checked.ok ? {} : checked.problems);
    if (!checked.ok) return;
    const saved = await api.invoke('settings.update', checked.patch);
    if (!saved.ok) return setError(errorText(saved.error.code));
    setSettings(saved.value);
    setForm(settingsToForm(saved.value));
    pushToast('info', t.saved);
    const reloaded = await api.invoke('rules.get', {});
    if (reloaded.ok) setRules(reloaded.value);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="unit-settings-title" className="settings-form">
      <h2 id="unit-settings-title">{t.unitSection}</h2>
      <Field label={t.unitName} error={problems.unitName}>
        <input value={form.unitName} onChange={(e) => setForm({ ...form, unitName: e.target.value })} />
      </Field>
      <Field label={t.unitCode} hint={codeHint(form.unitCode)} error={problems.unitCode}>
        <input value={form.unitCode} onChange={(e) => setForm({ ...form, unitCode: e.target.value })} />
      </Field>
      <fieldset>
        <legend>{t.officeHours}</legend>
        <OfficeHours value={form.officeHours} onChange={(officeHours) => setForm({ ...form, officeHours })} />
        {problems.officeHours ? <span className="field-error">{problems.officeHours}</span> : null}
      </fieldset>
      <Field label={t.holidaysFile} hint={t.holidaysFileHint}>
        <input value={form.holidaysFile} onChange={(e) => setForm({ ...form, holidaysFile: e.target.value })} />
      </Field>
      {rules ? <p className="muted">{t.rulesInUse(rules.sources.holidays, rules.sources.channels)}</p> : null}
      <Field label={t.lockMinutes} error={problems.lockAfterMinutes}>
        <input value={form.lockAfterMinutes} inputMode="numeric" onChange={(e) => setForm({ ...form, lockAfterMinutes: e.target.value })} />
      </Field>
      <Field label={t.dataDir} hint={t.dataDirHint}>
        <input value={info?.dataDir ?? ''} readOnly />
      </Field>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit">{t.save}</button>
    </form>
  );
}
