// Received documents in Dexie (issue 8; Quy chế Art. 9.2, 9.4, 9.5): ingest is idempotent on sender + DocumentId,
// the number is taken in the same transaction as the entry and the exchange record, so one document is never
// registered twice; a returned one keeps its reason until main has it; a revocation (15) cancels the entry.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb, DB_VERSION, SCHEMA_V2, type AppDB } from '../../../../../src/renderer/db/db';
import {
  answerRevocation,
  ingestFlowRecords,
  listExchangeWaiting,
  listUnopenedUrgent,
  markOpened,
  registerExchangeIncoming,
  returnExchangeIncoming,
} from '../../../../../src/renderer/db/exchange-incoming';
import { validateIncomingForm } from '../../../../../src/shared/domain/incoming-document';
import { formFromFlow } from '../../../../../src/renderer/features/exchange/exchange-form';
import { checkForm } from '../../../../../src/renderer/features/registration/form-state';
import { flowRecord, hex } from './flow-fixtures';

let db: AppDB | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

const fresh = () => (db = createDb(`exchange-${Math.random().toString(36).slice(2)}`));

function registration(flow = flowRecord()) {
  const checked = checkForm(formFromFlow(flow), '2026-11-24');
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const arrivedAt = new Date(flow.receivedAt);
  let n = 0;
  return {
    form: checked.value,
    file: { sha256: hex('a'), size: 31_000 },
    arrivedAt,
    receipt: { legal: arrivedAt, rule: { kind: 'in-office-hours' as const } },
    actor: 'vanthu',
    confirmDuplicate: false,
    newId: () => `doc-${(n += 1)}`,
  };
}

describe('exchange incoming in Dexie', () => {
  it('fills the form from the edXML header (số/ký hiệu, issuer, dd/MM/yyyy date, type, urgency) and it validates', () => {
    const values = formFromFlow(flowRecord({ urgency: 'hoa-toc', typeName: 'Quyết định', codeNotation: 'QĐ-SNV' }));
    expect(values).toMatchObject({ typeId: 'quyet-dinh', codeNotation: '125/QĐ-SNV', issuer: 'Sở Nội vụ tỉnh Lai Châu', documentDate: '20/11/2026', urgency: 'hoa-toc' });
    expect(values.note).toContain('000.00.01.H35');
    expect(validateIncomingForm({ ...values, documentDate: '2026-11-20' }, { today: '2026-11-24' }).ok).toBe(true);
  });

  it('ingests the same package twice and a re-delivery of the same DocumentId as ONE record', async () => {
    const d = fresh();
    const first = await ingestFlowRecords(d, [flowRecord()]);
    expect(first.added).toHaveLength(1);
    const again = await ingestFlowRecords(d, [flowRecord()]);
    expect(again).toEqual({ added: [], updated: 0 });
    await ingestFlowRecords(d, [flowRecord(), flowRecord({ id: hex('2'), duplicateOf: hex('1') })]);
    const all = await d.exchangeIncoming.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]!.duplicateIds).toEqual([hex('2')]);
  });

  it('sorts urgent first (Art. 9.3) and alarms until opened', async () => {
    const d = fresh();
    await ingestFlowRecords(d, [
      flowRecord(),
      flowRecord({ id: hex('3'), documentId: 'd-3', urgency: 'khan', receivedAt: '2026-11-24T01:40:00.000Z' }),
      flowRecord({ id: hex('4'), documentId: 'd-4', urgency: 'hoa-toc', receivedAt: '2026-11-24T01:50:00.000Z' }),
    ]);
    expect((await listExchangeWaiting(d)).map((r) => r.urgency)).toEqual(['hoa-toc', 'khan', 'thuong']);
    expect(await listUnopenedUrgent(d)).toHaveLength(2);
    await markOpened(d, hex('4'), Date.parse('2026-11-24T02:00:00Z'));
    expect((await listUnopenedUrgent(d)).map((r) => r.id)).toEqual([hex('3')]);
  });

  it('registers once: number 1 with the entry, and a second registration of the same document changes nothing (Art. 9.4)', async () => {
    const d = fresh();
    await ingestFlowRecords(d, [flowRecord()]);
    const outcome = await registerExchangeIncoming(d, hex('1'), registration(), Date.parse('2026-11-24T02:00:00Z'));
    expect(outcome.kind).toBe('registered');
    const record = await d.exchangeIncoming.get(hex('1'));
    expect(record).toMatchObject({ state: 'registered', entryId: outcome.kind === 'registered' ? outcome.entry.id : -1 });
    await expect(registerExchangeIncoming(d, hex('1'), registration(), 0)).rejects.toMatchObject({ code: 'CONFLICT' });
    // A re-delivered package of the same document after registration: still one record, one entry.
    await ingestFlowRecords(d, [flowRecord({ id: hex('5') })]);
    expect(await d.registerEntries.count()).toBe(1);
    expect(await d.exchangeIncoming.count()).toBe(1);
    expect(await listExchangeWaiting(d)).toHaveLength(0);
  });

  it('a return needs a reason, is journaled, and leaves the list', async () => {
    const d = fresh();
    await ingestFlowRecords(d, [flowRecord({ verdict: 'invalid', reasons: ['cong-van.pdf: nội dung bị sửa sau khi ký'], replies: [] })]);
    await expect(returnExchangeIncoming(d, { id: hex('1'), reason: '  ', actor: 'vanthu', at: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    const returned = await returnExchangeIncoming(d, { id: hex('1'), reason: 'Chữ ký số không hợp lệ', actor: 'vanthu', at: 1 });
    expect(returned).toMatchObject({ state: 'returned', returnReason: 'Chữ ký số không hợp lệ', settled: false });
    expect((await d.journal.toArray()).map((j) => j.action)).toEqual(['exchange.returned']);
    expect(await listExchangeWaiting(d)).toHaveLength(0);
  });

  it('accepting a revocation (15) cancels the register entry, which stays in the register (Art. 9.5)', async () => {
    const d = fresh();
    await ingestFlowRecords(d, [flowRecord()]);
    await registerExchangeIncoming(d, hex('1'), registration(), 1);
    await ingestFlowRecords(d, [flowRecord({ revocation: { requestedAt: '2026-11-24T03:00:00.000Z', reason: 'Ban hành nhầm', answer: null } })]);
    expect(await listExchangeWaiting(d)).toHaveLength(1);
    const answered = await answerRevocation(d, { id: hex('1'), code: '15', actor: 'vanthu', at: 2 }, (why) => `Thu hồi: ${why}`);
    expect(answered.state).toBe('revoked');
    const entries = await d.registerEntries.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 'cancelled', cancelReason: 'Thu hồi: Ban hành nhầm' });
    await expect(answerRevocation(d, { id: hex('1'), code: '16', reason: 'x', actor: 'vanthu', at: 3 }, (w) => w)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('upgrades a version-2 database to the latest version and keeps its register entries', async () => {
    const name = `exchange-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    await old.table('accounts').add({ id: 'a1', username: 'vanthu', fullName: 'V', role: 'van-thu', passwordHash: 'h', createdAt: 1, disabled: false });
    old.close();
    const d = (db = createDb(name));
    expect(await d.accounts.count()).toBe(1);
    expect(d.verno).toBe(DB_VERSION); // v3 adds exchangeIncoming, v4 the OCR index (issue 9)
    expect(await ingestFlowRecords(d, [flowRecord()])).toMatchObject({ added: [{ id: hex('1') }] });
  });
});
