/**
 * The AxisClient port (standards.md §2.0): what the sync engine needs from an exchange axis, whatever product runs
 * it. Adapters: the VXP SDK protocol (vxp-adapter.ts, §2.1–2.3) and the Lạng Sơn `/v1` shape (lang-son-adapter.ts,
 * §2.4). The engine only ever sees this interface, so another axis is one more adapter.
 *
 * Errors (AppFailure): AXIS_UNREACHABLE when no answer came (refused, reset, timeout, TLS failure, 5xx),
 * AXIS_REJECTED when the axis answered with an error (bad credentials, unknown receiver, malformed package), with
 * the axis' own code in `details.axisCode` and a Vietnamese reason as message; VALIDATION for bad arguments.
 */

/** `messagetype` of the axis: a document package or a status package (standards.md §0.2). */
export type AxisMessageType = 'edoc' | 'status';

/** One agency of the axis directory (standards.md §2.1 getAgenciesList / getAgenciesListQD20). */
export interface AxisAgency {
  /** The axis' own row id. */
  id: string;
  /** QCVN 102 form (`000.00.00.H35`), used for routing; may be empty when the axis gives only the QĐ 20 form. */
  code102: string;
  /** QĐ 20 form (`H35`, `H35.12`); may equal code102 on axes that know one form. */
  codeQd20: string;
  name: string;
  /** Parent agency id, when given. */
  parentId: string | null;
  /** The code this agency had before (retired), when the axis says so. */
  oldCode: string | null;
  /** The axis marks the unit deleted (getSynchronizeUnit `deleted`). */
  deleted: boolean;
  mail: string | null;
}

/** One entry of the inbox list (standards.md §2.1 getReceivedEdocList). */
export interface AxisInboxEntry {
  /** The axis' document id; opaque. */
  docId: string;
  messageType: AxisMessageType;
  /** Sender code as the axis gives it. */
  from: string;
  createdTime: string | null;
}

/** What to send (sendEdoc). The package is read from `file` (streamed). */
export interface AxisSendRequest {
  /** Absolute path of the .edxml file. */
  file: string;
  /** Size in bytes and SHA-256 hex of the file (the `hash-file` header; computed when it was spooled). */
  size: number;
  sha256: string;
  messageType: AxisMessageType;
  /** Our agency code. */
  from: string;
  /** Receiver codes (QCVN 102 form), at least one. */
  to: string[];
}

/** The axis accepted a package: its DocId and when the acknowledgement arrived (Art. 10.5 legal sending time). */
export interface AxisSendReceipt {
  docId: string;
  /** ISO 8601 instant at which the axis' positive answer was received. */
  acknowledgedAt: string;
}

/** Per-receiver delivery state of something we sent (getSentEdocList). */
export interface AxisSentStatus {
  toCode: string;
  receiverDocId: string | null;
  sentTime: string | null;
  receivedTime: string | null;
  sendStatus: string | null;
  receiveStatus: string | null;
}

/** Acknowledgement of a fetched package (standards.md §2.3): `done` stops re-delivery; `fail` reports a failure. */
export type AxisAck = 'done' | 'fail';

/** The port. Every call is one HTTP exchange (or a streamed download); none retries by itself. */
export interface AxisClient {
  /** Which adapter this is, for logs and the status screen. */
  readonly style: AxisHeaderStyle;
  /** The agency directory, both code forms. */
  listAgencies(): Promise<AxisAgency[]>;
  /** Packages waiting for us of one kind, oldest first as the axis gives them. */
  listInbox(messageType: AxisMessageType): Promise<AxisInboxEntry[]>;
  /**
   * Download one package as a stream of chunks (bounded by `maxBytes`: TOO_LARGE past it). The stream fails with
   * AXIS_UNREACHABLE when the connection drops midway; nothing is acknowledged by reading it.
   */
  getPackage(docId: string, maxBytes: number): Promise<AsyncIterable<Uint8Array>>;
  /** Tell the axis a package is stored (`done`, it stops re-delivering) or could not be taken (`fail`). */
  acknowledge(docId: string, ack: AxisAck): Promise<void>;
  /** Hand a package to the axis; resolves once the axis accepted it. */
  send(request: AxisSendRequest): Promise<AxisSendReceipt>;
  /** Delivery state per receiver of a package we sent (the axis DocId of the send receipt). */
  sentStatus(docId: string, messageType: AxisMessageType): Promise<AxisSentStatus[]>;
}

/** Header styles the adapters speak (standards.md §2.0 table). */
export const AXIS_HEADER_STYLES = ['xroad-vnpt', 'lang-son'] as const;
export type AxisHeaderStyle = (typeof AXIS_HEADER_STYLES)[number];
