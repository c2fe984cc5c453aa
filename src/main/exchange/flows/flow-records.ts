/**
 * What the exchange flows (issue 8, Quy chế Art. 9.2–9.5, 10.5) know beyond the spools: for each received
 * document its verification verdict, the statuses we answered and a pending revocation request; for each document
 * we sent, the receivers and every status they answered (the per-recipient timeline). One JSON file per record
 * under `<dataDir>/exchange/flows/{incoming,sent}/`, written temp → fsync → rename, so a crash leaves the old or
 * the new record, never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingFlowRecord, SentDocumentRecord } from '../../../shared/api/exchange-flow-schemas';

export interface FlowRecords {
  init(): Promise<void>;
  incoming(id: string): IncomingFlowRecord | null;
  listIncoming(): IncomingFlowRecord[];
  putIncoming(record: IncomingFlowRecord): Promise<IncomingFlowRecord>;
  /** The received record of a document (sender + DocumentId), for a revocation request or a duplicate. */
  incomingByDocument(from: string, documentId: string): IncomingFlowRecord | null;
  sent(documentId: string): SentDocumentRecord | null;
  listSent(): SentDocumentRecord[];
  putSent(record: SentDocumentRecord): Promise<SentDocumentRecord>;
}

const fileName = (key: string): string => `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`;

async function writeAtomic(dir: string, name: string, value: unknown): Promise<void> {
  const tmp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(JSON.stringify(value));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, name));
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

async function loadDir<T>(dir: string): Promise<T[]> {
  await mkdir(dir, { recursive: true });
  const out: T[] = [];
  for (const name of await readdir(dir)) {
    if (name.endsWith('.tmp')) {
      await rm(join(dir, name), { force: true });
      continue;
    }
    if (!name.endsWith('.json')) continue;
    try {
      out.push(JSON.parse(await readFile(join(dir, name), 'utf8')) as T);
    } catch {
      // A record that does not parse was never renamed into place by us; leave it for inspection.
    }
  }
  return out;
}

/** The flow records of `<dataDir>/exchange/flows`. */
export function createFlowRecords(root: string): FlowRecords {
  const incomingDir = join(root, 'incoming');
  const sentDir = join(root, 'sent');
  const incoming = new Map<string, IncomingFlowRecord>();
  const sent = new Map<string, SentDocumentRecord>();
  let loaded: Promise<void> | null = null;
  return {
    init() {
      loaded ??= (async () => {
        for (const r of await loadDir<IncomingFlowRecord>(incomingDir)) incoming.set(r.id, r);
        for (const r of await loadDir<SentDocumentRecord>(sentDir)) sent.set(r.documentId, r);
      })();
      return loaded;
    },
    incoming: (id) => incoming.get(id) ?? null,
    listIncoming: () => [...incoming.values()].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    async putIncoming(record) {
      await writeAtomic(incomingDir, fileName(record.id), record);
      incoming.set(record.id, record);
      return record;
    },
    incomingByDocument(from, documentId) {
      for (const r of incoming.values()) if (r.from === from && r.documentId === documentId && r.kind === 'edoc') return r;
      return null;
    },
    sent: (documentId) => sent.get(documentId) ?? null,
    listSent: () => [...sent.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    async putSent(record) {
      await writeAtomic(sentDir, fileName(record.documentId), record);
      sent.set(record.documentId, record);
      return record;
    },
  };
}
