/**
 * Registering incoming documents and changing register entries (Art. 9.1, 9.4, 9.5; NĐ 30 Art. 22.2). A number
 * is given in the same Dexie transaction as its entry, its document and its journal line (house rule 12), so
 * either all of them are written or none is, and two registrations can never get the same number: IndexedDB runs
 * read-write transactions over the same tables one after the other.
 *
 * Invariant the register search cache relies on (queries/search-cache.ts): entries are never deleted, and every
 * change to an existing entry appends, in the same transaction, a journal line whose action starts with 'entry.'
 * and whose payload names its `entryId`. cancelEntry and transferEntry also bring a loaded search cache up to date
 * right after their commit (noteRegisterCommitted), so a view never shows the entry in its old state once the call
 * has returned.
 */
import { AppFailure } from '../../shared/api/result';
import { Sha256Hex } from '../../shared/api/schemas';
import { MAX_FILE_BYTES } from '../../shared/api/limits';
import { isDomainError } from '../../shared/domain/domain-error';
import { IncomingDocumentForm, type IncomingDocumentValue } from '../../shared/domain/incoming-document';
import { cancelEntry as cancelledCopy, findDuplicateRegistration, nextRegisterNumber, registerYear } from '../../shared/domain/numbering';
import type { ReceiptRule } from '../../shared/domain/receipt-time';
import type { AppDB } from './db';
import { appendJournal } from './journal';
import { noteRegisterCommitted } from './queries/search-cache';
import type { DocumentRecord, RegisterEntryRecord, RegisterKind, RegisterRecord, RegisterRow } from './records';
import { addEntryOcr } from './ocr-index';
import { boundOcrText, entrySearchFields } from './search-index';

export type { IncomingDocumentValue };

/** What registerIncoming needs. `form` is the value validateIncomingForm returned. */
export interface IncomingRegistration {
  form: IncomingDocumentValue;
  /** The scanned or received file, already in main's store. */
  file: { sha256: string; size: number };
  arrivedAt: Date;
  /** Legal receipt time and why (Art. 10.5; shared/domain/receipt-time). */
  receipt: { legal: Date; rule: ReceiptRule };
  actor: string;
  /** The clerk saw the duplicate warning and registers anyway. */
  confirmDuplicate: boolean;
  newId: () => string;
  /**
   * Text recognized by OCR on the scanned original (issue 9), kept beside it and searched with the register.
   * The scanned PDF itself is never rewritten. Stored on the document as `ocrText`, at most MAX_OCR_TEXT_LENGTH
   * (20,000) characters (a longer text is cut at a whitespace, search-index.ts boundOcrText), and indexed in the
   * registration's own transaction (db/ocr-index.ts), so the entry is found by its OCR words as soon as it exists.
   */
  ocrText?: string;
}

export type RegistrationOutcome =
  | { kind: 'registered'; entry: RegisterEntryRecord; document: DocumentRecord }
  | { kind: 'duplicate'; existing: RegisterRow };

/** Id of the register of one kind and year, e.g. 'incoming-2026'. */
export function registerIdOf(kind: RegisterKind, year: number): string {
  return `${kind}-${year}`;
}

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** Checks everything before the transaction starts, so bad input changes nothing. */
function checkRegistration(input: IncomingRegistration): IncomingDocumentValue {
  const parsed = IncomingDocumentForm.safeParse(input.form);
  if (!parsed.success) throw new AppFailure('VALIDATION', 'Thông tin văn bản đến chưa hợp lệ.', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
  if (!Sha256Hex.safeParse(input.file.sha256).success) throw new AppFailure('VALIDATION', 'Mã băm SHA-256 của tệp không hợp lệ.');
  if (!Number.isSafeInteger(input.file.size) || input.file.size <= 0 || input.file.size > MAX_FILE_BYTES) {
    throw new AppFailure('VALIDATION', 'Dung lượng tệp không hợp lệ.');
  }
  if (!isValidDate(input.arrivedAt) || !isValidDate(input.receipt.legal)) throw new AppFailure('VALIDATION', 'Thời điểm đến hoặc thời điểm nhận không hợp lệ.');
  if (input.receipt.legal.getTime() < input.arrivedAt.getTime()) {
    throw new AppFailure('VALIDATION', 'Thời điểm nhận hợp lệ không thể trước thời điểm văn bản đến.');
  }
  if (typeof input.actor !== 'string' || input.actor.trim() === '') throw new AppFailure('VALIDATION', 'Thiếu người đăng ký.');
  if (input.ocrText !== undefined && typeof input.ocrText !== 'string') throw new AppFailure('VALIDATION', 'Văn bản nhận dạng (OCR) không hợp lệ.');
  return parsed.data;
}

/** An earlier registration of the same số/ký hiệu from the same issuer (any register year), or null. */
async function findDuplicate(db: AppDB, kind: RegisterKind, form: IncomingDocumentValue, key: string): Promise<RegisterRow | null> {
  const entries = await db.registerEntries.where('[kind+registrationKey]').equals([kind, key]).toArray();
  if (entries.length === 0) return null;
  const docs = (await db.documents.bulkGet(entries.map((e) => e.documentId))).filter((d) => d !== undefined);
  const id = findDuplicateRegistration(form, docs);
  const entry = entries.find((e) => e.documentId === id);
  const document = docs.find((d) => d.id === id);
  return entry && document ? { entry, document } : null;
}

/** The tables registerIncoming writes; a caller that nests it in its own transaction includes all of them. */
export function registrationTables(db: AppDB) {
  return [db.registers, db.registerEntries, db.documents, db.journal, db.ocrTokens, db.ocrIndex];
}

/**
 * Registers an incoming document (Art. 9.1): in ONE read-write transaction over registers, registerEntries,
 * documents, journal and the OCR index it checks for a duplicate (returned as 'duplicate' unless confirmDuplicate), gets or
 * creates the register of the arrival year in Vietnam time, gives the highest number ever used in it + 1
 * (cancelled numbers count: never reused, Art. 9.4) and writes the document, the entry and a journal line.
 * Anything thrown rolls all of it back. Throws AppFailure VALIDATION for bad input (nothing written).
 */
export async function registerIncoming(db: AppDB, input: IncomingRegistration): Promise<RegistrationOutcome> {
  const form = checkRegistration(input);
  const kind: RegisterKind = 'incoming';
  const year = registerYear(input.arrivedAt);
  const registerId = registerIdOf(kind, year);
  const fields = entrySearchFields(form);
  const actor = input.actor.trim();
  const ocrText = boundOcrText(input.ocrText);
  return db.transaction('rw', registrationTables(db), async (): Promise<RegistrationOutcome> => {
    const existing = await findDuplicate(db, kind, form, fields.registrationKey);
    if (existing && !input.confirmDuplicate) return { kind: 'duplicate', existing };
    const number = await claimRegisterNumber(db, kind, year);
    const arrivedAt = input.arrivedAt.getTime();
    const document: DocumentRecord = {
      id: input.newId(),
      direction: 'incoming',
      typeId: form.typeId,
      codeNotation: form.codeNotation,
      issuer: form.issuer,
      documentDate: form.documentDate,
      abstract: form.abstract,
      urgency: form.urgency,
      confidentiality: form.confidentiality,
      ...(form.dueDate !== undefined ? { dueDate: form.dueDate } : {}),
      ...(form.recipient !== undefined ? { recipient: form.recipient } : {}),
      ...(form.note !== undefined ? { note: form.note } : {}),
      ...(form.pageCount !== undefined ? { pageCount: form.pageCount } : {}),
      ...(ocrText !== undefined ? { ocrText } : {}),
      fileSha256: input.file.sha256,
      fileSize: input.file.size,
      createdAt: arrivedAt,
      createdBy: actor,
    };
    await db.documents.add(document);
    const entry: RegisterEntryRecord = {
      registerId,
      kind,
      year,
      number,
      documentId: document.id,
      arrivedAt,
      legalReceiptAt: input.receipt.legal.getTime(),
      receiptRule: input.receipt.rule,
      status: 'active',
      handling: 'waiting',
      urgency: form.urgency,
      ...fields,
    };
    const entryId = (await db.registerEntries.add(entry)) as number;
    entry.id = entryId;
    await addEntryOcr(db, entryId, document.id, ocrText);
    await appendJournal(db, {
      at: arrivedAt,
      actor,
      action: 'entry.registered',
      subject: `${registerId}/${number}`,
      // Identifiers only: the abstract of a confidential document stays out of the journal.
      payload: {
        entryId: entry.id,
        documentId: document.id,
        number,
        codeNotation: document.codeNotation,
        issuer: document.issuer,
        fileSha256: document.fileSha256,
        duplicateOf: existing ? existing.entry.id : null,
      },
    });
    return { kind: 'registered', entry, document };
  });
}

/**
 * The next number of the register of `kind` and `year` (Art. 9.4; NĐ 30 Art. 15.1, 22.2), creating the register
 * on its first entry. The highest number ever used counts, cancelled entries included, so a number is never
 * reused. Must run inside the caller's rw transaction over `registers` and `registerEntries`, so the number and
 * the entry that takes it commit together.
 */
export async function claimRegisterNumber(db: AppDB, kind: RegisterKind, year: number): Promise<number> {
  const registerId = registerIdOf(kind, year);
  if (!(await db.registers.get(registerId))) {
    const register: RegisterRecord = { id: registerId, kind, year };
    await db.registers.add(register);
  }
  const last = await db.registerEntries.where('[registerId+number]').between([registerId, -Infinity], [registerId, Infinity], true, true).last();
  return nextRegisterNumber(last?.number);
}

async function requireEntry(db: AppDB, entryId: number): Promise<RegisterEntryRecord> {
  const entry = Number.isSafeInteger(entryId) ? await db.registerEntries.get(entryId) : undefined;
  if (!entry) throw new AppFailure('NOT_FOUND', `Không tìm thấy dòng sổ #${String(entryId)}.`);
  return entry;
}

/**
 * Cancels an entry (Art. 9.4, 9.5): it keeps its number, stays in the register marked cancelled, and the reason,
 * time and actor are kept and journaled. Throws AppFailure VALIDATION (no reason), NOT_FOUND, CONFLICT (already
 * cancelled); nothing is written then. Resolves after the commit and after the search cache has seen it.
 */
export async function cancelEntry(db: AppDB, input: { entryId: number; reason: string; actor: string; at: number }): Promise<RegisterEntryRecord> {
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm hủy không hợp lệ.');
  const cancelled = await db.transaction('rw', [db.registerEntries, db.journal], async () => {
    const entry = await requireEntry(db, input.entryId);
    let marked;
    try {
      marked = cancelledCopy(entry, { reason: input.reason, actor: input.actor, at: new Date(input.at) });
    } catch (cause) {
      if (isDomainError(cause, 'ALREADY_CANCELLED')) throw new AppFailure('CONFLICT', cause.message);
      if (isDomainError(cause)) throw new AppFailure('VALIDATION', cause.message);
      throw cause;
    }
    const updated: RegisterEntryRecord = {
      ...entry,
      status: 'cancelled',
      cancelledAt: input.at,
      cancelReason: marked.cancelReason,
      cancelledBy: marked.cancelledBy,
    };
    await db.registerEntries.put(updated);
    await appendJournal(db, {
      at: input.at,
      actor: marked.cancelledBy,
      action: 'entry.cancelled',
      subject: `${entry.registerId}/${entry.number}`,
      payload: { entryId: entry.id, number: entry.number, reason: marked.cancelReason },
    });
    return updated;
  });
  await noteRegisterCommitted(db);
  return cancelled;
}

/**
 * Passes a registered document to the leader (Art. 9.1 "chuyển lãnh đạo"): handling becomes 'transferred', with
 * whom and when, journaled. Throws AppFailure VALIDATION (no recipient), NOT_FOUND, CONFLICT (cancelled or
 * already transferred). Resolves after the commit and after the search cache has seen it.
 */
export async function transferEntry(db: AppDB, input: { entryId: number; to: string; actor: string; at: number }): Promise<RegisterEntryRecord> {
  const to = typeof input.to === 'string' ? input.to.normalize('NFC').trim() : '';
  if (to === '' || to.length > 200) throw new AppFailure('VALIDATION', 'Cần chọn lãnh đạo nhận văn bản.');
  const actor = typeof input.actor === 'string' ? input.actor.trim() : '';
  if (actor === '') throw new AppFailure('VALIDATION', 'Thiếu người chuyển.');
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm chuyển không hợp lệ.');
  const transferred = await db.transaction('rw', [db.registerEntries, db.journal], async () => {
    const entry = await requireEntry(db, input.entryId);
    if (entry.status === 'cancelled') throw new AppFailure('CONFLICT', `Số ${entry.number} đã bị hủy, không chuyển được.`);
    if (entry.handling === 'transferred') throw new AppFailure('CONFLICT', `Số ${entry.number} đã được chuyển trước đó.`);
    const updated: RegisterEntryRecord = { ...entry, handling: 'transferred', transferredAt: input.at, transferredTo: to };
    await db.registerEntries.put(updated);
    await appendJournal(db, {
      at: input.at,
      actor,
      action: 'entry.transferred',
      subject: `${entry.registerId}/${entry.number}`,
      payload: { entryId: entry.id, number: entry.number, to },
    });
    return updated;
  });
  await noteRegisterCommitted(db);
  return transferred;
}
