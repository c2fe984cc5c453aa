/**
 * The one API contract between the renderer and main (house rule 4). Handler types, the preload's
 * allowlist and the renderer client all derive from this map. Channel names are `domain.verb`; no
 * channel literal appears outside src/shared/api.
 */
import type { z } from 'zod';
import type { Result } from './result';
import {
  Empty,
  FilePut,
  FileRef,
  JobRef,
  JournalHead,
  PasswordHashRequest,
  PasswordVerifyRequest,
  RegisterReportRequest,
  SettingsPatch,
  type MediaType,
  type Settings,
} from './schemas';
import type { HolidayRules } from '../domain/calendar-rules';
import type { ChannelRules } from '../domain/delivery-channel';
import { signingContract } from './signing-contract';
import { exchangeContract } from './exchange-contract';
import { exchangeFlowContract } from './exchange-flow-contract';
import { scanContract } from './scan-contract';

interface ChannelSpec<S extends z.ZodType, R> {
  schema: S;
  /** Phantom: carries the response type; never read at run time. */
  readonly response?: R;
}

function request<S extends z.ZodType>(schema: S) {
  return { returns: <R>(): ChannelSpec<S, R> => ({ schema }) };
}

export interface AppInfo {
  version: string;
  /** Absolute path of the data directory (shown in Cài đặt). */
  dataDir: string;
  /** 'electron' or 'web' — for display only; the renderer must not branch on it. */
  transport: 'electron' | 'web';
}

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: MediaType;
}

export interface FileContent extends StoredFile {
  dataBase64: string;
}

export interface FileStat {
  sha256: string;
  exists: boolean;
  size: number;
}

export interface Rules {
  /** Weekends, public holidays (solar and lunar), make-up working days, for the years the data covers (Art. 10.5). */
  holidays: HolidayRules;
  /** Art. 8.2 / 8.3 lists: which document types go electronic-only and which also on paper. */
  channels: ChannelRules;
  /** Where each rule set came from: 'default' or the file name in the data directory. */
  sources: { holidays: string; channels: string };
}

export const contract = {
  /** Version, data directory and transport of this workstation. Errors: none. */
  'app.info': request(Empty).returns<AppInfo>(),
  /** Current settings. Errors: INTERNAL. */
  'settings.get': request(Empty).returns<Settings>(),
  /** Change settings; emits `settings.changed`. Errors: VALIDATION (bad identifier code, periods out of order, unknown holidays file), INTERNAL. */
  'settings.update': request(SettingsPatch).returns<Settings>(),
  /** Rule data (holidays, Art. 8 channel lists) as loaded from the data directory or the defaults. Errors: VALIDATION (a rule file is malformed), INTERNAL. */
  'rules.get': request(Empty).returns<Rules>(),
  /** Store bytes under their SHA-256 (atomic write). Errors: VALIDATION, EMPTY_FILE, TOO_LARGE, NOT_PDF, INTERNAL. */
  'files.put': request(FilePut).returns<StoredFile>(),
  /** Read stored bytes, re-checking their hash. Errors: NOT_FOUND, INTEGRITY, INTERNAL. */
  'files.get': request(FileRef).returns<FileContent>(),
  /** Whether a blob exists and its size. Errors: INTERNAL. */
  'files.stat': request(FileRef).returns<FileStat>(),
  /** scrypt hash of a new password (Art. 3.7); the password is never stored or logged. Errors: VALIDATION. */
  'auth.hashPassword': request(PasswordHashRequest).returns<{ hash: string }>(),
  /** Constant-time check of a password against a stored hash. Errors: VALIDATION (malformed hash). */
  'auth.verifyPassword': request(PasswordVerifyRequest).returns<{ match: boolean }>(),
  /** Print a register in the NĐ 30 Phụ lục IV layout to PDF; the PDF goes to the store. Errors: VALIDATION, CANCELLED, INTERNAL. */
  'reports.registerPdf': request(RegisterReportRequest).returns<StoredFile>(),
  /** Export a register to .xlsx; the workbook goes to the store. Errors: VALIDATION, INTERNAL. */
  'reports.registerXlsx': request(RegisterReportRequest).returns<StoredFile>(),
  /** The journal head main last witnessed, or null before the first report (Art. 3.3). Errors: INTEGRITY (witness file damaged). */
  'journal.head': request(Empty).returns<{ head: JournalHead | null }>(),
  /** Record a newer journal head after a committed change. Errors: CONFLICT (lower seq, or same seq with another hash: the journal lost lines). */
  'journal.witness': request(JournalHead).returns<JournalHead>(),
  /** Cancel a running job (report, later scans, sync, batch verification); its last `job.progress` says 'cancelled'. Errors: NOT_FOUND (no such running job). */
  'jobs.cancel': request(JobRef).returns<{ cancelled: true }>(),
  /** Token, signing and verification channels of issue 3 (signing-contract.ts). */
  ...signingContract,
  /** Axis, sync engine, spools and agency directory of issue 8 (exchange-contract.ts). */
  ...exchangeContract,
  /** Exchange flows of issue 8: received/sent documents, answers, revocation (exchange-flow-contract.ts). */
  ...exchangeFlowContract,
  /** Scanners, their options and scan jobs of issue 9 (scan-contract.ts). */
  ...scanContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Req<C extends Channel> = z.infer<Contract[C]['schema']>;
export type Res<C extends Channel> = NonNullable<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** What a transport carries: the renderer cannot tell Electron IPC from the web host. */
export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
