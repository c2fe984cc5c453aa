/**
 * The incoming flow (issue 8; Quy chế Art. 9.2, 9.3, 9.5, 10.5; NĐ 30 Art. 21.2c), plugged into the sync engine
 * as its hooks:
 *   inspect  read the stored package (EdxmlReader: a worker thread, attachments into the blob store);
 *   onReady  once acknowledged: a document gets status 01 at once (same day), every PDF is verified in main,
 *            and when all are valid status 03 is sent automatically (Art. 9.2 "phần mềm sẽ tự động phản hồi …
 *            được chấp nhận"); invalid / unknown wait for the clerk with the reasons. A document marked Mật is
 *            refused with 02 and the reason (Art. 1.2). A revocation (status 13 or BussinessDocType 1) marks the
 *            received document for the clerk to answer 15 or 16 (Art. 9.5). A status about a document we sent is
 *            added to its timeline (flows/outgoing-flow.ts) and the spool item is confirmed.
 * Each step is saved in the flow record before the next, and `recover()` (at launch) finishes the ready items a
 * crash interrupted, so no status is sent twice and none is skipped.
 */
import { AppFailure } from '../../../shared/api/result';
import type { FlowReplyRequest, IncomingFlowRecord, PdfVerdictValue } from '../../../shared/api/exchange-flow-schemas';
import { urgencyFromPriority } from '../../../shared/domain/edxml/priority';
import { secrecyMark } from '../../../shared/domain/edxml/secrecy';
import { statusReply } from '../../../shared/domain/edxml/status-reply';
import type { StatusCode } from '../../../shared/domain/edxml/status-codes';
import { buildStatus } from '../edxml/build-package';
import type { ReadOutcome, ReceivedEdoc } from '../edxml/edxml-api';
import { summarize } from '../edxml/inspect-package';
import type { IncomingItem } from '../spool/incoming-spool';
import type { SyncHooks } from '../sync/sync-engine';
import type { FlowDeps } from './flow-deps';
import { recordStatus } from './outgoing-flow';

export interface IncomingFlow {
  hooks: Required<Pick<SyncHooks, 'inspect' | 'onReady'>>;
  /** Finish ready items whose flow a crash interrupted (call after the engine started). */
  recover(): Promise<void>;
  list(): IncomingFlowRecord[];
  /** The clerk answers a received document (02 return, 03–06 progress, 15/16 to a revocation). Errors: NOT_FOUND, CONFLICT. */
  reply(req: FlowReplyRequest): Promise<IncomingFlowRecord>;
}

/** Most severe first: one invalid PDF makes the document invalid, one unknown makes it unknown. */
const SEVERITY: PdfVerdictValue[] = ['invalid', 'unknown', 'unsigned', 'valid'];

function baseRecord(item: IncomingItem, r: ReceivedEdoc): IncomingFlowRecord {
  const h = r.header;
  const b = r.bussiness;
  const replaces = b?.bussinessDocType === 2 ? (b.documentId ?? null) : b?.bussinessDocType === 3 ? (b.replacementInfo[0]?.documentId ?? null) : null;
  return {
    id: item.id,
    kind: 'edoc',
    from: h.from.organId,
    fromName: h.from.organName ?? null,
    documentId: h.documentId,
    codeNumber: h.code.codeNumber,
    codeNotation: h.code.codeNotation,
    subject: h.subject,
    typeName: h.documentType.typeName,
    promulgationDate: h.promulgationInfo.date,
    place: h.promulgationInfo.place,
    signerName: h.signerInfo.fullName,
    signerPosition: h.signerInfo.position,
    urgency: urgencyFromPriority(h.otherInfo.priority) ?? 'thuong',
    bussinessDocType: b?.bussinessDocType ?? 0,
    replaces,
    receivedAt: item.receivedAt,
    attachments: r.attachments.map((a) => ({ sha256: a.sha256, name: a.name, contentType: a.contentType, size: a.size, pdf: a.sniffed === 'pdf' })),
    verdict: 'pending',
    reasons: [],
    duplicateOf: null,
    replies: [],
    revocation: null,
    revoked: false,
  };
}

export function createIncomingFlow(deps: FlowDeps): IncomingFlow {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? console;
  const { records } = deps;
  /** Outcomes read by `inspect`, kept until `onReady` (re-read after a restart). */
  const read = new Map<string, ReadOutcome>();
  let chain: Promise<unknown> = Promise.resolve();
  /** One flow step at a time: the records and the replies stay in order. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  async function outcomeOf(item: IncomingItem): Promise<ReadOutcome> {
    const cached = read.get(item.id);
    read.delete(item.id);
    return cached ?? deps.read(deps.engine().incoming.packagePath(item.id));
  }

  async function sendReply(record: IncomingFlowRecord, statusCode: StatusCode, description?: string): Promise<IncomingFlowRecord> {
    const us = await deps.us();
    const at = now();
    const header = statusReply({
      about: { organId: record.from, code: [record.codeNumber, record.codeNotation].filter((p) => p !== '').join('/'), promulgationDate: record.promulgationDate, documentId: record.documentId },
      from: us,
      statusCode,
      ...(description !== undefined ? { description } : {}),
      at,
    });
    const built = buildStatus(header);
    await deps.engine().enqueue({ source: built.bytes, messageType: 'status', from: us.organId, to: [record.from], ref: `tt-${statusCode}` });
    const replies = [...record.replies, { from: us.organId, statusCode, description: header.description ?? null, timestamp: header.timestamp, at: at.toISOString() }];
    return records.putIncoming({ ...record, replies });
  }
  const replied = (r: IncomingFlowRecord, code: string): boolean => r.replies.some((s) => s.statusCode === code);

  async function markRevocation(from: string, documentId: string, reason: string, at: string): Promise<boolean> {
    const target = records.incomingByDocument(from, documentId);
    if (!target) return false;
    if (target.revocation?.answer == null) await records.putIncoming({ ...target, revocation: { requestedAt: at, reason, answer: null } });
    return true;
  }

  async function onDocument(item: IncomingItem): Promise<void> {
    const existing = records.incoming(item.id);
    if (existing && existing.verdict !== 'pending') return;
    const outcome = await outcomeOf(item);
    if (outcome.kind !== 'edoc') {
      log.warn(`[exchange] gói ${item.id} không đọc lại được như văn bản: ${outcome.kind === 'rejected' ? outcome.reason : outcome.kind}`);
      return;
    }
    const h = outcome.header;
    if (outcome.bussiness?.bussinessDocType === 1) {
      // A revocation sent as a document (type 1): the earlier document is marked; this package carries nothing else.
      const found = await markRevocation(h.from.organId, h.documentId, outcome.bussiness.bussinessDocReason ?? 'Không nêu lý do.', item.receivedAt);
      if (!found) log.warn(`[exchange] yêu cầu thu hồi văn bản ${h.documentId} không khớp văn bản nào đã nhận`);
      await deps.engine().confirmIngested(item.id);
      return;
    }
    let record = existing ?? baseRecord(item, outcome);
    if (!existing) {
      const earlier = records.incomingByDocument(record.from, record.documentId);
      if (earlier && earlier.id !== record.id) record = { ...record, duplicateOf: earlier.id };
      record = await records.putIncoming(record);
    }
    const mark = secrecyMark(h);
    if (mark) {
      const reason = `Văn bản mang dấu độ mật "${mark}": văn bản mật không được gửi, nhận qua hệ thống điện tử (Quy chế, Điều 1 khoản 2).`;
      record = await records.putIncoming({ ...record, verdict: 'refused', reasons: [reason] });
      if (!replied(record, '02')) await sendReply(record, '02', reason);
      return;
    }
    if (!replied(record, '01')) record = await sendReply(record, '01');
    const verdicts: PdfVerdictValue[] = [];
    const reasons: string[] = [];
    for (const a of record.attachments.filter((x) => x.pdf)) {
      const v = await deps.verify(a.sha256);
      verdicts.push(v.verdict === 'valid-with-allowed-changes' ? 'valid' : v.verdict);
      for (const r of v.reasons) reasons.push(`${a.name}: ${r}`);
    }
    const verdict = verdicts.length === 0 ? 'unsigned' : (SEVERITY.find((s) => verdicts.includes(s)) ?? 'valid');
    if (verdicts.length === 0) reasons.push('Gói tin không có tệp PDF để kiểm tra chữ ký số.');
    record = await records.putIncoming({ ...record, verdict, reasons: verdict === 'valid' ? [] : reasons });
    // Art. 9.2: a valid document is accepted by the software itself.
    if (verdict === 'valid' && !replied(record, '03')) await sendReply(record, '03');
  }

  async function onStatusPackage(item: IncomingItem): Promise<void> {
    const s = item.inspection?.summary ?? {};
    const documentId = item.inspection?.documentId ?? '';
    const from = typeof s.from === 'string' ? s.from : item.from;
    const statusCode = typeof s.statusCode === 'string' ? s.statusCode : '';
    const description = typeof s.description === 'string' ? s.description : null;
    if (statusCode === '13') {
      if (!(await markRevocation(from, documentId, description ?? 'Không nêu lý do.', item.receivedAt))) log.warn(`[exchange] yêu cầu thu hồi ${documentId} không khớp văn bản nào đã nhận`);
    } else {
      await recordStatus(deps, documentId, { from, statusCode, description, timestamp: typeof s.timestamp === 'string' ? s.timestamp : null, at: item.receivedAt });
    }
    await deps.engine().confirmIngested(item.id);
  }

  const process = (item: IncomingItem): Promise<void> =>
    serial(async () => {
      await records.init();
      if (item.inspection?.kind === 'status') await onStatusPackage(item);
      else await onDocument(item);
    });

  return {
    hooks: {
      async inspect(path, item) {
        const outcome = await deps.read(path);
        const summary = summarize(outcome);
        if (!('rejected' in summary)) read.set(item.id, outcome);
        return summary;
      },
      onReady: process,
    },
    async recover() {
      await records.init();
      for (const item of deps.engine().incoming.list('ready')) {
        const r = records.incoming(item.id);
        if (item.inspection?.kind !== 'status' && r !== null && r.verdict !== 'pending') continue;
        await process(item).catch((cause: unknown) => log.error('[exchange] incoming flow not finished', cause));
      }
    },
    list: () => records.listIncoming(),
    reply: (req) =>
      serial(async () => {
        await records.init();
        const record = records.incoming(req.id);
        if (!record) throw new AppFailure('NOT_FOUND', 'Không tìm thấy văn bản đến này.');
        if ((req.statusCode === '15' || req.statusCode === '16') && (!record.revocation || record.revocation.answer !== null)) {
          throw new AppFailure('CONFLICT', 'Văn bản này không có yêu cầu thu hồi đang chờ trả lời.');
        }
        if (req.statusCode === '02' && (replied(record, '03') || replied(record, '02'))) throw new AppFailure('CONFLICT', 'Văn bản đã được tiếp nhận hoặc đã trả lại, không trả lại được nữa.');
        if (req.statusCode === '03' && replied(record, '03')) return record;
        const next = await sendReply(record, req.statusCode, req.description);
        if (req.statusCode === '15' && next.revocation) return records.putIncoming({ ...next, revoked: true, revocation: { ...next.revocation, answer: '15' } });
        if (req.statusCode === '16' && next.revocation) return records.putIncoming({ ...next, revocation: { ...next.revocation, answer: '16' } });
        return next;
      }),
  };
}
