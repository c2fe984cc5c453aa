/**
 * Handing the personally signed draft from the authorized person to the clerk without passing files around
 * (Art. 11.1b): after "Ký duyệt" the signed revision is saved here as an outgoing draft "Chờ cấp số", with the
 * signer, the file's SHA-256 and the register data of step 1, in ONE transaction with its journal line. The clerk's
 * signing screen lists the waiting drafts and continues at "Cấp số"; takeOutgoingNumber (db/outgoing.ts) marks the
 * draft numbered in the transaction that takes the number.
 *
 * Journal lines here are `draft.*`, not `entry.*`: a draft is not a register entry, so the register search cache
 * (queries/search-cache.ts) has nothing to refresh for them.
 */
import { AppFailure } from '../../shared/api/result';
import type { AppDB } from './db';
import { appendJournal } from './journal';
import { checkFile, checkOutgoingForm, type OutgoingForm } from './outgoing';
import type { OutgoingDraftRecord } from './records';

/** What "Ký duyệt" leaves for the clerk. */
export interface SignedDraft {
  form: OutgoingForm;
  /** The personally signed revision in main's store. */
  file: { sha256: string; size: number };
  fileName: string;
  signer: string;
  actor: string;
  at: number;
  newId: () => string;
}

/**
 * Saves a personally signed draft as "Chờ cấp số" and journals `draft.signed` (signer, file hash) in the same
 * transaction. Throws AppFailure VALIDATION for bad input (nothing written).
 */
export async function saveSignedDraft(db: AppDB, input: SignedDraft): Promise<OutgoingDraftRecord> {
  checkOutgoingForm(input.form);
  checkFile(input.file);
  if (typeof input.signer !== 'string' || input.signer.trim() === '') throw new AppFailure('VALIDATION', 'Thiếu tên người ký duyệt.');
  if (typeof input.actor !== 'string' || input.actor.trim() === '') throw new AppFailure('VALIDATION', 'Thiếu người thực hiện.');
  if (!Number.isSafeInteger(input.at)) throw new AppFailure('VALIDATION', 'Thời điểm không hợp lệ.');
  const record: OutgoingDraftRecord = {
    id: input.newId(),
    status: 'waiting-number',
    fileSha256: input.file.sha256,
    fileSize: input.file.size,
    fileName: typeof input.fileName === 'string' ? input.fileName.slice(0, 255) : '',
    signer: input.signer.trim(),
    typeId: input.form.typeId,
    notation: input.form.notation.normalize('NFC').trim(),
    abstract: input.form.abstract.trim(),
    recipient: input.form.recipient.trim(),
    urgency: input.form.urgency,
    createdAt: input.at,
    createdBy: input.actor.trim(),
  };
  return db.transaction('rw', [db.outgoingDrafts, db.journal], async () => {
    await db.outgoingDrafts.add(record);
    await appendJournal(db, {
      at: input.at,
      actor: record.createdBy,
      action: 'draft.signed',
      subject: `draft/${record.id}`,
      payload: { draftId: record.id, status: record.status, signer: record.signer, fileSha256: record.fileSha256, notation: record.notation },
    });
    return record;
  });
}

/** The drafts still waiting for a number, oldest first. */
export function listWaitingDrafts(db: AppDB): Promise<OutgoingDraftRecord[]> {
  return db.outgoingDrafts.where('[status+createdAt]').between(['waiting-number', -Infinity], ['waiting-number', Infinity], true, true).toArray();
}
