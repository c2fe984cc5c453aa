/**
 * Brings main's received documents into Dexie and main up to date with the clerk's decisions (issue 8;
 * architecture.md "the renderer ingests from the spool and confirms; only then does the item move on"):
 * 1. exchange.flowIncoming → ingestFlowRecords (idempotent on sender + DocumentId);
 * 2. for every unsettled record: the reply the clerk decided (03 after registering, 02 with the reason, 15/16 to a
 *    revocation) through exchange.flowReply, then exchange.incomingConfirm for each spool item of the document.
 * Decisions are committed in Dexie before this runs, so after a crash the next run finishes them; replies main
 * already has are not sent again (the snapshot of its replies is checked first).
 */
import type { ApiClient } from '../../../shared/api/client';
import type { IncomingFlowRecord } from '../../../shared/api/exchange-flow-schemas';
import type { AppDB } from '../../db/db';
import { ingestFlowRecords, listUnsettled, noteSettled, type IngestResult } from '../../db/exchange-incoming';
import type { ExchangeIncomingRecord } from '../../db/exchange-records';

const replied = (flow: IncomingFlowRecord, code: string): boolean => flow.replies.some((s) => s.statusCode === code);

/** The reply main still has to send for this record, if any. */
function pendingReply(r: ExchangeIncomingRecord): { statusCode: '02' | '03' | '15' | '16'; description?: string } | null {
  if (r.revocationAnswer && r.flow.revocation && r.flow.revocation.answer === null) {
    return { statusCode: r.revocationAnswer.code, ...(r.revocationAnswer.reason ? { description: r.revocationAnswer.reason } : {}) };
  }
  if (r.state === 'returned' && !replied(r.flow, '02')) return { statusCode: '02', description: r.returnReason ?? '' };
  // Art. 9.2: a registered document is accepted; main already sent 03 itself when every signature was valid.
  if (r.state === 'registered' && !replied(r.flow, '03') && !replied(r.flow, '02')) return { statusCode: '03' };
  return null;
}

/** Spool items main may move on: every package of a decided document, and the duplicates of a waiting one. */
function itemsToConfirm(r: ExchangeIncomingRecord): string[] {
  const ids = r.state === 'waiting' ? r.duplicateIds : [r.id, ...r.duplicateIds];
  return ids.filter((id) => !r.confirmedIds.includes(id));
}

async function settle(api: ApiClient, db: AppDB, r: ExchangeIncomingRecord): Promise<void> {
  const reply = pendingReply(r);
  if (reply) {
    const answer = await api.invoke('exchange.flowReply', { id: r.id, ...reply });
    if (!answer.ok) {
      console.warn(`[exchange] reply ${reply.statusCode} for ${r.id} not sent yet: ${answer.error.code}`);
      return;
    }
    await noteSettled(db, r.id, { flow: answer.value });
  }
  for (const id of itemsToConfirm(r)) {
    const confirmed = await api.invoke('exchange.incomingConfirm', { id });
    // CONFLICT: not acknowledged to the axis yet; the next run tries again.
    if (confirmed.ok) await noteSettled(db, r.id, { confirmed: id });
    else console.warn(`[exchange] item ${id} not confirmed yet: ${confirmed.error.code}`);
  }
}

/** One pass; answers what was ingested (the new urgent ones alarm). Errors are logged, never thrown. */
export async function syncIncoming(api: ApiClient, db: AppDB): Promise<IngestResult> {
  const listed = await api.invoke('exchange.flowIncoming', {});
  let result: IngestResult = { added: [], updated: 0 };
  if (listed.ok) result = await ingestFlowRecords(db, listed.value);
  else console.warn(`[exchange] flowIncoming failed: ${listed.error.code}`);
  for (const r of await listUnsettled(db)) await settle(api, db, r);
  return result;
}

/**
 * Runs syncIncoming one pass at a time: a request during a pass makes exactly one more pass afterwards, so
 * events arriving in a burst neither overlap nor get lost.
 */
export function createSyncRunner(run: () => Promise<void>): { request(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async (): Promise<void> => {
    do {
      again = false;
      try {
        await run();
      } catch (cause) {
        console.error('[exchange] sync pass failed', cause);
      }
    } while (again);
    running = null;
  };
  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      return running;
    },
  };
}
