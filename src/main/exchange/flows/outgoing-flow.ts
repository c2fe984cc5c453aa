/**
 * The outgoing flow (issue 8; Quy chế Art. 9.5, 10.1, 10.5, 13.2): a document the signing flow issued is built as
 * an edXML package (strict validator first), spooled and sent by the engine; the legal sending time is the axis'
 * acknowledgement (`onSent`); every status a receiver answers (01 → 03 → 04 → 05 → 06, or 02 with its reason, 15
 * or 16 to a revocation) is kept in the document's timeline; a revocation request goes out as status 13 with the
 * reason to every receiver.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlowStatus, RevokeRequest, SendDocumentRequest, SentDocumentRecord } from '../../../shared/api/exchange-flow-schemas';
import { AppFailure } from '../../../shared/api/result';
import { edxmlLocalTimestamp } from '../../../shared/domain/edxml/edxml-dates';
import type { Organization } from '../../../shared/domain/edxml/model';
import { priorityFromUrgency } from '../../../shared/domain/edxml/priority';
import { statusReply } from '../../../shared/domain/edxml/status-reply';
import { buildEdoc, buildStatus } from '../edxml/build-package';
import type { OutgoingItem } from '../spool/outgoing-spool';
import type { FlowDeps } from './flow-deps';

export interface OutgoingFlow {
  /** Build, check and spool a document for its receivers. Errors: VALIDATION (with every problem), NOT_FOUND (a file), TOO_LARGE. */
  sendDocument(req: SendDocumentRequest): Promise<{ record: SentDocumentRecord; warnings: string[] }>;
  /** Status 13 with the reason to every receiver (Art. 9.5). Errors: NOT_FOUND, CONFLICT (asked already). */
  revoke(req: RevokeRequest): Promise<SentDocumentRecord>;
  /** The engine's onSent hook: the axis accepted a package; its time becomes the legal sending time. */
  onSent(item: OutgoingItem): Promise<void>;
  list(): SentDocumentRecord[];
}

/** Add a receiver's status to the timeline of a document we sent (ignored, with a warning, for an unknown one). */
export async function recordStatus(deps: FlowDeps, documentId: string, status: FlowStatus): Promise<void> {
  await deps.records.init();
  const sent = deps.records.sent(documentId);
  if (!sent) {
    (deps.log ?? console).warn(`[exchange] trạng thái ${status.statusCode} của ${status.from} về văn bản ${documentId} không khớp văn bản nào đã gửi`);
    return;
  }
  if (sent.statuses.some((s) => s.from === status.from && s.statusCode === status.statusCode && s.timestamp === status.timestamp)) return;
  await deps.records.putSent({ ...sent, statuses: [...sent.statuses, status] });
}

async function receiver(deps: FlowDeps, code: string, warnings: string[]): Promise<Organization> {
  const entry = deps.directory ? await deps.directory().lookup(code) : null;
  if (entry === null) warnings.push(`Mã ${code} không có trong danh mục cơ quan đã tải từ Trục liên thông.`);
  else if (entry.warning) warnings.push(entry.warning);
  // QCVN 102 wants a name and an address for each receiver; the axis directory gives the name only.
  const name = entry?.name ?? code;
  return { organId: code, organName: name, organAdd: name };
}

export function createOutgoingFlow(deps: FlowDeps): OutgoingFlow {
  const now = deps.now ?? (() => new Date());
  const { records } = deps;
  return {
    async sendDocument(req) {
      await records.init();
      const us = await deps.us();
      const documentId = req.documentId ?? `${us.organId}.${randomUUID()}`;
      if (records.sent(documentId)) throw new AppFailure('CONFLICT', `Văn bản ${documentId} đã được gửi.`);
      const warnings: string[] = [];
      const to: Organization[] = [];
      for (const code of req.to) to.push(await receiver(deps, code, warnings));
      const at = now();
      await mkdir(deps.buildDir, { recursive: true });
      const outFile = join(deps.buildDir, `${randomUUID()}.edxml`);
      try {
        const built = await buildEdoc(
          {
            header: {
              from: us,
              to,
              documentId,
              code: { codeNumber: req.codeNumber, codeNotation: req.codeNotation },
              promulgationInfo: { place: req.place, date: req.promulgationDate },
              documentType: { type: 1, typeDetail: null, typeName: req.typeName },
              subject: req.subject,
              signerInfo: { competence: '', position: req.signerPosition, fullName: req.signerName },
              dueDate: null,
              toPlaces: [],
              otherInfo: { priority: priorityFromUrgency(req.urgency), appendixes: [] },
              responseFor: [],
              steeringType: null,
            },
            traceHeaders: [{ organId: us.organId, timestamp: edxmlLocalTimestamp(at) }],
            bussiness: { bussinessDocType: 0, bussinessDocReason: 'Văn bản điện tử mới', paper: 0, staffInfo: [], bussinessDocumentInfo: [], replacementInfo: [] },
            attachments: req.attachments.map((a, i) => ({ contentId: `tep${i + 1}`, name: a.name, contentType: 'application/pdf', sha256: a.sha256 })),
          },
          { blobs: deps.blobs, outFile, now: at },
        );
        const item = await deps.engine().enqueue({ source: { file: built.path }, messageType: 'edoc', from: us.organId, to: req.to, ref: req.ref ?? null });
        const record = await records.putSent({
          documentId,
          createdAt: at.toISOString(),
          ref: req.ref ?? null,
          codeNumber: req.codeNumber,
          codeNotation: req.codeNotation,
          subject: req.subject,
          promulgationDate: req.promulgationDate,
          urgency: req.urgency,
          bussinessDocType: 0,
          to: req.to,
          outgoingId: item.id,
          sentAt: item.acknowledgedAt,
          statuses: [],
          revocation: null,
        });
        return { record, warnings };
      } finally {
        await rm(outFile, { force: true });
      }
    },
    async revoke(req) {
      await records.init();
      const sent = records.sent(req.documentId);
      if (!sent) throw new AppFailure('NOT_FOUND', 'Không tìm thấy văn bản đã gửi này.');
      if (sent.revocation) throw new AppFailure('CONFLICT', 'Đã yêu cầu thu hồi văn bản này.');
      const us = await deps.us();
      const at = now();
      const header = statusReply({
        about: { organId: us.organId, code: `${sent.codeNumber}/${sent.codeNotation}`, promulgationDate: sent.promulgationDate, documentId: sent.documentId },
        from: us,
        statusCode: '13',
        description: req.reason,
        at,
      });
      await deps.engine().enqueue({ source: buildStatus(header).bytes, messageType: 'status', from: us.organId, to: sent.to, ref: 'tt-13' });
      return records.putSent({ ...sent, revocation: { requestedAt: at.toISOString(), reason: req.reason } });
    },
    async onSent(item) {
      await records.init();
      const sent = records.listSent().find((r) => r.outgoingId === item.id);
      if (sent && sent.sentAt === null) await records.putSent({ ...sent, sentAt: item.acknowledgedAt });
    },
    list: () => records.listSent(),
  };
}
