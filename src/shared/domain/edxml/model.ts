/**
 * The edXML package model of QCVN 102:2016 as Văn thư số reads and writes it (standards.md §1). One model
 * serves both directions: the parser fills it tolerantly from what real axes relay (§1.8), the builder writes
 * it strictly in the canonical order of §1.2 after `validateEdoc` / `validateStatus` found no problem.
 *
 * Conventions: dates are ISO `yyyy-MM-dd` (the wire uses `yyyy/MM/dd`; `yyyy-MM-dd` and `dd/MM/yyyy` are read
 * too), null when absent or unreadable (the parser then adds a warning); timestamps are Vietnam local time
 * `yyyy-MM-ddTHH:mm:ss` without zone (§1.6: "no zone; Vietnam local time"). Optional free-text fields are
 * absent rather than empty. Numbers the sources disagree on (`Type`, `Priority`, `SteeringType` …) are kept as
 * read (standards.md §7.1: value lists unconfirmed, never reject on them).
 */

/** The package namespace (standards.md §0.1, §1.1); elements are matched by this URI + local name. */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** The prefix the axis expects on everything inside the envelope (§1.8 "Sending"). */
export const EDXML_PREFIX = 'edXML';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** `From` / `To` / organisation group (§1.2, 1.1–1.2). */
export interface Organization {
  /** Mã định danh, QCVN 102 form (§3); on receipt anything, with a warning when outside the patterns. */
  organId: string;
  organizationInCharge?: string;
  organName?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

/** Số and ký hiệu, kept apart as on the wire (§1.2, 1.3): the full form is `codeNumber/codeNotation`. */
export interface DocumentCode {
  codeNumber: string;
  codeNotation: string;
}

/** `ResponseFor` (§1.2 item 1.12 in an edoc; §1.6 in a status): the earlier document referred to. */
export interface ResponseFor {
  organId: string;
  /** The full "số/ký hiệu". */
  code: string;
  /** ISO date or null. */
  promulgationDate: string | null;
  /** Opaque (§1.8: never parse it). */
  documentId: string;
}

/** `StaffInfo` (§1.3 Bussiness, §1.6 status). */
export interface StaffInfo {
  department?: string;
  departmentId?: string;
  staff?: string;
  staffId?: string;
  email?: string;
  mobile?: string;
}

/** `OtherInfo` (§1.2 item 1.11). */
export interface OtherInfo {
  /** Độ khẩn as sent; map with `urgencyFromPriority` (the mapping is configurable, §7.1). Null when absent. */
  priority: number | null;
  sphereOfPromulgation?: string;
  typerNotation?: string;
  promulgationAmount?: number;
  pageAmount?: number;
  direction?: boolean;
  appendixes: string[];
}

/** MessageHeader of a document package (§1.2). */
export interface EdocHeader {
  from: Organization;
  /** One per receiving agency (1..n); routing uses `organId`. */
  to: Organization[];
  /** Opaque (§1.2 item 1.14, §1.8). */
  documentId: string;
  code: DocumentCode;
  promulgationInfo: { place: string; date: string | null };
  /** `type`/`typeDetail` as sent (1, 2, 18, 71 are all seen); map by `typeName` first (§1.2 item 1.5). */
  documentType: { type: number | null; typeDetail: number | null; typeName: string };
  /** Trích yếu (NĐ 30 Phụ lục VI: ≤ 500). */
  subject: string;
  content?: string;
  signerInfo: { competence: string; position: string; fullName: string };
  dueDate: string | null;
  /** The printed "Nơi nhận" list; not used for routing. */
  toPlaces: string[];
  otherInfo: OtherInfo;
  /** Empty `<ResponseFor/>` elements are dropped. */
  responseFor: ResponseFor[];
  steeringType: number | null;
}

/** One hop of `TraceHeaderList` (§1.3); the axis adds its own. `organId` null when missing or the text `null`. */
export interface TraceHeader {
  organId: string | null;
  timestamp: string | null;
}

/** BussinessDocType (§0.4, §1.3): 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế. */
export type BussinessDocType = 0 | 1 | 2 | 3;

/** `Bussiness/BussinessDocumentInfo` (update, type 2); the meaning of the 0/1 flags is unconfirmed (§1.3). */
export interface BussinessDocumentInfo {
  documentInfo: number | null;
  documentReceiver: number | null;
  receivers: Array<{ organId: string; receiverType: number | null }>;
}

/** `Bussiness/ReplacementInfoList/ReplacementInfo` (replace, type 3). */
export interface ReplacementInfo {
  documentId: string;
  organIds: string[];
}

/** The `Bussiness` block (sic) of TraceHeaderList (§1.3). */
export interface Bussiness {
  bussinessDocType: BussinessDocType;
  /** The document being updated (type 2). */
  documentId?: string;
  bussinessDocReason?: string;
  /** 0 = no paper original follows, 1 = a paper original follows; null when absent. */
  paper: number | null;
  staffInfo: StaffInfo[];
  bussinessDocumentInfo: BussinessDocumentInfo[];
  replacementInfo: ReplacementInfo[];
}

/** A manifest `Reference` paired with its `Attachment` by ContentId (§1.4), as the builder needs it. */
export interface AttachmentSpec {
  /** Without the `cid:` prefix; the builder writes `cid:` on both sides. */
  contentId: string;
  /** The original file name (AttachmentName). */
  name: string;
  /** The MIME type of the file itself (we never zip on sending). */
  contentType: string;
  description?: string;
}

/** MessageHeader of a status package (§1.6); a status package has no body and no attachments. */
export interface StatusHeader {
  /** The agency reporting the status (for 13: the sender of the document). */
  from: Organization;
  responseFor: ResponseFor;
  staffInfo?: StaffInfo;
  /** Two digits as sent; known codes in status-codes.ts, unknown ones are informational (§1.6). */
  statusCode: string;
  description?: string;
  /** Vietnam local `yyyy-MM-ddTHH:mm:ss`, or null when absent or unreadable. */
  timestamp: string | null;
}

/** A deviation found by a validator or a tolerated oddity found by the parser: where, and why in Vietnamese. */
export interface EdxmlProblem {
  /** Slash path of local names from the root, e.g. `edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganName`. */
  path: string;
  reason: string;
}
