/**
 * The actions of the "Ký số và phát hành" screen: each calls main (files.put, signing.*, verify.file, jobs.cancel)
 * or the outgoing register (db/outgoing.ts) and feeds the pure reducer of flow-state.ts. Errors become one
 * Vietnamese message from the AppErrorCode (house rule 6), with the PIN state added after a wrong PIN.
 */
import { useCallback, useReducer, useState, type Dispatch } from 'react';
import type { Result } from '../../../shared/api/result';
import type { KeyChoice, PinStateValue, PrepareRequest, SignedFile } from '../../../shared/api/signing-schemas';
import { issueAcceptance } from '../../../shared/domain/verification-acceptance';
import { formatDocumentNumber } from '../../../shared/domain/code-notation';
import { localIsoDate } from '../../../shared/util/time';
import { checkOutgoingForm, markOutgoingIssued, recordOutgoingAttachments, recordOutgoingRevision, takeOutgoingNumber } from '../../db/outgoing';
import { saveSignedDraft } from '../../db/outgoing-drafts';
import type { OutgoingDraftRecord } from '../../db/records';
import { errorText, errorTextOf } from '../../i18n/messages';
import { PIN_STATE_MESSAGES, vi } from '../../i18n/vi';
import { bytesToBase64 } from '../../lib/base64';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { precheckFile } from '../registration/file-checks';
import { flowReducer, initialFlow, sealAllowedOn, type FlowAction, type FlowState, type StoredRef } from './flow-state';

const t = vi.signing;
const PIN_STATES: readonly PinStateValue[] = ['ok', 'count-low', 'final-try', 'locked'];

/** The message of a failed call: the code's text, plus the PIN state a wrong PIN left behind. */
export function failureText(error: { code: Parameters<typeof errorText>[0]; details?: Record<string, unknown> }): string {
  const base = errorText(error.code);
  const state = error.details?.pinState;
  if ((error.code === 'PIN_INCORRECT' || error.code === 'PIN_LOCKED') && PIN_STATES.includes(state as PinStateValue) && state !== 'ok') {
    return `${base} ${PIN_STATE_MESSAGES[state as PinStateValue]}`;
  }
  return base;
}

class CallFailed extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new CallFailed(failureText(r.error));
  return r.value;
}

export interface SigningFlow {
  state: FlowState;
  busy: boolean;
  error: string | null;
  /** "chưa kiểm tra được tình trạng thu hồi" after an offline signature or self-verification (issue 6 item 8). */
  warning: string | null;
  jobId: string | null;
  /** The newest revision, shown in the preview. */
  current: StoredRef | null;
  today: string;
  dispatch: Dispatch<FlowAction>;
  acceptDraft(file: File): Promise<void>;
  /** Step 1: the empty number/date fields where the clerk put them, or auto-placed when `placement` is undefined. */
  placeFields(placement: PrepareRequest['placement']): Promise<void>;
  /** Step 1 done: the register data is checked before anyone signs. */
  proceed(): Promise<void>;
  /** Continue a draft the leader signed (Chờ cấp số) at step 3. */
  resumeDraft(draft: OutgoingDraftRecord): void;
  signPersonal(key: KeyChoice, pin: string): Promise<void>;
  takeNumber(): Promise<void>;
  fillNumber(): Promise<void>;
  seal(key: KeyChoice, pin: string): Promise<void>;
  addAttachment(file: File): Promise<void>;
  signAttachments(key: KeyChoice, pin: string): Promise<void>;
  cancelAttachments(): Promise<void>;
  selfVerify(): Promise<void>;
  issue(): Promise<void>;
}

export function useSigningFlow(actor: string, onTokenError: () => void): SigningFlow {
  const { api, db, now, newId } = useDeps();
  const unitName = useAppStore((s) => s.settings?.unitName ?? '');
  const [state, dispatch] = useReducer(flowReducer, undefined, initialFlow);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const noteWarnings = (files: SignedFile[]): void => {
    if (files.some((f) => (f.warnings ?? []).length > 0)) setWarning(t.revocationUnchecked);
  };
  const [jobId, setJobId] = useState<string | null>(null);
  const today = localIsoDate(now());

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (cause) {
        if (!(cause instanceof CallFailed)) console.error('[signing]', cause);
        setError(cause instanceof CallFailed ? cause.text : errorTextOf(cause));
        onTokenError();
      } finally {
        setBusy(false);
      }
    },
    [onTokenError],
  );

  const upload = async (file: File): Promise<StoredRef> => {
    const problem = await precheckFile(file);
    if (problem !== null) throw new CallFailed(errorText(problem));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = valueOf(await api.invoke('files.put', { mediaType: 'application/pdf', dataBase64: bytesToBase64(bytes) }));
    return { sha256: stored.sha256, size: stored.size };
  };

  const acceptDraft = (file: File) =>
    run(async () => {
      const stored = await upload(file);
      dispatch({ type: 'draft', draft: { ...stored, name: file.name } });
      // A file the leader already signed (handed to the clerk, Art. 11.1b) goes straight to "Cấp số".
      const v = valueOf(await api.invoke('verify.file', { file: stored.sha256 }));
      const only = v.signatures.length === 1 ? v.signatures[0] : undefined;
      if (only && only.coversWholeFile && (v.verdict === 'valid' || v.verdict === 'unknown') && only.verdict !== 'invalid') {
        dispatch({ type: 'personal', file: stored, signer: only.signer ?? '' });
      }
    });

  const placeFields = (placement: PrepareRequest['placement']) =>
    run(async () => {
      if (!state.draft || state.fieldsPlaced) return;
      const prepared = valueOf(await api.invoke('signing.prepare', placement ? { file: state.draft.sha256, placement } : { file: state.draft.sha256 }));
      dispatch({ type: 'fieldsPlaced', file: { sha256: prepared.sha256, size: prepared.size } });
    });

  const proceed = () =>
    run(async () => {
      checkOutgoingForm(state.form);
      dispatch({ type: 'prepared' });
    });

  const resumeDraft = (d: OutgoingDraftRecord) => {
    setError(null);
    const form = { typeId: d.typeId, notation: d.notation, abstract: d.abstract, recipient: d.recipient, urgency: d.urgency };
    dispatch({ type: 'resume', draftId: d.id, draft: { sha256: d.fileSha256, size: d.fileSize, name: d.fileName }, form, signer: d.signer });
  };

  const signPersonal = (key: KeyChoice, pin: string) =>
    run(async () => {
      if (!state.draft) return;
      const source = state.fieldsPlaced ?? state.draft;
      const signed = valueOf(await api.invoke('signing.personal', { file: source.sha256, key, pin }));
      noteWarnings([signed]);
      const v = valueOf(await api.invoke('verify.file', { file: signed.sha256 }));
      const file = { sha256: signed.sha256, size: signed.size };
      const signer = v.signatures[0]?.signer ?? '';
      // Art. 11.1b: the signed draft waits for the clerk's number in the database ("Chờ cấp số"), journaled.
      const saved = await saveSignedDraft(db, { form: state.form, file, fileName: state.draft.name, signer: signer || vi.common.none, actor, at: now().getTime(), newId });
      dispatch({ type: 'personal', file, signer });
      dispatch({ type: 'draftSaved', draftId: saved.id });
    });

  const fillWith = async (entry: NonNullable<FlowState['entry']>, personal: StoredRef): Promise<void> => {
    const numbered = valueOf(await api.invoke('signing.fillNumber', { file: personal.sha256, number: formatDocumentNumber(entry.number), date: entry.date }));
    noteWarnings([numbered]);
    const file = { sha256: numbered.sha256, size: numbered.size };
    await recordOutgoingRevision(db, { entryId: entry.entryId, stage: 'numbered', file, actor, at: now().getTime() });
    dispatch({ type: 'numbered', file });
  };

  const takeNumber = () =>
    run(async () => {
      if (!state.personal || state.entry) return;
      // Art. 11.1c: the number comes from the outgoing register, taken with its entry in one transaction.
      const { entry, document } = await takeOutgoingNumber(db, {
        ...state.form,
        signer: state.personal.signer,
        issuer: unitName,
        file: state.personal,
        at: now(),
        actor,
        newId,
        ...(state.draftId !== null ? { draftId: state.draftId } : {}),
      });
      const taken = { entryId: entry.id as number, number: entry.number, codeNotation: document.codeNotation, date: document.documentDate };
      dispatch({ type: 'entry', entry: taken });
      await fillWith(taken, state.personal);
    });

  const fillNumber = () =>
    run(async () => {
      if (state.entry && state.personal) await fillWith(state.entry, state.personal);
    });

  const seal = (key: KeyChoice, pin: string) =>
    run(async () => {
      if (!state.numbered || !state.entry) return;
      if (!sealAllowedOn(state.entry.date, localIsoDate(now()))) throw new CallFailed(t.sealWrongDay(state.entry.date));
      const sealed = valueOf(await api.invoke('signing.organization', { file: state.numbered.sha256, key, pin }));
      noteWarnings([sealed]);
      const file = { sha256: sealed.sha256, size: sealed.size };
      await recordOutgoingRevision(db, { entryId: state.entry.entryId, stage: 'sealed', file, actor, at: now().getTime() });
      dispatch({ type: 'sealed', file });
    });

  const addAttachment = (file: File) =>
    run(async () => {
      const stored = await upload(file);
      dispatch({ type: 'attachmentAdded', attachment: { ...stored, name: file.name } });
    });

  const signAttachments = (key: KeyChoice, pin: string) =>
    run(async () => {
      const unsigned = state.attachments.filter((a) => a.signed === null);
      if (!state.entry || unsigned.length === 0) return;
      const id = newId();
      setJobId(id);
      try {
        const signed = valueOf(
          await api.invoke('signing.attachments', { files: unsigned.map((a) => a.sha256), firstLine: t.attachmentLine(state.entry.codeNotation), key, pin, jobId: id }),
        );
        noteWarnings(signed);
        const refs = signed.map((s) => ({ sha256: s.sha256, size: s.size }));
        const all = [...state.attachments.flatMap((a) => (a.signed ? [a.signed.sha256] : [])), ...refs.map((r) => r.sha256)];
        await recordOutgoingAttachments(db, { entryId: state.entry.entryId, files: all, actor, at: now().getTime() });
        dispatch({ type: 'attachmentsSigned', signed: refs });
      } finally {
        setJobId(null);
      }
    });

  const cancelAttachments = async () => {
    if (jobId !== null) await api.invoke('jobs.cancel', { jobId });
  };

  const selfVerify = () =>
    run(async () => {
      if (!state.sealed) return;
      const main = valueOf(await api.invoke('verify.file', { file: state.sealed.sha256 }));
      const summaries = [main];
      for (const a of state.attachments) summaries.push(valueOf(await api.invoke('verify.file', { file: a.signed?.sha256 ?? a.sha256 })));
      const acceptance = summaries.map(issueAcceptance);
      // Offline (issue 6 item 8): acceptable with the warning only when nothing is refused for another reason.
      const revocationUnchecked = !acceptance.includes('refused') && acceptance.includes('offline');
      if (revocationUnchecked) setWarning(t.revocationUnchecked);
      dispatch({ type: 'verified', main: main.verdict, attachments: summaries.slice(1).map((s) => s.verdict), revocationUnchecked });
    });

  const issue = () =>
    run(async () => {
      if (!state.entry) return;
      await markOutgoingIssued(db, { entryId: state.entry.entryId, actor, at: now().getTime() });
      dispatch({ type: 'issued' });
    });

  const current = state.sealed ?? state.numbered ?? state.personal ?? state.fieldsPlaced ?? state.draft;
  return { state, busy, error, warning, jobId, current, today, dispatch, acceptDraft, placeFields, proceed, resumeDraft, signPersonal, takeNumber, fillNumber, seal, addAttachment, signAttachments, cancelAttachments, selfVerify, issue };
}
