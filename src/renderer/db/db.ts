/**
 * The renderer's one Dexie database (house rule 12; Dexie's TypeScript sample [A9]): EntityTable types and a
 * versioned schema. Only the modules in src/renderer/db write to it.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ExchangeIncomingRecord } from './exchange-records';
import { buildOcrPostings } from './ocr-index';
import type {
  AccountRecord,
  DocumentRecord,
  JournalRecord,
  OcrPostingRecord,
  OcrTokensRecord,
  OutgoingDraftRecord,
  RegisterEntryRecord,
  RegisterRecord,
  SearchSnapshotRecord,
} from './records';
import { boundOcrText, joinOcrTokens, ocrSearchTokens } from './search-index';

/** Name of the production database. Tests pass a fresh name each. */
export const DEFAULT_DB_NAME = 'van-thu-so';

/**
 * Index design (register search must answer in a few ms on 200,000 entries; searchRegister answers from an
 * in-memory cache refreshed through `:id` and journal `seq` ranges, searchRegisterByIndexes from these alone):
 * - `&[registerId+number]`: a number is unique in its register (Art. 9.4) and the highest one is one key away.
 * - `[kind+…+year+number]`: each filter (year, urgency, sender, status, handling) is one key range whose primary
 *   keys already come in register order, read with getAllKeys and never loading an entry.
 * - `[kind+year+issuerFolded]`: the distinct senders of a year with a unique-key cursor.
 * - `*searchTokens`: multiEntry word index; a query word is a prefix range over it.
 * - `[kind+registrationKey]`: the duplicate check (same số/ký hiệu from the same issuer).
 */
export const SCHEMA_V1 = {
  documents: 'id, direction, fileSha256',
  registers: 'id, [kind+year]',
  registerEntries: [
    '++id',
    '&[registerId+number]',
    '[kind+year+number]',
    '[kind+urgency+year+number]',
    '[kind+issuerFolded+year+number]',
    '[kind+status+year+number]',
    '[kind+handling+year+number]',
    '[kind+year+issuerFolded]',
    '[kind+registrationKey]',
    '*searchTokens',
    'documentId',
  ].join(', '),
  accounts: 'id, &username',
  journal: 'seq',
} as const;

/**
 * Version 2 adds the personally signed drafts waiting for a number (Art. 11.1b: the leader's signed file reaches
 * the clerk through the database, not by passing files around). `[status+createdAt]` lists the waiting ones,
 * oldest first, from one key range.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  outgoingDrafts: 'id, [status+createdAt], fileSha256',
} as const;

/**
 * Version 3 adds the documents received through the axis (issue 8, db/exchange-incoming.ts): `&documentKey`
 * (sender + edXML DocumentId) makes a re-delivered package unable to become a second record.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  exchangeIncoming: 'id, &documentKey, state',
} as const;

/**
 * Version 4 (issue 9) makes the OCR text of scanned originals searchable and the sign-in fast:
 * - `ocrTokens` (entryId → its OCR tokens) and `ocrIndex` (token → posting list of entry ids), written in the
 *   registration's transaction (db/ocr-index.ts); a search reads only its own words' posting lists by prefix range.
 * - `searchSnapshots`: the search cache's packed checkpoint, so sign-in reads a few values instead of every entry.
 * The upgrade indexes the OCR text of documents that already carry one.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  ocrTokens: 'entryId',
  ocrIndex: 'token',
  searchSnapshots: 'id',
} as const;

/** The latest schema version. */
export const DB_VERSION = 4;

export class AppDB extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  registers!: EntityTable<RegisterRecord, 'id'>;
  registerEntries!: EntityTable<RegisterEntryRecord, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  journal!: EntityTable<JournalRecord, 'seq'>;
  outgoingDrafts!: EntityTable<OutgoingDraftRecord, 'id'>;
  exchangeIncoming!: EntityTable<ExchangeIncomingRecord, 'id'>;
  ocrTokens!: EntityTable<OcrTokensRecord, 'entryId'>;
  ocrIndex!: EntityTable<OcrPostingRecord, 'token'>;
  searchSnapshots!: EntityTable<SearchSnapshotRecord, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Old versions stay declared so a database of any earlier version upgrades step by step.
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        // Documents that already carry OCR text (none were written before version 4, but a database restored from
        // elsewhere may have them): their entries get their tokens and posting lists.
        const docs = new Map<string, string>();
        await tx.table<DocumentRecord, string>('documents').each((d) => {
          const text = boundOcrText(d.ocrText);
          if (text !== undefined) docs.set(d.id, text);
        });
        if (docs.size === 0) return;
        const rows: { entryId: number; documentId: string; tokens: string[] }[] = [];
        await tx.table<RegisterEntryRecord, number>('registerEntries').each((e) => {
          const text = docs.get(e.documentId);
          const tokens = text === undefined ? [] : ocrSearchTokens(text);
          if (tokens.length > 0) rows.push({ entryId: e.id as number, documentId: e.documentId, tokens });
        });
        await tx.table<OcrTokensRecord, number>('ocrTokens').bulkPut(rows.map((r) => ({ entryId: r.entryId, documentId: r.documentId, tokens: joinOcrTokens(r.tokens) })));
        await tx.table<OcrPostingRecord, string>('ocrIndex').bulkPut(buildOcrPostings(rows));
      });
  }
}

/** Opens (lazily, on first use) the database called `name`. */
export function createDb(name: string = DEFAULT_DB_NAME): AppDB {
  return new AppDB(name);
}
