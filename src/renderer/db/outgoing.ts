/**
 * The outgoing register (sổ văn bản đi) in the Art. 11 issuing flow. "Cấp số" (Art. 11.1c) takes the next number
 * of the year's outgoing register in the SAME Dexie transaction as the register entry, its document and its
 * journal line (house rule 12), so a number is never given twice and never lost half-written. Later steps (number
 * and date filled, organization signature, attachments, issue) change the entry's document or the entry and append,
 * in the same transaction, an `entry.*` journal line naming the `entryId` (the invariant of
 * queries/search-cache.ts, see registration.ts).
 */
import { AppFailure } from '../../shared/api/result';
import { Sha256Hex } from '../../shared/api/schemas';
import { MAX_FILE_BYTES } from '../../shared/api/limits';
import { formatDocumentNumber, parseCodeNotation } from '../../shared/domain/code-notation';
import { isDocumentTypeId, type DocumentTypeId } from '../../shared/domain/document-types';
import { registerYear } from '../../shared/domain/numbering';
import type { Urgency } from '../../shared/domain/urgency';
import { localIsoDate } from '../../shared/util/time';
import type { AppDB } from './db';
import { appendJournal } from './journal';
import type { DocumentRecord, RegisterEntryRecord } from './records';
import { claimRegisterNumber, registerIdOf } from './registration';
import { entrySearchFields } from './search-index';

const URGENCY_VALUES: readonly Urgency[] = ['thuong', 'khan', 'thuong-khan', 'hoa-toc'];
/** Ký hiệu after the number: groups of letters/digits joined by '-', e.g. 'QĐ-UBND' (NĐ 30 Phụ lục VI). */
const NOTATION = /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u;

/** What "Cấp số" needs. The file is the personally signed draft, already in main's store. */
export interface OutgoingNumbering {
  typeId: DocumentTypeId;
  /** Ký hiệu without the number, e.g. 'QĐ-UBND'. */
  notation: string;
  abstract: string;
  /** Nơi nhận. */
  recipient: string;
  urgency: Urgency;
  /** Người ký, from the personal signature. */
  signer: string;
  /** Cơ quan ban hành: this unit. */
  issuer: string;
  file: { sha256: string; size: number };
  at: Date;
  actor: string;
  newId: () => string;
  /** The waiting draft (db/outgoing-drafts.ts) this number is for; marked numbered in the same transaction. */
  draftId?: string;
}

/** Checks a reference to a file in main's store. Throws AppFailure VALIDATION. */
export function checkFile(file: { sha256: string; size: number }): void {
  if (!Sha256Hex.safeParse(file.sha256).success) throw new AppFailure('VALIDATION', 'Mã băm SHA-256 của tệp không hợp lệ.');
  if (!Number.isSafeInteger(file.size) || file.size <= 0 || file.size > MAX_FILE_BYTES) throw new AppFailure('VALIDATION', 'Dung lượng tệp không hợp lệ.');
}

/** The register data of step 1 (also stored with a waiting draft). */
export type OutgoingForm = Pick<OutgoingNumbering, 'typeId' | 'notation' | 'abstract' | 'recipient' | 'urgency'>;

/** Checks the register data of step 1. Throws AppFailure VALIDATION. */
export function checkOutgoingForm(input: OutgoingForm): void {
  const notation = typeof input.notation === 'string' ? input.notation.normalize('NFC').trim() : '';
  if (!NOTATION.test(notation) || parseCodeNotation(`01/${notation}`) === null) throw new AppFailure('VALIDATION', 'Ký hiệu văn bản không đúng dạng (ví dụ QĐ-UBND).');
  if (!isDocumentTypeId(input.typeId)) throw new AppFailure('VALIDATION', 'Loại văn bản không hợp lệ.');
  if (typeof input.abstract !== 'string' || input.abstract.trim() === '' || input.abstract.length > 1000) throw new AppFailure('VALIDATION', 'Trích yếu không được để trống.');
  if (typeof input.recipient !== 'string' || input.recipient.length > 500) throw new AppFailure('VALIDATION', 'Nơi nhận không hợp lệ.');
  if (!URGENCY_VALUES.includes(input.urgency)) throw new AppFailure('VALIDATION', 'Độ khẩn không hợp lệ.');
}

/** Checks everything before the transaction, so bad input changes nothing. Throws AppFailure VALIDATION. */
export function checkOutgoingNumbering(input: OutgoingNumbering): void {
  checkOutgoingForm(input);
  if (typeof input.issuer !== 'string' || input.issuer.trim() === '') throw new AppFailure('VALIDATION', 'Thiếu tên cơ quan ban hành.');
  if (typeof input.actor !== 'string' || input.actor.trim() === '') throw new AppFailure('VALIDATION', 'Thiếu người cấp số.');
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) throw new AppFailure('VALIDATION', 'Thời điểm cấp số không hợp lệ.');
  checkFile(input.file);
}

/**
 * "Cấp số" (Art. 11.1c): in ONE read-write transaction over registers, registerEntries, documents and journal,
 * gets or creates the outgoing register of the year (Vietnam time), takes the highest number ever used + 1
 * (cancelled numbers count), and writes the document (số, ký hiệu = number + notation; date = today), the entry
 * and the journal line; a waiting draft named by `draftId` is marked numbered in the same transaction.
 * Throws AppFailure VALIDATION for bad input, NOT_FOUND / CONFLICT for a missing or already numbered draft
 * (nothing written).
 */
export async function takeOutgoingNumber(db: AppDB, input: OutgoingNumbering): Promise<{ entry: RegisterEntryRecord; document: DocumentRecord }> {
  checkOutgoingNumbering(input);
  const kind = 'outgoing' as const;
  const year = registerYear(input.at);
  const registerId = registerIdOf(kind, year);
  const at = input.at.getTime();
  const actor = input.actor.trim();
  return db.transaction('rw', [db.registers, db.registerEntries, db.documents, db.outgoingDrafts, db.journal], async () => {
    const draft = input.draftId === undefined ? undefined : await db.outgoingDrafts.get(input.draftId);
    if (input.draftId !== undefined && !draft) throw new AppFailure('NOT_FOUND', 'Không tìm thấy dự thảo chờ cấp số.');
    if (draft && draft.status !== 'waiting-number') throw new AppFailure('CONFLICT', 'Dự thảo này đã được cấp số.');
    const number = await claimRegisterNumber(db, kind, year);
    const document: DocumentRecord = {
      id: input.newId(),
      direction: 'outgoing',
      typeId: input.typeId,
      codeNotation: `${formatDocumentNumber(number)}/${input.notation.normalize('NFC').trim()}`,
      issuer: input.issuer.trim(),
      documentDate: localIsoDate(input.at),
      abstract: input.abstract.trim(),
      urgency: input.urgency,
      // Art. 1.2: a document marked secret is never issued electronically, so this flow only issues ordinary ones.
      confidentiality: 'thuong',
      recipient: input.recipient.trim(),
      signer: input.signer.trim(),
      fileSha256: input.file.sha256,
      fileSize: input.file.size,
      createdAt: at,
      createdBy: actor,
    };
    await db.documents.add(document);
    const entry: RegisterEntryRecord = {
      registerId,
      kind,
      year,
      number,
      documentId: document.id,
      // An outgoing entry has no arrival: the numbering time stands in, so the register's date filters work.
      arrivedAt: at,
      legalReceiptAt: at,
      receiptRule: { kind: 'in-office-hours' },
      status: 'active',
      handling: 'waiting',
      urgency: input.urgency,
      ...entrySearchFields(document),
    };
    entry.id = await db.registerEntries.add(entry);
    if (draft) await db.outgoingDrafts.put({ ...draft, status: 'numbered', entryId: entry.id, numberedAt: at });
    await appendJournal(db, {
      at,
      actor,
      action: 'entry.registered',
      subject: `${registerId}/${number}`,
      payload: { entryId: entry.id, documentId: document.id, number, codeNotation: document.codeNotation, fileSha256: document.fileSha256, direction: kind, draftId: draft?.id ?? null },
    });
    return { entry, document };
  });
}

async function openOutgoing(db: AppDB, entryId: number): Promise<{ entry: RegisterEntryRecord; document: DocumentRecord }> {
  const entry = Number.isSafeInteger(entryId) ? await db.registerEntries.get(entryId) : undefined;
  const document = entry ? await db.documents.get(entry.documentId) : undefined;
  if (!entry || !document || entry.kind !== 'outgoing') throw new AppFailure('NOT_FOUND', `Không tìm thấy văn bản đi #${String(entryId)}.`);
  if (entry.status === 'cancelled') throw new AppFailure('CONFLICT', `Số ${entry.number} đã bị hủy.`);
  if (entry.issuedAt !== undefined) throw new AppFailure('CONFLICT', `Số ${entry.number} đã được phát hành.`);
  return { entry, document };
}

/** A later revision of an outgoing document: after the number and date were filled, or after the seal. */
export interface OutgoingRevision {
  entryId: number;
  stage: 'numbered' | 'sealed';
  file: { sha256: string; size: number };
  actor: string;
  at: number;
}

/**
 * Records the newest revision of the document (each signing step is an incremental update and a new blob; the
 * earlier ones stay in main's store and in the journal). Throws VALIDATION, NOT_FOUND, CONFLICT (cancelled or issued).
 */
export async function recordOutgoingRevision(db: AppDB, input: OutgoingRevision): Promise<DocumentRecord> {
  checkFile(input.file);
  return recordSignedChange(db, input, (document) => ({
    updated: { ...document, fileSha256: input.file.sha256, fileSize: input.file.size },
    payload: { stage: input.stage, fileSha256: input.file.sha256, previous: document.fileSha256 },
  }));
}

/** Records the separately signed attachments (Art. 6.2b). Throws VALIDATION, NOT_FOUND, CONFLICT. */
export async function recordOutgoingAttachments(db: AppDB, input: { entryId: number; files: string[]; actor: string; at: number }): Promise<DocumentRecord> {
  if (input.files.length === 0 || input.files.some((f) => !Sha256Hex.safeParse(f).success)) throw new AppFailure('VALIDATION', 'Danh sách tệp đính kèm không hợp lệ.');
  return recordSignedChange(db, input, (document) => ({
    updated: { ...document, attachmentSha256s: [...input.files] },
    payload: { stage: 'attachments', files: input.files },
  }));
}

/**
 * One signing step on an open outgoing document: the changed document and its `entry.signed` journal line (with
 * the entryId the search cache follows) in one transaction. Throws VALIDATION (time), NOT_FOUND, CONFLICT.
 */
async function recordSignedChange(
  db: AppDB,
  input: { entryId: number; actor: string; at: number },
  change: (document: DocumentRecord) => { updated: DocumentRecord; payload: Record<string, unknown> },
): Promise<DocumentRecord> {
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm không hợp lệ.');
  return db.transaction('rw', [db.registerEntries, db.documents, db.journal], async () => {
    const { entry, document } = await openOutgoing(db, input.entryId);
    const { updated, payload } = change(document);
    await db.documents.put(updated);
    await appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: 'entry.signed',
      subject: `${entry.registerId}/${entry.number}`,
      payload: { entryId: entry.id, ...payload },
    });
    return updated;
  });
}

/** "Phát hành" (Art. 11.1d): marks the entry issued. Throws NOT_FOUND, CONFLICT (cancelled or already issued). */
export async function markOutgoingIssued(db: AppDB, input: { entryId: number; actor: string; at: number }): Promise<RegisterEntryRecord> {
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm phát hành không hợp lệ.');
  return db.transaction('rw', [db.registerEntries, db.documents, db.journal], async () => {
    const { entry, document } = await openOutgoing(db, input.entryId);
    const updated: RegisterEntryRecord = { ...entry, issuedAt: input.at };
    await db.registerEntries.put(updated);
    await appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: 'entry.issued',
      subject: `${entry.registerId}/${entry.number}`,
      payload: { entryId: entry.id, fileSha256: document.fileSha256, attachments: document.attachmentSha256s ?? [] },
    });
    return updated;
  });
}

/**
 * Art. 11.1đ: the clerk confirms that the personally signed version of a type Art. 8.3 also sends on paper was
 * printed (for the seal and the paper copy). Only the journal changes: an `entry.paperPrinted` line naming the
 * entryId and the printed file. Throws VALIDATION, NOT_FOUND, CONFLICT (cancelled entry).
 */
export async function recordPaperPrinted(db: AppDB, input: { entryId: number; fileSha256: string; actor: string; at: number }): Promise<void> {
  if (!Sha256Hex.safeParse(input.fileSha256).success) throw new AppFailure('VALIDATION', 'Mã băm SHA-256 của tệp không hợp lệ.');
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm không hợp lệ.');
  await db.transaction('rw', [db.registerEntries, db.documents, db.journal], async () => {
    const entry = Number.isSafeInteger(input.entryId) ? await db.registerEntries.get(input.entryId) : undefined;
    if (!entry || entry.kind !== 'outgoing') throw new AppFailure('NOT_FOUND', `Không tìm thấy văn bản đi #${String(input.entryId)}.`);
    if (entry.status === 'cancelled') throw new AppFailure('CONFLICT', `Số ${entry.number} đã bị hủy.`);
    await appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: 'entry.paperPrinted',
      subject: `${entry.registerId}/${entry.number}`,
      payload: { entryId: entry.id, fileSha256: input.fileSha256 },
    });
  });
}
