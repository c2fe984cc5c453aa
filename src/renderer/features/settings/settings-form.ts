/** The Cài đặt form as typed, and its conversion to a SettingsPatch (checked again by main's schema). */
import type { Settings, SettingsPatch } from '../../../shared/api/schemas';
import { checkAgencyCode } from '../../../shared/domain/identifier-code';
import { validateOfficeHours } from '../../../shared/domain/receipt-time';
import { issueText } from '../../i18n/messages';
import { OFFICE_HOURS_MESSAGES, vi } from '../../i18n/vi';

export interface SettingsFormValues {
  unitName: string;
  unitCode: string;
  officeHours: { start: string; end: string }[];
  holidaysFile: string;
  lockAfterMinutes: string;
}

/** Form values from the current settings. */
export function settingsToForm(s: Settings): SettingsFormValues {
  return {
    unitName: s.unitName,
    unitCode: s.unitCode,
    officeHours: s.officeHours.map((p) => ({ ...p })),
    holidaysFile: s.holidaysFile ?? '',
    lockAfterMinutes: String(s.lockAfterMinutes),
  };
}

export type SettingsProblems = Partial<Record<'unitName' | 'unitCode' | 'officeHours' | 'lockAfterMinutes', string>>;

/** Checks the form (identifier code with checkAgencyCode, HH:mm, minutes 1–240) and builds the patch. */
export function formToPatch(v: SettingsFormValues): { ok: true; patch: SettingsPatch } | { ok: false; problems: SettingsProblems } {
  const problems: SettingsProblems = {};
  const unitName = v.unitName.trim();
  const unitCode = v.unitCode.trim();
  if (unitName === '' || unitName.length > 200) problems.unitName = issueText(vi.settings.unitName, unitName === '' ? 'required' : 'too-long');
  if (unitCode !== '' && checkAgencyCode(unitCode).level === 'invalid') problems.unitCode = vi.settings.unitCodeInvalid;
  // Art. 10.5: the periods decide the legal receipt time, so they are checked with the same rule main uses.
  const [hoursProblem] = validateOfficeHours(v.officeHours.map((p) => ({ start: p.start.trim(), end: p.end.trim() })));
  if (hoursProblem !== undefined) problems.officeHours = OFFICE_HOURS_MESSAGES[hoursProblem.code];
  const minutes = Number(v.lockAfterMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) problems.lockAfterMinutes = `${vi.settings.lockMinutes}: 1–240.`;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    patch: {
      unitName,
      unitCode,
      officeHours: v.officeHours.map((p) => ({ start: p.start.trim(), end: p.end.trim() })),
      holidaysFile: v.holidaysFile.trim() === '' ? null : v.holidaysFile.trim(),
      lockAfterMinutes: minutes,
    },
  };
}
