/**
 * Rule data as files, not code (Art. 8.3g: the province publishes lists per period; Art. 10.5: holidays and
 * make-up days). Defaults ship in `<assetsDir>/rules/`; a holiday file chosen in Cài đặt lives in
 * `<dataDir>/rules/<name>`, where `name` is a plain file name checked by toSafeFileName, never a path; a
 * `<dataDir>/rules/delivery-channels.json`, when present, replaces the default Art. 8 lists.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rules } from '../../shared/api/contract';
import { AppFailure } from '../../shared/api/result';
import { HolidayRulesSchema, type HolidayRules } from '../../shared/domain/calendar-rules';
import { ChannelRulesSchema, validateChannelRules, type ChannelRules, type ChannelRulesProblem } from '../../shared/domain/delivery-channel';
import { isInsideDir, toSafeFileName } from '../util/safe-path';

export const DEFAULT_HOLIDAYS_FILE = 'holidays.json';
export const DEFAULT_CHANNELS_FILE = 'delivery-channels.json';
/** Rule files are small tables; anything larger is refused before it is read. */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

export interface RuleFiles {
  /** Holidays (default or `holidaysFile` from the data directory) and the Art. 8 channel lists. Errors: VALIDATION. */
  load(holidaysFile: string | null): Promise<Rules>;
  /** Check that `name` is a safe name of a valid holiday file in `<dataDir>/rules/`. Errors: VALIDATION. */
  checkHolidaysFile(name: string): Promise<void>;
}

export interface RuleFilesOptions {
  assetsDir: string;
  dataDir: string;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(gốc)'}: ${issue.message}`)
    .join('; ');
}

async function readJson(path: string, label: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppFailure('VALIDATION', `Không tìm thấy tệp ${label}.`, { file: label });
    }
    throw cause;
  }
  if (size > MAX_RULE_FILE_BYTES) {
    throw new AppFailure('VALIDATION', `Tệp ${label} quá lớn (${size} byte; tối đa ${MAX_RULE_FILE_BYTES}).`, { file: label });
  }
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (cause) {
    if (cause instanceof SyntaxError) {
      throw new AppFailure('VALIDATION', `Tệp ${label} không đúng định dạng JSON: ${cause.message}`, { file: label });
    }
    throw cause;
  }
}

/** Vietnamese text of a channel-list problem (Art. 8.2 / 8.3). */
function describeChannelProblem(problem: ChannelRulesProblem): string {
  return problem.code === 'in-both-lists'
    ? `loại "${problem.typeId}" có trong cả hai danh sách`
    : `loại "${problem.typeId}" bị ghi hai lần`;
}

function parseHolidays(raw: unknown, label: string): HolidayRules {
  const parsed = HolidayRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppFailure('VALIDATION', `Tệp ngày nghỉ ${label} có dữ liệu sai: ${describeIssues(parsed.error.issues)}`, {
      file: label,
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}

function parseChannels(raw: unknown, label: string): ChannelRules {
  const parsed = ChannelRulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppFailure('VALIDATION', `Tệp danh mục gửi văn bản ${label} có dữ liệu sai: ${describeIssues(parsed.error.issues)}`, {
      file: label,
      issues: parsed.error.issues,
    });
  }
  const problems = validateChannelRules(parsed.data);
  if (problems.length > 0) {
    const texts = problems.map(describeChannelProblem);
    throw new AppFailure('VALIDATION', `Tệp danh mục gửi văn bản ${label} mâu thuẫn: ${texts.slice(0, 5).join('; ')}`, {
      file: label,
      problems: texts,
    });
  }
  return parsed.data;
}

/** Build the rule-file loader. Files are read on every `load`, so a replaced file takes effect at once. */
export function createRuleFiles(options: RuleFilesOptions): RuleFiles {
  const defaultsDir = join(options.assetsDir, 'rules');
  const customDir = join(options.dataDir, 'rules');

  const customPath = (name: string): { path: string; label: string } => {
    const safe = toSafeFileName(name);
    const path = safe === false ? '' : join(customDir, safe);
    if (safe === false || !safe.toLowerCase().endsWith('.json') || !isInsideDir(customDir, path)) {
      throw new AppFailure('VALIDATION', 'Tên tệp ngày nghỉ không hợp lệ: chỉ là tên một tệp .json trong thư mục rules của dữ liệu.', {
        file: String(name).slice(0, 120),
      });
    }
    return { path, label: `"${safe}"` };
  };

  /** The province may publish another Art. 8 list (8.3g): `<dataDir>/rules/delivery-channels.json` replaces the default. */
  const loadChannels = async (): Promise<{ rules: ChannelRules; source: string }> => {
    const custom = join(customDir, DEFAULT_CHANNELS_FILE);
    try {
      await stat(custom);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
      const raw = await readJson(join(defaultsDir, DEFAULT_CHANNELS_FILE), 'danh mục gửi văn bản mặc định');
      return { rules: parseChannels(raw, '(mặc định)'), source: 'default' };
    }
    const label = `"${DEFAULT_CHANNELS_FILE}"`;
    return { rules: parseChannels(await readJson(custom, label), label), source: DEFAULT_CHANNELS_FILE };
  };

  const loadHolidays = async (holidaysFile: string | null): Promise<{ rules: HolidayRules; source: string }> => {
    if (holidaysFile === null) {
      const raw = await readJson(join(defaultsDir, DEFAULT_HOLIDAYS_FILE), 'ngày nghỉ mặc định');
      return { rules: parseHolidays(raw, '(mặc định)'), source: 'default' };
    }
    const { path, label } = customPath(holidaysFile);
    return { rules: parseHolidays(await readJson(path, label), label), source: holidaysFile };
  };

  return {
    async load(holidaysFile) {
      const [holidays, channels] = await Promise.all([loadHolidays(holidaysFile), loadChannels()]);
      return { holidays: holidays.rules, channels: channels.rules, sources: { holidays: holidays.source, channels: channels.source } };
    },
    async checkHolidaysFile(name) {
      await loadHolidays(name);
    },
  };
}
