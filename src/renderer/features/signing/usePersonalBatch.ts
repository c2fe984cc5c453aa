/**
 * "Ký duyệt nhiều văn bản": the leader signs several drafts personally with ONE PIN entry (Art. 11.1b; issue 3,
 * "batch"). Files pass the registration form's pre-checks (0 bytes, > 100 MB, not PDF) before upload; main signs
 * them as one job (`signing.personalBatch`, `job.progress`, `jobs.cancel`). Every signed result is saved as an
 * outgoing draft "Chờ cấp số" (db/outgoing-drafts.ts) so the clerk continues it at Cấp số. A cancel is not atomic:
 * what main signed before the cancel (CANCELLED `details.signed`) is saved too, the rest stays unsigned.
 */
import { useState } from 'react';
import type { StoredFile } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/result';
import type { KeyChoice } from '../../../shared/api/signing-schemas';
import { checkOutgoingForm, type OutgoingForm } from '../../db/outgoing';
import { saveSignedDraft } from '../../db/outgoing-drafts';
import { errorText, errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { bytesToBase64 } from '../../lib/base64';
import { useDeps } from '../../stores/AppContext';
import { precheckFile } from '../registration/file-checks';
import { failureText } from './useSigningFlow';

const t = vi.signingBatch;

export type BatchForm = Omit<OutgoingForm, 'abstract'>;

export interface BatchItem {
  /** The draft in main's store (its SHA-256 is also the item's key). */
  sha256: string;
  size: number;
  name: string;
  /** Trích yếu of this draft; the other register data is shared by the batch. */
  abstract: string;
  state: 'unsigned' | 'saved';
}

export interface PersonalBatch {
  items: BatchItem[];
  form: BatchForm;
  /** Files refused by the pre-checks, with the reason. */
  refused: string[];
  busy: boolean;
  error: string | null;
  /** A one-line outcome of the last signing ("đã ký 3 văn bản…"). */
  notice: string | null;
  jobId: string | null;
  setForm(patch: Partial<BatchForm>): void;
  setAbstract(sha256: string, abstract: string): void;
  remove(sha256: string): void;
  addFiles(files: File[]): Promise<void>;
  sign(key: KeyChoice, pin: string): Promise<void>;
  cancel(): Promise<void>;
}

/** The trích yếu a file name suggests: without ".pdf", dashes and underscores as spaces. */
export function abstractFromName(name: string): string {
  return name.replace(/\.pdf$/i, '').replace(/[_-]+/g, ' ').trim();
}

/** Files a CANCELLED (or later failure) answer says were signed before it, when it says so. */
export function signedBefore(error: AppError): StoredFile[] {
  const signed = error.details?.signed;
  if (!Array.isArray(signed)) return [];
  return signed.filter((s): s is StoredFile => typeof s === 'object' && s !== null && typeof (s as StoredFile).sha256 === 'string' && typeof (s as StoredFile).size === 'number');
}

export function usePersonalBatch(actor: string, onTokenError: () => void): PersonalBatch {
  const { api, db, now, newId } = useDeps();
  const [items, setItems] = useState<BatchItem[]>([]);
  const [form, setFormState] = useState<BatchForm>({ typeId: 'quyet-dinh', notation: '', recipient: '', urgency: 'thuong' });
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const addFiles = async (files: File[]) => {
    setBusy(true);
    setError(null);
    const problems: string[] = [];
    try {
      for (const file of files) {
        const problem = await precheckFile(file);
        if (problem !== null) {
          problems.push(t.refusedFile(file.name, errorText(problem)));
          continue;
        }
        const r = await api.invoke('files.put', { mediaType: 'application/pdf', dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
        if (!r.ok) {
          problems.push(t.refusedFile(file.name, errorText(r.error.code)));
          continue;
        }
        const item: BatchItem = { sha256: r.value.sha256, size: r.value.size, name: file.name, abstract: abstractFromName(file.name), state: 'unsigned' };
        setItems((list) => (list.some((x) => x.sha256 === item.sha256 && x.state === 'unsigned') ? list : [...list, item]));
      }
    } catch (cause) {
      console.error('[signing] batch upload', cause);
      setError(errorTextOf(cause));
    } finally {
      setRefused(problems);
      setBusy(false);
    }
  };

  /** Art. 11.1b: each signed draft waits for the clerk as "Chờ cấp số", with the signer main verified. */
  const saveSigned = async (pending: BatchItem[], signed: StoredFile[]): Promise<number> => {
    let saved = 0;
    for (const [i, file] of signed.entries()) {
      const item = pending[i];
      if (!item) break;
      const v = await api.invoke('verify.file', { file: file.sha256 });
      const signer = (v.ok ? v.value.signatures[0]?.signer : null) ?? vi.common.none;
      await saveSignedDraft(db, { form: { ...form, abstract: item.abstract }, file: { sha256: file.sha256, size: file.size }, fileName: item.name, signer, actor, at: now().getTime(), newId });
      setItems((list) => list.map((x) => (x.sha256 === item.sha256 ? { ...x, state: 'saved' } : x)));
      saved += 1;
    }
    return saved;
  };

  const sign = async (key: KeyChoice, pin: string) => {
    const pending = items.filter((x) => x.state === 'unsigned');
    if (pending.length === 0) return;
    setError(null);
    setNotice(null);
    try {
      // The register data is checked before anyone signs: a bad ký hiệu must not leave signed files behind.
      for (const item of pending) checkOutgoingForm({ ...form, abstract: item.abstract });
    } catch (cause) {
      setError(`${errorTextOf(cause)} ${t.formProblem}`);
      return;
    }
    const id = newId();
    setBusy(true);
    setJobId(id);
    try {
      const r = await api.invoke('signing.personalBatch', { files: pending.map((x) => x.sha256), key, pin, jobId: id });
      if (r.ok) {
        setNotice(t.allSaved(await saveSigned(pending, r.value)));
        return;
      }
      // Not atomic: files main signed before a cancel or a failure are kept and handed to the clerk as well.
      const saved = await saveSigned(pending, signedBefore(r.error));
      if (r.error.code === 'CANCELLED') setNotice(t.cancelled(saved, pending.length));
      else {
        setError(saved > 0 ? `${failureText(r.error)} ${t.partlySaved(saved, pending.length)}` : failureText(r.error));
        onTokenError();
      }
    } catch (cause) {
      console.error('[signing] batch', cause);
      setError(errorTextOf(cause));
    } finally {
      setJobId(null);
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (jobId !== null) await api.invoke('jobs.cancel', { jobId });
  };

  return {
    items,
    form,
    refused,
    busy,
    error,
    notice,
    jobId,
    setForm: (patch) => setFormState((f) => ({ ...f, ...patch })),
    setAbstract: (sha256, abstract) => setItems((list) => list.map((x) => (x.sha256 === sha256 ? { ...x, abstract } : x))),
    remove: (sha256) => setItems((list) => list.filter((x) => x.sha256 !== sha256 || x.state !== 'unsigned')),
    addFiles,
    sign,
    cancel,
  };
}
