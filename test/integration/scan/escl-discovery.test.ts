/**
 * Discovery of network scanners by DNS-SD (`_uscan._tcp`) against a loopback responder that advertises the loopback
 * eSCL test device: the address found is added like a typed one and answers; malformed answers are ignored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEsclRegistry } from '../../../src/main/scan/devices/escl/escl-registry';
import { discoverEscl, discoveryQuery, parseRecords } from '../../../src/main/scan/devices/escl/mdns-discovery';
import { startEsclTestDevice } from '../../support/escl/escl-test-device';
import { startMdnsResponder } from '../../support/escl/mdns-responder';

describe('eSCL discovery (DNS-SD)', () => {
  it('finds the advertised scanner, which can then be added', async () => {
    const device = await startEsclTestDevice({ pages: [], makeAndModel: 'Máy quét tầng 2' });
    const port = Number(new URL(device.url).port);
    // A truncated packet and a pointer loop arrive first; they must not hide the good answer.
    const loop = Buffer.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0xc0, 12]);
    const responder = await startMdnsResponder({ instance: 'Scanner tang 2', host: 'scanner-2.local', ip: '127.0.0.1', port, path: 'eSCL', model: 'Loopback eSCL Scanner' }, [Buffer.from([1, 2, 3]), loop]);
    const dataDir = await mkdtemp(join(tmpdir(), 'vts-mdns-'));
    try {
      const found = await discoverEscl({ target: { address: '127.0.0.1', port: responder.port }, timeoutMs: 60_000, stopWhenFound: 1 });
      expect(found).toEqual([{ url: device.url, name: 'Loopback eSCL Scanner' }]);
      expect(responder.queries).toHaveLength(1);
      const registry = createEsclRegistry({ dataDir, log: { warn: () => undefined } });
      const added = await registry.add(found[0]?.url ?? '', undefined, AbortSignal.timeout(30_000));
      expect(added).toEqual({ id: `escl:${device.url}`, name: 'Máy quét tầng 2', kind: 'escl' });
    } finally {
      await responder.close();
      await device.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('asks for both eSCL service types and refuses malformed packets', () => {
    const q = discoveryQuery();
    expect(q.includes(Buffer.from('_uscan'))).toBe(true);
    expect(q.includes(Buffer.from('_uscans'))).toBe(true);
    expect(() => parseRecords(Buffer.alloc(5))).toThrow();
    expect(() => parseRecords(Buffer.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0xc0, 12]))).toThrow(/loop|bounds/);
  });
});
