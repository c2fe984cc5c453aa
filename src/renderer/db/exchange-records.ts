/**
 * The renderer's record of each document received through the axis (issue 8; Quy chế Art. 9.2, 9.3, 9.5): what
 * main's flow answered (kept as a snapshot, refreshed on every ingest) and what the clerk did with it. Keyed by
 * the spool item of its first package; `documentKey` (sender + edXML DocumentId) is unique, so a re-delivered
 * package never becomes a second waiting item or a second register entry.
 */
import type { IncomingFlowRecord } from '../../shared/api/exchange-flow-schemas';
import type { Urgency } from '../../shared/domain/urgency';

/**
 * waiting     in Văn bản đến chờ xử lý, not registered yet;
 * registered  in the incoming register (entryId), accepted (03);
 * returned    answered 02 with `returnReason` (Art. 9.2);
 * refused     main refused it on arrival (a Mật mark, Art. 1.2), nothing for the clerk to do;
 * revoked     the sender revoked it and we answered 15 (the entry, if any, stays in the register cancelled).
 */
export type ExchangeIncomingState = 'waiting' | 'registered' | 'returned' | 'refused' | 'revoked';

export interface ExchangeIncomingRecord {
  /** Spool item id (SHA-256 of the first package of this document). */
  id: string;
  /** `${from}|${documentId}`: unique (the edXML DocumentId is opaque and the sender's own). */
  documentKey: string;
  state: ExchangeIncomingState;
  urgency: Urgency;
  /** When the package entered the software (epoch ms, Art. 10.5). */
  receivedAt: number;
  /** Main's flow record as last seen. */
  flow: IncomingFlowRecord;
  /** Later packages of the same document (re-deliveries, duplicates), confirmed without a second entry. */
  duplicateIds: string[];
  /** Spool items (first and duplicates) main has been told we took (exchange.incomingConfirm). */
  confirmedIds: string[];
  /** When the clerk first opened it: an urgent one alarms until then (Art. 9.3). */
  openedAt?: number;
  entryId?: number;
  registeredAt?: number;
  returnReason?: string;
  /** The clerk's answer to a revocation request, sent as 15/16 (with the reason for 16). */
  revocationAnswer?: { code: '15' | '16'; reason?: string; at: number };
  /** Every answer the clerk decided has reached main (replies sent, items confirmed). */
  settled: boolean;
}
