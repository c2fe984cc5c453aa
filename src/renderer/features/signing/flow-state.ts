/**
 * The state of one pass through the Art. 11 issuing flow on the "Ký số và phát hành" screen, as a pure reducer:
 * 1 Chuẩn bị → 2 Ký duyệt → 3 Cấp số → 4 Ký số cơ quan → 5 tệp đính kèm → 6 tự kiểm tra, phát hành.
 * It holds references only (SHA-256 of blobs in main's store, the register entry id); the records themselves are in
 * Dexie (db/outgoing.ts). Which step is open and what still blocks "Phát hành" are derived here and unit-tested.
 */
import type { VerdictValue } from '../../../shared/api/signing-schemas';
import type { DocumentTypeId } from '../../../shared/domain/document-types';
import type { Urgency } from '../../../shared/domain/urgency';

export const STEP_IDS = ['prepare', 'personal', 'number', 'seal', 'attachments', 'verify'] as const;
export type StepId = (typeof STEP_IDS)[number];
export type StepStatus = 'done' | 'current' | 'locked';

export interface StoredRef {
  sha256: string;
  size: number;
}

export interface OutgoingForm {
  typeId: DocumentTypeId;
  notation: string;
  abstract: string;
  recipient: string;
  urgency: Urgency;
}

export interface Attachment extends StoredRef {
  name: string;
  /** The organization-signed version, once signed (Art. 6.2b). */
  signed: StoredRef | null;
}

export interface FlowState {
  draft: (StoredRef & { name: string }) | null;
  form: OutgoingForm;
  /** The draft with the empty number/date fields the clerk placed (signing.prepare); null: main places them when signing. */
  fieldsPlaced: StoredRef | null;
  prepared: boolean;
  /** The saved "Chờ cấp số" draft (db/outgoing-drafts.ts) of the personal signature, taken with the number. */
  draftId: string | null;
  personal: (StoredRef & { signer: string }) | null;
  entry: { entryId: number; number: number; codeNotation: string; date: string } | null;
  numbered: StoredRef | null;
  sealed: StoredRef | null;
  attachments: Attachment[];
  /** The clerk confirmed the attachment list (an empty list counts once confirmed). */
  attachmentsDone: boolean;
  /** Self-verification of the sealed file and of every signed attachment. */
  /** `revocationUnchecked`: every 'unknown' here is only "revocation not checked" (offline, issue 6 item 8). */
  verdicts: { main: VerdictValue; attachments: VerdictValue[]; revocationUnchecked: boolean } | null;
  issued: boolean;
}

export type FlowAction =
  | { type: 'draft'; draft: StoredRef & { name: string } }
  | { type: 'form'; patch: Partial<OutgoingForm> }
  | { type: 'fieldsPlaced'; file: StoredRef }
  | { type: 'prepared' }
  | { type: 'draftSaved'; draftId: string }
  /** The clerk continues a draft the leader signed and saved (Art. 11.1b), at "Cấp số". */
  | { type: 'resume'; draftId: string; draft: StoredRef & { name: string }; form: OutgoingForm; signer: string }
  /** A file that already carries the leader's signature (handed to the clerk, Art. 11.1b) skips step 2. */
  | { type: 'personal'; file: StoredRef; signer: string }
  | { type: 'entry'; entry: NonNullable<FlowState['entry']> }
  | { type: 'numbered'; file: StoredRef }
  | { type: 'sealed'; file: StoredRef }
  | { type: 'attachmentAdded'; attachment: Omit<Attachment, 'signed'> }
  | { type: 'attachmentRemoved'; sha256: string }
  | { type: 'attachmentsSigned'; signed: StoredRef[] }
  | { type: 'attachmentsDone' }
  | { type: 'verified'; main: VerdictValue; attachments: VerdictValue[]; revocationUnchecked?: boolean }
  | { type: 'issued' }
  | { type: 'reset' };

/** A fresh flow. */
export function initialFlow(): FlowState {
  return {
    draft: null,
    form: { typeId: 'quyet-dinh', notation: '', abstract: '', recipient: '', urgency: 'thuong' },
    fieldsPlaced: null,
    prepared: false,
    draftId: null,
    personal: null,
    entry: null,
    numbered: null,
    sealed: null,
    attachments: [],
    attachmentsDone: false,
    verdicts: null,
    issued: false,
  };
}

/** The reducer. Actions out of order (a seal before a number) are ignored: the screen never offers them. */
export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'draft':
      return state.personal ? state : { ...state, draft: action.draft, fieldsPlaced: null, prepared: false };
    case 'form':
      return state.entry ? state : { ...state, form: { ...state.form, ...action.patch } };
    case 'fieldsPlaced':
      return state.draft && !state.prepared ? { ...state, fieldsPlaced: action.file } : state;
    case 'prepared':
      return state.draft ? { ...state, prepared: true } : state;
    case 'draftSaved':
      return state.personal && !state.entry ? { ...state, draftId: action.draftId } : state;
    case 'resume':
      if (state.personal) return state;
      return { ...initialFlow(), draft: action.draft, form: action.form, prepared: true, draftId: action.draftId, personal: { ...action.draft, signer: action.signer } };
    case 'personal':
      return state.draft && !state.entry ? { ...state, prepared: true, personal: { ...action.file, signer: action.signer } } : state;
    case 'entry':
      return state.personal && !state.entry ? { ...state, entry: action.entry } : state;
    case 'numbered':
      return state.entry && !state.sealed ? { ...state, numbered: action.file } : state;
    case 'sealed':
      return state.numbered && !state.issued ? { ...state, sealed: action.file, verdicts: null } : state;
    case 'attachmentAdded':
      if (state.attachmentsDone || state.attachments.some((a) => a.sha256 === action.attachment.sha256)) return state;
      return { ...state, attachments: [...state.attachments, { ...action.attachment, signed: null }] };
    case 'attachmentRemoved':
      return state.attachmentsDone ? state : { ...state, attachments: state.attachments.filter((a) => a.sha256 !== action.sha256) };
    case 'attachmentsSigned': {
      const unsigned = state.attachments.filter((a) => a.signed === null);
      if (action.signed.length !== unsigned.length) return state;
      let i = 0;
      return { ...state, attachments: state.attachments.map((a) => (a.signed ? a : { ...a, signed: action.signed[i++] ?? null })) };
    }
    case 'attachmentsDone':
      return state.sealed && state.attachments.every((a) => a.signed) ? { ...state, attachmentsDone: true, verdicts: null } : state;
    case 'verified':
      return state.sealed ? { ...state, verdicts: { main: action.main, attachments: action.attachments, revocationUnchecked: action.revocationUnchecked === true } } : state;
    case 'issued':
      return issueBlockers(state).length === 0 ? { ...state, issued: true } : state;
    case 'reset':
      return initialFlow();
  }
}

/** The step the screen opens. */
export function currentStep(state: FlowState): StepId {
  if (!state.prepared) return 'prepare';
  if (!state.personal) return 'personal';
  if (!state.numbered) return 'number';
  if (!state.sealed) return 'seal';
  if (!state.attachmentsDone) return 'attachments';
  return 'verify';
}

/** Done, current or locked, for every step. */
export function stepStatuses(state: FlowState): Record<StepId, StepStatus> {
  const current = STEP_IDS.indexOf(currentStep(state));
  const out = {} as Record<StepId, StepStatus>;
  STEP_IDS.forEach((id, i) => {
    out[id] = state.issued || i < current ? 'done' : i === current ? 'current' : 'locked';
  });
  return out;
}

export type IssueBlocker = 'notSealed' | 'attachmentsUnsigned' | 'notVerified' | 'verdictBad';

const ACCEPTABLE: readonly VerdictValue[] = ['valid', 'valid-with-allowed-changes'];

/** What still stops "Phát hành" (Art. 6.2b attachments, Art. 11 step 6 self-verification). Empty = may issue. */
export function issueBlockers(state: FlowState): IssueBlocker[] {
  const out: IssueBlocker[] = [];
  if (!state.sealed) out.push('notSealed');
  if (!state.attachmentsDone || state.attachments.some((a) => a.signed === null)) out.push('attachmentsUnsigned');
  if (state.verdicts === null) out.push('notVerified');
  else {
    // Offline: issued with the warning when the only doubt is revocation; never for invalid or any other doubt.
    const offline = state.verdicts.revocationUnchecked;
    const ok = (v: VerdictValue) => ACCEPTABLE.includes(v) || (offline && v === 'unknown');
    if (!ok(state.verdicts.main) || !state.verdicts.attachments.every(ok)) out.push('verdictBad');
  }
  return out;
}

/** Art. 11.2: the organization signature only on the issuing date written on the document. */
export function sealAllowedOn(entryDate: string | undefined, today: string): boolean {
  return entryDate !== undefined && entryDate === today;
}
