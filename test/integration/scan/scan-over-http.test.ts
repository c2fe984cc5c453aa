/**
 * The scan channels through the real web host (the transport the renderer uses): devices from the SANE test backend,
 * a feeder scan whose PDF comes back through files.get, job.progress on the event stream's hub, and bad requests
 * refused by the schema before a scanner is touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src/shared/api/events';
import { createSaneTestEnv, type SaneTestEnv } from '../../support/sane/sane-env';
import { startTestWebHost, type TestWebHost } from '../../support/web-host';

let sane: SaneTestEnv;
let host: TestWebHost;
const progress: JobProgress[] = [];

beforeAll(async () => {
  sane = await createSaneTestEnv();
  // createServices reads the environment of main; this worker's copy gets the private SANE config.
  process.env['SANE_CONFIG_DIR'] = sane.configDir;
  host = await startTestWebHost();
  host.hub.subscribe((event, payload) => {
    if (event === 'job.progress') progress.push(payload as JobProgress);
  });
});
afterAll(async () => {
  await host.stop();
  await sane.dispose();
});

describe('scan.* over the web host', () => {
  it('lists the SANE test devices', async () => {
    const res = await host.invoke('scan.devices', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, value: expect.arrayContaining([{ id: 'sane:test:0', name: expect.any(String), kind: 'sane' }]) });
  });

  it('scans two feeder pages into a stored PDF that files.get returns', async () => {
    const res = await host.invoke('scan.start', {
      jobId: 'http-scan-0001',
      deviceId: 'sane:test:0',
      settings: { resolution: 75, colorMode: 'gray', source: 'adf', pageSize: 'a4', maxPages: 2 },
    });
    const body = res.body as { ok: boolean; value: { documents: Array<{ file: { sha256: string }; pageCount: number }> } };
    expect(body.ok).toBe(true);
    expect(body.value.documents).toHaveLength(1);
    expect(body.value.documents[0]?.pageCount).toBe(2);
    const file = (await host.invoke('files.get', { sha256: body.value.documents[0]?.file.sha256 })).body as { ok: boolean; value: { mediaType: string; dataBase64: string } };
    expect(file.value.mediaType).toBe('application/pdf');
    expect(Buffer.from(file.value.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const mine = progress.filter((p) => p.jobId === 'http-scan-0001');
    expect(mine.at(-1)).toMatchObject({ state: 'finished', done: 2, label: 'Quét văn bản' });
  });

  it('refuses malformed requests with VALIDATION', async () => {
    for (const req of [
      { deviceId: 'sane:test:0', settings: { resolution: 99999, colorMode: 'gray', source: 'adf', pageSize: 'a4', maxPages: 2 } },
      { deviceId: 'usb:/dev/sda', settings: { resolution: 100, colorMode: 'gray', source: 'adf', pageSize: 'a4', maxPages: 2 } },
      { deviceId: 'sane:test:0', settings: { resolution: 100, colorMode: 'gray', source: 'adf', pageSize: 'a4', maxPages: 2, extra: '--batch=/etc' } },
    ]) {
      expect((await host.invoke('scan.start', req)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect((await host.invoke('scan.addNetwork', { url: 'file:///etc/passwd' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
