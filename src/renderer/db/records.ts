/**
 * The records kept in the renderer's Dexie database (house rule 12; architecture.md: the renderer owns documents,
 * registers, the audit journal and the search index). Bytes are never stored here: a document refers to its file in
 * main's content-addressed store by SHA-256.
 */
import type { RegisterKind } from '../../shared/api/schemas';
import type { DocumentTypeId } from '../../shared/domain/document-types';
import type { ReceiptRule } from '../../shared/domain/receipt-time';
import type { Role } from '../../shared/domain/roles';
import type { Confidentiality, Urgency } from '../../shared/domain/urgency';

export type { RegisterKind };

/** One document, incoming or outgoing (NĐ 30 Phụ lục IV/VI fields). */
export interface DocumentRecord {
  id: string;
  direction: 'incoming' | 'outgoing';
  typeId: DocumentTypeId;
  /** Số, ký hiệu as written on the document, e.g. '12/QĐ-UBND'. */
  codeNotation: string;
  /** Cơ quan ban hành. */
  issuer: string;
  /** Ngày tháng văn bản, 'yyyy-MM-dd'. */
  documentDate: string;
  /** Trích yếu. */
  abstract: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** Hạn giải quyết, 'yyyy-MM-dd'. */
  dueDate?: string;
  /** Đơn vị hoặc người nhận. */
  recipient?: string;
  note?: string;
  pageCount?: number;
  /**
   * Incoming: text recognized by OCR on the scanned original (issue 9), kept beside it, never in it, and searched
   * with the register (db/ocr-index.ts). NFC, at most MAX_OCR_TEXT_LENGTH (20,000) characters, cut at a
   * whitespace when longer (search-index.ts boundOcrText).
   */
  ocrText?: string;
  /** Người ký (outgoing, Phụ lục IV): the personal signer named by the signature. */
  signer?: string;
  /** Outgoing: the separate attachments, each signed with the organization key (Art. 6.2b). */
  attachmentSha256s?: string[];
  /** SHA-256 (lower-case hex) of the file in main's store. Outgoing: the latest revision (personal → numbered → sealed). */
  fileSha256: string;
  fileSize: number;
  createdAt: number;
  createdBy: string;
}

/** A register (sổ đăng ký) of one kind and one calendar year (NĐ 30 Art. 15.1, 22.2). */
export interface RegisterRecord {
  /** `${kind}-${year}`, e.g. 'incoming-2026'. */
  id: string;
  kind: RegisterKind;
  year: number;
}

/** Whether an entry is still valid (Art. 9.4/9.5: a cancelled entry keeps its number and stays visible). */
export type EntryStatus = 'active' | 'cancelled';
/** Art. 9.1: the clerk passes a registered document to the leader. */
export type EntryHandling = 'waiting' | 'transferred';

/** One numbered line of a register. */
export interface RegisterEntryRecord {
  /** Auto-increment primary key. */
  id?: number;
  registerId: string;
  kind: RegisterKind;
  year: number;
  /** Số đến / số đi: unique in its register, never reused (Art. 9.4). */
  number: number;
  documentId: string;
  /** When the document reached the workstation (epoch ms). */
  arrivedAt: number;
  /** Legal time of receipt (Art. 10.5), epoch ms. */
  legalReceiptAt: number;
  receiptRule: ReceiptRule;
  status: EntryStatus;
  handling: EntryHandling;
  transferredAt?: number;
  transferredTo?: string;
  cancelledAt?: number;
  cancelReason?: string;
  cancelledBy?: string;
  /** Outgoing: when the clerk issued the sealed, self-verified document (Art. 11.1d). */
  issuedAt?: number;
  urgency: Urgency;
  /** foldVietnamese(issuer): the sender filter's key. */
  issuerFolded: string;
  /** Folded text of every searchable field (Phụ lục VI Phần I III: search all fields). */
  searchText: string;
  /** searchTokens(searchText): the multiEntry index behind the text search. */
  searchTokens: string[];
  /**
   * `${codeNotationKey}|${issuerKey}` (shared/domain/numbering): finds an earlier registration of the same số/ký
   * hiệu from the same issuer through an index instead of a scan. Written by every registration.
   */
  registrationKey?: string;
}

/** The OCR tokens of one register entry (db/ocr-index.ts): what the full scan matches and the index is built from. */
export interface OcrTokensRecord {
  /** Primary key: the register entry. */
  entryId: number;
  documentId: string;
  /** search-index.ts joinOcrTokens(ocrSearchTokens(document.ocrText)): ' tok1 tok2 …'. */
  tokens: string;
}

/** One posting list of the OCR inverted index: the entries whose OCR text has `token` (exactly one of ids, bits). */
export interface OcrPostingRecord {
  /** Primary key: a folded OCR token. */
  token: string;
  /** Number of entries in the list. */
  count: number;
  /** Sorted ascending entry ids (a short list). */
  ids?: Int32Array<ArrayBuffer>;
  /** Bitmap over entry ids, bit `id` of word `id >>> 5` (a long list). */
  bits?: Uint32Array<ArrayBuffer>;
}

/**
 * A persisted copy of the register search cache (queries/search-cache.ts) as of journal `seq` and entry id
 * `maxId`: packed columns, so signing in reads a few large values instead of every entry. A checkpoint, never the
 * truth: the cache catches up from it by the entries above maxId and the journal lines above seq.
 */
export interface SearchSnapshotRecord {
  /** 'register'. */
  id: string;
  /** Layout version of the columns; another value is ignored and rebuilt. */
  format: number;
  maxId: number;
  seq: number;
  /** Number of entries (slots). */
  size: number;
  ids: Int32Array<ArrayBuffer>;
  year: Int32Array<ArrayBuffer>;
  num: Int32Array<ArrayBuffer>;
  /** Per slot: index into `labels` of kind, urgency, status, handling and the folded issuer. */
  kind: Uint16Array<ArrayBuffer>;
  urgency: Uint16Array<ArrayBuffer>;
  status: Uint16Array<ArrayBuffer>;
  handling: Uint16Array<ArrayBuffer>;
  issuer: Int32Array<ArrayBuffer>;
  labels: string[];
  /** Folded field texts of all slots joined with '\n' (folded text never has one). */
  text: string;
  /** Slots in register order. */
  order: Int32Array<ArrayBuffer>;
  /** Sorted field tokens joined with '\n', and per token its slots: postings[offsets[i] … offsets[i + 1]). */
  words: string;
  offsets: Int32Array<ArrayBuffer>;
  postings: Int32Array<ArrayBuffer>;
}

/** Whether a personally signed draft still waits for the clerk's number (Art. 11.1b → 11.1c). */
export type OutgoingDraftStatus = 'waiting-number' | 'numbered';

/**
 * A draft the authorized person has signed (Art. 11 step 2), handed to the clerk through the database: the clerk's
 * signing screen lists the waiting ones and continues at "Cấp số". The file stays in main's store (by SHA-256).
 */
export interface OutgoingDraftRecord {
  id: string;
  status: OutgoingDraftStatus;
  /** The personally signed revision. */
  fileSha256: string;
  fileSize: number;
  /** The name of the draft file as chosen in step 1. */
  fileName: string;
  /** Người ký, from the personal signature. */
  signer: string;
  /** Register data entered in step 1, used when the number is taken. */
  typeId: DocumentTypeId;
  notation: string;
  abstract: string;
  recipient: string;
  urgency: Urgency;
  createdAt: number;
  createdBy: string;
  /** Set in the transaction that took the number. */
  entryId?: number;
  numberedAt?: number;
}

/** A user account (Art. 3.7: a user name and a password). The password itself is never stored. */
export interface AccountRecord {
  id: string;
  /** Lower-case, unique. */
  username: string;
  fullName: string;
  role: Role;
  /** The hash main produced (auth.hashPassword); never the password. */
  passwordHash: string;
  createdAt: number;
  disabled: boolean;
}

/** One line of the hash-chained audit journal (Art. 3.3 integrity). */
export interface JournalRecord {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  /** Canonical JSON of the payload. */
  payload: string;
  /** Hash of the previous line; 64 zeros for the first. */
  prevHash: string;
  /** SHA-256 (hex) of the canonical serialisation of the fields above. */
  hash: string;
}

/** A register entry joined with its document, for display. */
export interface RegisterRow {
  entry: RegisterEntryRecord;
  document: DocumentRecord;
}
