/**
 * Issued outgoing documents that can go out through the axis (issue 8; Quy chế Art. 10.1, 11.1d): read-only; what
 * was sent and each receiver's statuses are main's flow records (exchange.flowSent), linked back by `ref` = the
 * document id.
 */
import type { AppDB } from './db';
import { appendJournal } from './journal';
import type { RegisterRow } from './records';

/** Most recent first; at most `limit`. Cancelled entries and confidential documents are left out (Art. 1.2). */
export async function listIssuedOutgoing(db: AppDB, limit = 200): Promise<RegisterRow[]> {
  const entries = await db.registerEntries
    .where('[kind+year+number]')
    .between(['outgoing', -Infinity, -Infinity], ['outgoing', Infinity, Infinity])
    .filter((e) => e.issuedAt !== undefined && e.status === 'active')
    .toArray();
  entries.sort((a, b) => (b.issuedAt ?? 0) - (a.issuedAt ?? 0));
  const shown = entries.slice(0, limit);
  const docs = await db.documents.bulkGet(shown.map((e) => e.documentId));
  const rows: RegisterRow[] = [];
  shown.forEach((entry, i) => {
    const document = docs[i];
    if (document && document.confidentiality === 'thuong') rows.push({ entry, document });
  });
  return rows;
}

/**
 * Journals a send or a revocation request of an issued document (architecture.md: every state change appends to
 * the hash-chained audit journal). The package itself is spooled and retried by main; this is the renderer's record
 * of who asked for it and when.
 */
export async function journalExchangeSend(
  db: AppDB,
  input: { action: 'exchange.sent' | 'exchange.revokeRequested'; ref: string | null; exchangeDocumentId: string; to?: readonly string[]; reason?: string; actor: string; at: number },
): Promise<void> {
  await db.transaction('rw', db.journal, () =>
    appendJournal(db, {
      at: input.at,
      actor: input.actor,
      action: input.action,
      subject: input.exchangeDocumentId,
      payload: { ref: input.ref, ...(input.to ? { to: [...input.to] } : {}), ...(input.reason ? { reason: input.reason } : {}) },
    }),
  );
}
