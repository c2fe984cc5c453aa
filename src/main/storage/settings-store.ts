/**
 * The workstation's settings in `<dataDir>/settings.json` (Art. 10.5 office hours and holidays, Art. 3.7 lock).
 * The signing settings (pkcs11Module, allowLiveRevocation, tsaUrl) are optional: absent means auto-detection, live
 * revocation checks allowed and no timestamp (PAdES B-B), so files of older versions stay valid. Written atomically; a file that cannot be read as settings is kept aside as `settings.json.corrupt-<time>`
 * and the defaults are used, so a damaged file never stops the app from starting.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/api/result';
import { Settings, SettingsPatch } from '../../shared/api/schemas';
import { checkAgencyCode } from '../../shared/domain/identifier-code';
import { validateOfficeHours, type OfficeHoursProblem } from '../../shared/domain/receipt-time';
import { isSafeExternalUrl, toSafeFileName } from '../util/safe-path';
import { writeFileAtomic } from './atomic-file';

export const SETTINGS_FILE = 'settings.json';

/** Defaults of a fresh workstation (the province's people's committee; office hours of Art. 10.5). */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  unitName: 'Ủy ban nhân dân tỉnh Lai Châu',
  unitCode: '000.00.00.H35',
  officeHours: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  holidaysFile: null,
  lockAfterMinutes: 15,
}) as Settings;

export interface SettingsStore {
  /** Current settings (loaded once, then cached). Errors: INTERNAL (file system). */
  get(): Promise<Settings>;
  /**
   * Apply a patch, validate the whole result, write it atomically and call `onChange`. Bad input changes nothing.
   * Errors: VALIDATION (schema, identifier code, office hours, holidays file name or content), INTERNAL.
   */
  update(patch: unknown): Promise<Settings>;
}

export interface SettingsStoreOptions {
  dataDir: string;
  /** Checks that a holidays file of `<dataDir>/rules/` exists and is valid; throws AppFailure VALIDATION. */
  checkHolidaysFile?: (name: string) => Promise<void>;
  /** Called after a successful update (the host emits `settings.changed`). */
  onChange?: (settings: Settings) => void;
  log?: Pick<Console, 'warn' | 'error'>;
  /** Clock for the name of a corrupt file kept aside; injected by tests. */
  now?: () => Date;
}

const OFFICE_HOURS_TEXT: Record<OfficeHoursProblem['code'], string> = {
  empty: 'Cần ít nhất một khoảng giờ hành chính.',
  'bad-format': 'giờ phải có dạng HH:mm.',
  'end-not-after-start': 'giờ kết thúc phải sau giờ bắt đầu.',
  'out-of-order': 'các khoảng giờ phải theo thứ tự trong ngày.',
  overlap: 'khoảng giờ chồng lên khoảng trước.',
};

/** Vietnamese text of an office-hours problem (Art. 10.5), naming the period by its position. */
export function describeOfficeHoursProblem(problem: OfficeHoursProblem): string {
  const text = OFFICE_HOURS_TEXT[problem.code];
  return problem.code === 'empty' ? text : `Giờ hành chính, khoảng thứ ${problem.index + 1}: ${text}`;
}

const MODULE_FILE = /\.(so(\.\d+)*|dll|dylib)$/i;
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/])/;

/**
 * Whether a PKCS#11 driver path is acceptable: an absolute local path (pkcs11js#68: relative names resolve
 * against the working directory) to a shared library, with no parent-directory steps and no UNC share.
 */
export function isAcceptableModulePath(path: string): boolean {
  if (!ABSOLUTE_PATH.test(path) || !MODULE_FILE.test(path)) return false;
  if ([...path].some((c) => c.charCodeAt(0) < 0x20)) return false;
  return !path.split(/[\\/]/).includes('..');
}

/**
 * Domain checks the schema cannot express: the identifier code (QCVN 102) and the order of office-hours
 * periods. Answers Vietnamese problem texts; empty when the settings are acceptable.
 */
export function settingsProblems(settings: Settings): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (checkAgencyCode(settings.unitCode).level === 'invalid') {
    problems.push({ field: 'unitCode', message: `Mã định danh "${settings.unitCode}" không đúng cấu trúc QCVN 102:2016.` });
  }
  for (const problem of validateOfficeHours(settings.officeHours)) {
    problems.push({ field: 'officeHours', message: describeOfficeHoursProblem(problem) });
  }
  if (settings.holidaysFile !== null && toSafeFileName(settings.holidaysFile) === false) {
    problems.push({ field: 'holidaysFile', message: 'Tên tệp ngày nghỉ không hợp lệ (chỉ là tên tệp, không chứa đường dẫn).' });
  }
  if (typeof settings.pkcs11Module === 'string' && !isAcceptableModulePath(settings.pkcs11Module)) {
    problems.push({ field: 'pkcs11Module', message: 'Đường dẫn trình điều khiển PKCS#11 phải là đường dẫn đầy đủ tới tệp .so, .dll hoặc .dylib.' });
  }
  if (typeof settings.tsaUrl === 'string' && isSafeExternalUrl(settings.tsaUrl) === false) {
    problems.push({ field: 'tsaUrl', message: 'Địa chỉ máy chủ dấu thời gian (TSA) phải là địa chỉ http:// hoặc https:// hợp lệ.' });
  }
  return problems;
}

/** Build the settings store of `dataDir`. */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const file = join(options.dataDir, SETTINGS_FILE);
  const log = options.log ?? console;
  const now = options.now ?? ((): Date => new Date());
  let current: Promise<Settings> | undefined;
  // Updates run one after another so two patches never interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();

  const keepAside = async (reason: string): Promise<void> => {
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    log.warn(`[settings] ${reason}; kept as ${aside}, using defaults`);
  };

  const load = async (): Promise<Settings> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(DEFAULT_SETTINGS);
      throw cause;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      await keepAside('settings.json is not valid JSON');
      return structuredClone(DEFAULT_SETTINGS);
    }
    // A file from an older version may lack newer fields: those take their defaults.
    const patch = SettingsPatch.safeParse(raw);
    const merged = patch.success ? Settings.safeParse({ ...DEFAULT_SETTINGS, ...patch.data }) : patch;
    if (!merged.success || settingsProblems(merged.data).length > 0) {
      await keepAside('settings.json does not match the settings schema');
      return structuredClone(DEFAULT_SETTINGS);
    }
    return merged.data;
  };

  const get = (): Promise<Settings> => {
    current ??= load().catch((cause: unknown) => {
      current = undefined;
      throw cause;
    });
    return current.then((s) => structuredClone(s));
  };

  const applyUpdate = async (patch: unknown): Promise<Settings> => {
    const parsedPatch = SettingsPatch.safeParse(patch);
    if (!parsedPatch.success) {
      throw new AppFailure('VALIDATION', 'Cài đặt không hợp lệ.', { issues: parsedPatch.error.issues });
    }
    const parsed = Settings.safeParse({ ...(await get()), ...parsedPatch.data });
    if (!parsed.success) throw new AppFailure('VALIDATION', 'Cài đặt không hợp lệ.', { issues: parsed.error.issues });
    const next = parsed.data;
    const problems = settingsProblems(next);
    if (problems.length > 0) {
      throw new AppFailure('VALIDATION', problems.map((p) => p.message).join(' '), { problems });
    }
    if (next.holidaysFile !== null && options.checkHolidaysFile !== undefined) await options.checkHolidaysFile(next.holidaysFile);
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    current = Promise.resolve(next);
    try {
      options.onChange?.(structuredClone(next));
    } catch (cause) {
      log.error('[settings] change listener failed', cause);
    }
    return structuredClone(next);
  };

  return {
    get,
    update(patch) {
      const run = queue.then(() => applyUpdate(patch));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
