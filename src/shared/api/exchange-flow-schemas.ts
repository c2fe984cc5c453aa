/**
 * Schemas and answer types of the exchange flows (issue 8; Quy chế Art. 9.2, 9.3, 9.5, 10.5, 13.2): what arrived
 * with its verdict and our answers, what we sent with each receiver's statuses, and the requests that send a
 * document, answer a received one (02, 03–06, 15, 16) or ask for one back (13).
 */
import { z } from 'zod';
import { URGENCIES, type Urgency } from '../domain/urgency';
import { AgencyCode } from './exchange-schemas';
import { Sha256Hex } from './schemas';

/** A status we answered or received, with when it entered or left the software. */
export interface FlowStatus {
  /** The agency reporting it (for a sent document: the receiver). */
  from: string;
  statusCode: string;
  description: string | null;
  /** Timestamp written in the package (Vietnam local), null when absent. */
  timestamp: string | null;
  /** When we received it (or spooled it, for our own answers), ISO 8601. */
  at: string;
}

/** The verifier's verdict of one PDF. */
export type PdfVerdictValue = 'valid' | 'invalid' | 'unknown' | 'unsigned';
export type IncomingVerdict = 'pending' | PdfVerdictValue | 'refused';

export interface IncomingFlowRecord {
  /** The incoming spool item (SHA-256 of the package). */
  id: string;
  kind: 'edoc';
  from: string;
  fromName: string | null;
  documentId: string;
  codeNumber: string;
  codeNotation: string;
  subject: string;
  typeName: string;
  /** ISO date or null. */
  promulgationDate: string | null;
  place: string;
  signerName: string;
  signerPosition: string;
  urgency: Urgency;
  /** 0 new, 1 revocation, 2 update, 3 replace (the DocumentId of the earlier version in `replaces`). */
  bussinessDocType: number;
  replaces: string | null;
  /** When the package entered the software (Art. 10.5: the legal receipt instant before the office-hours rule). */
  receivedAt: string;
  attachments: Array<{ sha256: string; name: string; contentType: string; size: number; pdf: boolean }>;
  verdict: IncomingVerdict;
  /** Vietnamese reasons of the verdict (what the clerk sees for invalid / unknown / refused). */
  reasons: string[];
  /** An earlier record of the same document (DocumentId from the same sender). */
  duplicateOf: string | null;
  /** Statuses we sent back, in order (01 on arrival, 03 when accepted …). */
  replies: FlowStatus[];
  /** A revocation request (13 or BussinessDocType 1) from the sender, and our answer (15/16) once given. */
  revocation: { requestedAt: string; reason: string; answer: '15' | '16' | null } | null;
  /** Cancelled after a revocation: kept (file and entry) for audit, hidden from normal views (Art. 9.5). */
  revoked: boolean;
}

export interface SentDocumentRecord {
  documentId: string;
  createdAt: string;
  ref: string | null;
  codeNumber: string;
  codeNotation: string;
  subject: string;
  promulgationDate: string;
  urgency: Urgency;
  bussinessDocType: number;
  to: string[];
  /** The outgoing spool item of the package. */
  outgoingId: string;
  /** Legal sending time (Art. 10.5): when the axis accepted the package; null while it waits. */
  sentAt: string | null;
  /** Every status the receivers answered, in arrival order (the per-recipient timeline groups by `from`). */
  statuses: FlowStatus[];
  revocation: { requestedAt: string; reason: string } | null;
}

const Text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');

/** Send a document the signing flow issued (the PDFs already in the blob store) to agencies of the directory. */
export const SendDocumentRequest = z
  .object({
    /** Opaque; generated when absent. */
    documentId: z.string().trim().min(1).max(100).optional(),
    codeNumber: Text(20),
    codeNotation: Text(100),
    subject: Text(500),
    typeName: Text(100),
    promulgationDate: IsoDate,
    place: Text(100),
    signerName: Text(100),
    signerPosition: Text(100),
    urgency: z.enum(URGENCIES),
    attachments: z.array(z.object({ sha256: Sha256Hex, name: Text(255) }).strict()).min(1).max(50),
    to: z.array(AgencyCode).min(1).max(500),
    ref: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type SendDocumentRequest = z.infer<typeof SendDocumentRequest>;

/** Answer a received document: 02 (return, reason required), 03–06 (progress), 15/16 (to a revocation; 16 needs a reason). */
export const FlowReplyRequest = z
  .object({
    id: Sha256Hex,
    statusCode: z.enum(['02', '03', '04', '05', '06', '15', '16']),
    description: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .refine((r) => !['02', '16'].includes(r.statusCode) || r.description !== undefined, { message: 'Cần nêu lý do.', path: ['description'] });
export type FlowReplyRequest = z.infer<typeof FlowReplyRequest>;

/** Ask the receivers to give back a document we sent (status 13, Art. 9.5). */
export const RevokeRequest = z.object({ documentId: z.string().trim().min(1).max(100), reason: Text(2000) }).strict();
export type RevokeRequest = z.infer<typeof RevokeRequest>;
