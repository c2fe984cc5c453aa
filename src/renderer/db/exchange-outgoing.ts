/**
 * Issued outgoing documents that can go out through the axis (issue 8; Quy chế Art. 10.1, 11.1d): read-only; what
 * was sent and each receiver's statuses are main's flow records (exchange.flowSent), linked back by `ref` = the
 * document id.
 */
import type { AppDB } from './db';
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
