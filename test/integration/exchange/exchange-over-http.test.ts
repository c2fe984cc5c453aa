// The exchange channels through the real web host, as the renderer reaches them (issue 8): axis settings with the
// secret kept aside, a sync cycle against the test axis, the spooled item confirmed by the renderer, the agency
// directory, and a send whose acknowledgement time is the legal sending time (Art. 10.5).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/api/result';
import type { AgencySearchResult, IncomingSpoolEntry, OutgoingSpoolEntry, SyncStatus } from '../../../src/shared/api/exchange-schemas';
import { samplePackage } from '../../support/axis/sample-package';
import { startTestAxis, type TestAxis } from '../../support/axis/test-axis';
import { startTestWebHost, type TestWebHost } from '../../support/web-host';

const ME = { systemId: 'web-me', secret: 'web-secret-0001', agencyCode: '000.00.00.H35' };
const PEER = { systemId: 'web-peer', secret: 'web-secret-0002', agencyCode: '000.00.00.G22' };

let axis: TestAxis;
let host: TestWebHost;
beforeAll(async () => {
  axis = await startTestAxis({ systems: [ME, PEER], agencies: [{ id: '1', code: 'G22', code102: '000.00.00.G22', name: 'Văn phòng Chính phủ' }] });
  host = await startTestWebHost();
});
afterAll(async () => {
  await host.stop();
  await axis.close();
});

async function call<T>(channel: string, body: unknown): Promise<T> {
  const res = await host.invoke(channel, body);
  const result = res.body as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

it('configures the axis, receives, confirms, searches the directory and sends', async () => {
  const notConfigured = await call<SyncStatus>('exchange.syncNow', {});
  expect(notConfigured).toMatchObject({ configured: false, lastError: { code: 'AXIS_NOT_CONFIGURED' } });

  const view = await call<Record<string, unknown>>('exchange.settingsUpdate', { endpoint: axis.url, systemId: ME.systemId, secret: ME.secret });
  expect(view).toMatchObject({ hasSecret: true });
  expect(JSON.stringify(view)).not.toContain(ME.secret);
  const refused = await host.invoke('exchange.settingsUpdate', { endpoint: 'http://truc.example.gov.vn' });
  expect((refused.body as Result<unknown>).ok).toBe(false);

  axis.deliver(ME.agencyCode, samplePackage({ documentId: 'WEB-1' }));
  const status = await call<SyncStatus>('exchange.syncNow', {});
  expect(status).toMatchObject({ online: true, configured: true, incomingReady: 1 });
  const [item] = await call<IncomingSpoolEntry[]>('exchange.incomingList', { state: 'ready' });
  expect(item).toMatchObject({ state: 'ready', messageType: 'edoc' });
  expect(axis.inbox(ME.agencyCode)[0]?.state).toBe('done');
  expect(await call<IncomingSpoolEntry>('exchange.incomingConfirm', { id: item!.id })).toMatchObject({ state: 'ingested' });

  expect((await call<{ count: number }>('exchange.agenciesRefresh', {})).count).toBe(1);
  const found = await call<AgencySearchResult>('exchange.agencies', { query: 'van phong chinh phu' });
  expect(found.entries[0]).toMatchObject({ code102: '000.00.00.G22', codeQd20: 'G22' });

  const stored = await call<{ sha256: string }>('files.put', { mediaType: 'application/xml', dataBase64: samplePackage({ documentId: 'WEB-OUT', from: ME.agencyCode, to: PEER.agencyCode }).toString('base64') });
  const sent = await call<{ item: OutgoingSpoolEntry; warnings: string[] }>('exchange.send', { packageSha256: stored.sha256, messageType: 'edoc', to: [PEER.agencyCode, '000.00.00.G99'], ref: 'outbox-7' });
  expect(sent.warnings).toEqual([expect.stringMatching(/000\.00\.00\.G99 không có trong danh mục/)]);
  await call('exchange.syncNow', {});
  // The incoming flow also answered the received package with status 01 (Art. 9.2); pick the document sent here.
  const out = (await call<OutgoingSpoolEntry[]>('exchange.outgoingList', { state: 'sent' })).find((o) => o.ref === 'outbox-7');
  expect(out).toMatchObject({ ref: 'outbox-7', state: 'sent' });
  expect(out?.acknowledgedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(axis.sent().find((s) => s.messageType === 'edoc')?.to).toEqual([PEER.agencyCode, '000.00.00.G99']);

  expect(await call<SyncStatus>('exchange.pause', {})).toMatchObject({ paused: true });
  expect(await call<SyncStatus>('exchange.resume', {})).toMatchObject({ paused: false });
});
