/**
 * The exchange flow channels of issue 8 (Quy chế Art. 9.2, 9.5, 10.5), spread into `contract` in contract.ts;
 * src/main/exchange/flows/ implements each one. The spool channels (exchange-contract.ts) stay the transport
 * view; these are what the clerk works with: received documents with their verdict, sent documents with their
 * receivers' statuses, and the answers.
 */
import { z } from 'zod';
import type { ExchangeStats } from '../domain/exchange-stats';
import type { StoredFile } from './contract';
import { Empty } from './schemas';
import {
  FlowReplyRequest,
  RevokeRequest,
  SendDocumentRequest,
  type IncomingFlowRecord,
  type SentDocumentRecord,
} from './exchange-flow-schemas';

interface ChannelSpec<S extends z.ZodType, R> {
  schema: S;
  /** Phantom: carries the response type; never read at run time. */
  readonly response?: R;
}

function request<S extends z.ZodType>(schema: S) {
  return { returns: <R>(): ChannelSpec<S, R> => ({ schema }) };
}

const StatsRequest = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict();

export const exchangeFlowContract = {
  /** Received documents with their verification verdict, our answers and any revocation request. Errors: none. */
  'exchange.flowIncoming': request(Empty).returns<IncomingFlowRecord[]>(),
  /** Answer a received document: 02 return (reason), 03–06, 15 accept / 16 refuse a revocation (reason). Errors: NOT_FOUND, CONFLICT, VALIDATION. */
  'exchange.flowReply': request(FlowReplyRequest).returns<IncomingFlowRecord>(),
  /** Documents we sent, with the legal sending time and every status each receiver answered. Errors: none. */
  'exchange.flowSent': request(Empty).returns<SentDocumentRecord[]>(),
  /** Build, check and send an issued document to agencies of the directory. Errors: VALIDATION (problems listed), NOT_FOUND, CONFLICT, TOO_LARGE. */
  'exchange.sendDocument': request(SendDocumentRequest).returns<{ record: SentDocumentRecord; warnings: string[] }>(),
  /** Ask every receiver to give a sent document back (status 13 with the reason). Errors: NOT_FOUND, CONFLICT. */
  'exchange.revoke': request(RevokeRequest).returns<SentDocumentRecord>(),
  /** Art. 16 statistics for [from, to] (ISO dates) per month and per agency (shared/domain/exchange-stats.ts). Errors: VALIDATION. */
  'exchange.stats': request(StatsRequest).returns<ExchangeStats>(),
  /** The same statistics as an .xlsx in the blob store (reports/exchange-stats-xlsx.ts; fetch with files.get). Errors: VALIDATION, INTERNAL. */
  'exchange.statsXlsx': request(StatsRequest).returns<StoredFile>(),
} as const;
