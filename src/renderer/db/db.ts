/**
 * The renderer's one Dexie database (house rule 12; Dexie's TypeScript sample [A9]): EntityTable types and a
 * versioned schema. Only the modules in src/renderer/db write to it.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ExchangeIncomingRecord } from './exchange-records';
import type { AccountRecord, DocumentRecord, JournalRecord, OutgoingDraftRecord, RegisterEntryRecord, RegisterRecord } from './records';

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

export class AppDB extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  registers!: EntityTable<RegisterRecord, 'id'>;
  registerEntries!: EntityTable<RegisterEntryRecord, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  journal!: EntityTable<JournalRecord, 'seq'>;
  outgoingDrafts!: EntityTable<OutgoingDraftRecord, 'id'>;
  exchangeIncoming!: EntityTable<ExchangeIncomingRecord, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Old versions stay declared so a database of any earlier version upgrades step by step.
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
  }
}

/** Opens (lazily, on first use) the database called `name`. */
export function createDb(name: string = DEFAULT_DB_NAME): AppDB {
  return new AppDB(name);
}
