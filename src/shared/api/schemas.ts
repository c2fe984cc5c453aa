/**
 * zod schemas of the values that cross the boundary. Requests are parsed with these in main
 * before any handler runs (house rule 5).
 */
import { z } from 'zod';
import { MAX_FILE_BYTES, MAX_PASSWORD_LENGTH, MAX_REPORT_ROWS } from './limits';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex');
export const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');

export const Empty = z.object({}).strict();

export const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'job id');
export const JobRef = z.object({ jobId: JobId }).strict();

/** One office-hours period of a working day, local time Asia/Ho_Chi_Minh (Art. 10.5). */
export const OfficePeriod = z.object({ start: HourMinute, end: HourMinute }).strict();

export const Settings = z
  .object({
    /** Tên cơ quan, đơn vị. */
    unitName: z.string().trim().min(1).max(200),
    /** Mã định danh (QCVN 102); validated by shared/domain/identifier-code. */
    unitCode: z.string().trim().max(35),
    /** Giờ hành chính: one to four periods a working day, in order. */
    officeHours: z.array(OfficePeriod).min(1).max(4),
    /** File name (inside the data directory's rules/ folder) of a holiday rule file replacing the default; null = default. */
    holidaysFile: z.string().max(120).nullable(),
    /** Minutes of inactivity before the session locks (Art. 3.7). */
    lockAfterMinutes: z.number().int().min(1).max(240),
    /**
     * Absolute path of the PKCS#11 driver of the USB tokens (issue 3); absent or null = auto-detection. Checked
     * further by settings-store (absolute, a .so/.dll/.dylib file).
     */
    pkcs11Module: z.string().trim().min(1).max(500).nullable().optional(),
    /** Whether revocation data (OCSP/CRL) may be fetched live when the document and the cache have none; absent = yes. */
    allowLiveRevocation: z.boolean().optional(),
    /**
     * RFC 3161 time-stamping server for PAdES B-T (issue 3); absent or null = B-B (no timestamp). Checked further
     * by settings-store (an http/https URL without credentials).
     */
    tsaUrl: z.string().trim().min(1).max(2048).nullable().optional(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

// text/plain: the OCR text kept beside a scanned original (issue 9).
export const MediaType = z.enum(['application/pdf', 'image/png', 'image/jpeg', 'application/xml', 'application/octet-stream', 'text/plain']);
export type MediaType = z.infer<typeof MediaType>;

// base64 is 4/3 of the bytes; the bound is checked on the string before it is decoded.
const MAX_BASE64_CHARS = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4;

export const FilePut = z
  .object({
    mediaType: MediaType,
    dataBase64: z.string().max(MAX_BASE64_CHARS),
  })
  .strict();
export type FilePut = z.infer<typeof FilePut>;

export const FileRef = z.object({ sha256: Sha256Hex }).strict();

export const PasswordHashRequest = z.object({ password: z.string().min(8).max(MAX_PASSWORD_LENGTH) }).strict();
export const PasswordVerifyRequest = z
  .object({ password: z.string().min(1).max(MAX_PASSWORD_LENGTH), hash: z.string().min(1).max(512) })
  .strict();

export const RegisterKind = z.enum(['incoming', 'outgoing']);
export type RegisterKind = z.infer<typeof RegisterKind>;

/** One printed/exported register row: the NĐ 30 Phụ lục IV columns of its kind, as display text. */
export const ReportRow = z
  .object({
    cells: z.array(z.string().max(2000)).min(1).max(12),
    cancelled: z.boolean(),
  })
  .strict();
export type ReportRow = z.infer<typeof ReportRow>;

export const RegisterReportRequest = z
  .object({
    kind: RegisterKind,
    year: z.number().int().min(1990).max(2200),
    unitName: z.string().max(200),
    /** Human description of the filters applied, printed under the title; empty when none. */
    filterNote: z.string().max(500),
    rows: z.array(ReportRow).max(MAX_REPORT_ROWS),
    /** Chosen by the renderer so it can follow `job.progress` and call `jobs.cancel`. */
    jobId: JobId.optional(),
  })
  .strict();
export type RegisterReportRequest = z.infer<typeof RegisterReportRequest>;

/** The newest line of the renderer's audit journal, as main's witness records it. */
export const JournalHead = z.object({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), hash: Sha256Hex }).strict();
export type JournalHead = z.infer<typeof JournalHead>;
