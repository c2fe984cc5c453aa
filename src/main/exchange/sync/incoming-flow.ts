/**
 * The incoming flow as an engine hook (issue 8; Quy chế Art. 9.2, NĐ 30 Art. 21.2c): once a document package is
 * stored and acknowledged, status 01 (đã đến) goes back to the sender the same moment, every PDF attachment is
 * verified in main, and when every one is valid status 03 is sent automatically (Art. 9.2: "phần mềm sẽ tự động
 * phản hồi ... được chấp nhận"). The verdicts are kept in the item's summary for the clerk's list; an invalid or
 * unknown verdict leaves the decision (02 with a reason, or registration) to the clerk. Status packages and
 * packages without a readable sender are left alone. Statuses go out through the outgoing spool, so they are
 * durable and retried like any package.
 */
import type { ReadOutcome } from '../edxml/edxml-api';
import { buildStatus } from '../edxml/build-package';
import type { Organization } from '../../../shared/domain/edxml/model';
import { responseForDocument, statusReply } from '../../../shared/domain/edxml/status-reply';
import type { IncomingItem, IncomingSpool } from '../spool/incoming-spool';
import type { EnqueueInput } from '../spool/outgoing-spool';

export type PdfVerdict = 'valid' | 'invalid' | 'unknown' | 'unsigned';

export interface IncomingFlowOptions {
  incoming: IncomingSpool;
  /** Read the stored package (EdxmlReader.read or readPackage with the blob store). */
  read(path: string): Promise<ReadOutcome>;
  /** Verify one stored PDF by its hash (the signing host's verifier). */
  verify(sha256: string): Promise<PdfVerdict>;
  /** Our agency as it appears in the From of our statuses. */
  us(): Promise<Organization>;
  /** Spool a status package for sending (SyncEngine.enqueue). */
  enqueue(input: EnqueueInput): Promise<unknown>;
  now?: () => Date;
}

/** Build the onReady hook. Errors inside are the caller's to log (the engine logs and goes on). */
export function createIncomingFlow(options: IncomingFlowOptions): (item: IncomingItem) => Promise<void> {
  const now = options.now ?? (() => new Date());
  return async (item) => {
    if (item.messageType !== 'edoc' || item.inspection?.kind !== 'edoc') return;
    const outcome = await options.read(options.incoming.packagePath(item.id));
    if (outcome.kind !== 'edoc') return;
    const us = await options.us();
    const about = responseForDocument(outcome.header);
    const sender = outcome.header.from.organId;
    const send = async (statusCode: '01' | '03'): Promise<void> => {
      const built = buildStatus(statusReply({ about, from: us, statusCode, at: now() }));
      await options.enqueue({ source: built.bytes, messageType: 'status', from: us.organId, to: [sender], ref: `${statusCode}:${item.id}` });
    };
    await send('01');
    const verdicts: PdfVerdict[] = [];
    for (const a of outcome.attachments) if (a.sniffed === 'pdf') verdicts.push(await options.verify(a.sha256));
    const accepted = verdicts.length > 0 && verdicts.every((v) => v === 'valid');
    const overall: PdfVerdict = verdicts.length === 0 ? 'unsigned' : accepted ? 'valid' : verdicts.includes('invalid') ? 'invalid' : 'unknown';
    await options.incoming.setInspection(item.id, {
      ...item.inspection,
      summary: { ...(item.inspection.summary ?? {}), verdict: overall, status01: true, status03: accepted },
    });
    if (accepted) await send('03');
  };
}
