/**
 * Documents received through the axis, in Dexie (issue 8; Quy chế Art. 9.2–9.5, 10.5). The only writer of the
 * exchangeIncoming table (house rule 12):
 * - ingestFlowRecords: main's exchange.flowIncoming answer → one record per (sender, DocumentId). Idempotent: the
 *   same package twice changes nothing, a second package of the same document is only noted as a duplicate.
 * - registerExchangeIncoming: the number is claimed in the SAME transaction as the register entry (registerIncoming,
 *   Art. 9.4) and the exchange record is marked registered in it too, so a document is never registered twice.
 * - returnExchangeIncoming / answerRevocation: the clerk's decision is committed first and marked unsettled; the
 *   sync (features/exchange/exchange-sync.ts) then sends the answer to main, so a crash in between loses nothing.
 */
import type { IncomingFlowRecord } from '../../shared/api/exchange-flow-schemas';
import { AppFailure } from '../../shared/api/result';
import { isUrgent } from '../../shared/domain/urgency';
import type { AppDB } from './db';
import type { ExchangeIncomingRecord, ExchangeIncomingState } from './exchange-records';
import { appendJournal } from './journal';
import { cancelEntry, registerIncoming, registrationTables, type IncomingRegistration, type RegistrationOutcome } from './registration';

export const documentKeyOf = (r: Pick<IncomingFlowRecord, 'from' | 'documentId'>): string => `${r.from}|${r.documentId}`;

function initialState(flow: IncomingFlowRecord): ExchangeIncomingState {
  if (flow.verdict === 'refused') return 'refused';
  if (flow.revoked) return 'revoked';
  return 'waiting';
}

/** Nothing left to tell main about this record. */
function isSettled(r: ExchangeIncomingRecord): boolean {
  const replied = (code: string) => r.flow.replies.some((s) => s.statusCode === code);
  const allConfirmed = [r.id, ...r.duplicateIds].every((id) => r.confirmedIds.includes(id));
  switch (r.state) {
    case 'waiting':
      return r.duplicateIds.every((id) => r.confirmedIds.includes(id)) && (r.revocationAnswer === undefined || r.flow.revocation?.answer != null);
    case 'registered':
      return allConfirmed && replied('03') && (r.revocationAnswer === undefined || r.flow.revocation?.answer != null);
    case 'returned':
      return allConfirmed && replied('02');
    case 'refused':
      return allConfirmed;
    case 'revoked':
      return allConfirmed && (r.revocationAnswer === undefined || r.flow.revocation?.answer != null);
  }
}

/** What ingestFlowRecords did: the ids of records seen for the first time (the urgent ones alarm). */
export interface IngestResult {
  added: ExchangeIncomingRecord[];
  updated: number;
}

/**
 * Stores main's flow records (one rw transaction). A record already known by its spool id gets the fresh snapshot
 * (verdict, replies, revocation request); a new spool id of a known document is kept as a duplicate.
 */
export async function ingestFlowRecords(db: AppDB, flows: readonly IncomingFlowRecord[]): Promise<IngestResult> {
  return db.transaction('rw', db.exchangeIncoming, async () => {
    const added: ExchangeIncomingRecord[] = [];
    let updated = 0;
    for (const flow of flows) {
      const key = documentKeyOf(flow);
      const known = await db.exchangeIncoming.where('documentKey').equals(key).first();
      if (!known) {
        const record: ExchangeIncomingRecord = {
          id: flow.id,
          documentKey: key,
          state: initialState(flow),
          urgency: flow.urgency,
          receivedAt: Date.parse(flow.receivedAt),
          flow,
          duplicateIds: [],
          confirmedIds: [],
          settled: false,
        };
        await db.exchangeIncoming.add(record);
        added.push(record);
        continue;
      }
      let next: ExchangeIncomingRecord;
      if (known.id === flow.id) {
        if (JSON.stringify(known.flow) === JSON.stringify(flow)) continue;
        next = { ...known, flow };
        // Revoked in main (our 15 went out) or refused there: the record follows.
        if (flow.revoked && known.state !== 'revoked') next.state = 'revoked';
        if (flow.verdict === 'refused' && known.state === 'waiting') next.state = 'refused';
      } else {
        if (known.duplicateIds.includes(flow.id)) continue;
        next = { ...known, duplicateIds: [...known.duplicateIds, flow.id] };
      }
      next.settled = isSettled(next);
      await db.exchangeIncoming.put(next);
      updated += 1;
    }
    return { added, updated };
  });
}

/** Records whose answers have not all reached main yet. */
export function listUnsettled(db: AppDB): Promise<ExchangeIncomingRecord[]> {
  return db.exchangeIncoming.filter((r) => !r.settled).toArray();
}

/** Notes what main now knows (a reply sent, an item confirmed) and recomputes `settled`. */
export async function noteSettled(db: AppDB, id: string, patch: { flow?: IncomingFlowRecord; confirmed?: string }): Promise<void> {
  await db.transaction('rw', db.exchangeIncoming, async () => {
    const r = await db.exchangeIncoming.get(id);
    if (!r) return;
    const next: ExchangeIncomingRecord = {
      ...r,
      ...(patch.flow ? { flow: patch.flow } : {}),
      confirmedIds: patch.confirmed && !r.confirmedIds.includes(patch.confirmed) ? [...r.confirmedIds, patch.confirmed] : r.confirmedIds,
    };
    next.settled = isSettled(next);
    await db.exchangeIncoming.put(next);
  });
}

/**
 * The waiting list (Art. 9.3): documents still to register or decide, and registered ones with an unanswered
 * revocation request; urgent first (most urgent on top), then oldest first.
 */
export async function listExchangeWaiting(db: AppDB): Promise<ExchangeIncomingRecord[]> {
  const rows = await db.exchangeIncoming
    .filter((r) => r.state === 'waiting' || (r.state === 'registered' && r.flow.revocation !== null && r.flow.revocation.answer === null && r.revocationAnswer === undefined))
    .toArray();
  const rank = { 'hoa-toc': 3, 'thuong-khan': 2, khan: 1, thuong: 0 } as const;
  return rows.sort((a, b) => rank[b.urgency] - rank[a.urgency] || a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
}

/** Documents main refused on arrival (a Mật mark, Art. 1.2), newest first, for the clerk to see why. */
export async function listRefused(db: AppDB, limit = 50): Promise<ExchangeIncomingRecord[]> {
  const rows = await db.exchangeIncoming.where('state').equals('refused').toArray();
  return rows.sort((a, b) => b.receivedAt - a.receivedAt).slice(0, limit);
}

/** Urgent documents not opened yet: they alarm until opened (Art. 9.3). */
export async function listUnopenedUrgent(db: AppDB): Promise<ExchangeIncomingRecord[]> {
  return (await listExchangeWaiting(db)).filter((r) => r.state === 'waiting' && isUrgent(r.urgency) && r.openedAt === undefined);
}

/** The clerk opened it (stops its alarm). */
export async function markOpened(db: AppDB, id: string, at: number): Promise<void> {
  await db.exchangeIncoming.where('id').equals(id).modify((r) => {
    r.openedAt ??= at;
  });
}

async function requireWaiting(db: AppDB, id: string): Promise<ExchangeIncomingRecord> {
  const r = await db.exchangeIncoming.get(id);
  if (!r) throw new AppFailure('NOT_FOUND', 'Không tìm thấy văn bản điện tử này.');
  if (r.state !== 'waiting') throw new AppFailure('CONFLICT', 'Văn bản này đã được xử lý trước đó.');
  return r;
}

/**
 * Registers a received document (Art. 9.1, 9.4): registerIncoming runs inside this transaction (Dexie nests it),
 * so the number, the entry, the document, the journal line and the exchange record's new state commit together.
 * A document already registered (even from a re-delivered package) gives CONFLICT and writes nothing.
 */
export async function registerExchangeIncoming(
  db: AppDB,
  id: string,
  registration: IncomingRegistration,
  at: number,
): Promise<RegistrationOutcome> {
  return db.transaction('rw', [...registrationTables(db), db.exchangeIncoming], async () => {
    const record = await requireWaiting(db, id);
    const outcome = await registerIncoming(db, registration);
    if (outcome.kind === 'registered') {
      await db.exchangeIncoming.put({ ...record, state: 'registered', entryId: outcome.entry.id, registeredAt: registration.arrivedAt.getTime(), openedAt: record.openedAt ?? at, settled: false });
    }
    return outcome;
  });
}

/** The clerk returns it (02 with the reason, Art. 9.2); journaled; the reply goes out through the sync. */
export async function returnExchangeIncoming(db: AppDB, input: { id: string; reason: string; actor: string; at: number }): Promise<ExchangeIncomingRecord> {
  const reason = input.reason.normalize('NFC').trim();
  if (reason === '' || reason.length > 2000) throw new AppFailure('VALIDATION', 'Cần nêu lý do trả lại.');
  return db.transaction('rw', [db.exchangeIncoming, db.journal], async () => {
    const record = await requireWaiting(db, input.id);
    if (record.flow.replies.some((s) => s.statusCode === '03')) throw new AppFailure('CONFLICT', 'Văn bản đã được tiếp nhận, không trả lại được nữa.');
    const next: ExchangeIncomingRecord = { ...record, state: 'returned', returnReason: reason, openedAt: record.openedAt ?? input.at, settled: false };
    await db.exchangeIncoming.put(next);
    await appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: 'exchange.returned',
      subject: record.documentKey,
      payload: { id: record.id, documentId: record.flow.documentId, from: record.flow.from, reason },
    });
    return next;
  });
}

/**
 * The clerk answers a revocation request (Art. 9.5): 15 accepts (the register entry, if any, is cancelled with the
 * reason and stays in the register; the file is kept), 16 refuses with a reason. Committed here, sent by the sync.
 */
export async function answerRevocation(
  db: AppDB,
  input: { id: string; code: '15' | '16'; reason?: string; actor: string; at: number },
  cancelReason: (requestReason: string) => string,
): Promise<ExchangeIncomingRecord> {
  const reason = input.reason?.normalize('NFC').trim();
  if (input.code === '16' && !reason) throw new AppFailure('VALIDATION', 'Cần nêu lý do từ chối thu hồi.');
  const record = await db.exchangeIncoming.get(input.id);
  if (!record) throw new AppFailure('NOT_FOUND', 'Không tìm thấy văn bản điện tử này.');
  const request = record.flow.revocation;
  if (!request || request.answer !== null || record.revocationAnswer) throw new AppFailure('CONFLICT', 'Văn bản này không có yêu cầu thu hồi đang chờ trả lời.');
  if (input.code === '15' && record.entryId !== undefined) {
    const entry = await db.registerEntries.get(record.entryId);
    if (entry && entry.status === 'active') await cancelEntry(db, { entryId: record.entryId, reason: cancelReason(request.reason), actor: input.actor, at: input.at });
  }
  return db.transaction('rw', [db.exchangeIncoming, db.journal], async () => {
    const current = (await db.exchangeIncoming.get(input.id)) ?? record;
    const next: ExchangeIncomingRecord = {
      ...current,
      state: input.code === '15' ? 'revoked' : current.state,
      revocationAnswer: { code: input.code, ...(reason ? { reason } : {}), at: input.at },
      settled: false,
    };
    await db.exchangeIncoming.put(next);
    await appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: input.code === '15' ? 'exchange.revocationAccepted' : 'exchange.revocationRefused',
      subject: current.documentKey,
      payload: { id: current.id, entryId: current.entryId ?? null, reason: reason ?? null },
    });
    return next;
  });
}

/** One version of a document that was updated (BussinessDocType 2) or replaced (3), with its incoming number if registered. */
export interface DocumentVersion {
  record: ExchangeIncomingRecord;
  /** Số đến of its register entry, when it was registered. */
  number: number | null;
}

/** How many versions are followed either way (a loop in the senders' links cannot run away). */
const MAX_VERSIONS = 20;

/**
 * Every version of a document, oldest first (issue 8: "update (2) and replace (3) keep the history of versions"):
 * back through `flow.replaces` (same sender, the DocumentId of the earlier version), and forward to the versions
 * that name this one. Every version stays in the table and, once registered, in the register.
 */
export async function listVersions(db: AppDB, record: ExchangeIncomingRecord): Promise<DocumentVersion[]> {
  const chain: ExchangeIncomingRecord[] = [record];
  const seen = new Set([record.documentKey]);
  for (let r = record; r.flow.replaces !== null && chain.length < MAX_VERSIONS; ) {
    const key = documentKeyOf({ from: r.flow.from, documentId: r.flow.replaces });
    const earlier = seen.has(key) ? undefined : await db.exchangeIncoming.where('documentKey').equals(key).first();
    if (!earlier) break;
    seen.add(key);
    chain.unshift(earlier);
    r = earlier;
  }
  for (let r = record; chain.length < MAX_VERSIONS; ) {
    const from = r.flow.from;
    const documentId = r.flow.documentId;
    const later = await db.exchangeIncoming.filter((x) => x.flow.from === from && x.flow.replaces === documentId && !seen.has(x.documentKey)).first();
    if (!later) break;
    seen.add(later.documentKey);
    chain.push(later);
    r = later;
  }
  const entries = await db.registerEntries.bulkGet(chain.map((r) => r.entryId ?? -1));
  return chain.map((r, i) => ({ record: r, number: entries[i]?.number ?? null }));
}
