/**
 * The network (eSCL) scanners the clerk added by address, kept in `<dataDir>/scan/network-scanners.json` (atomic
 * write). An address is accepted only when it parses as http/https without credentials and the device answers
 * ScannerCapabilities; the id is `escl:` + the normalized address. `discover` offers the scanners that announce
 * themselves by DNS-SD (mdns-discovery.ts); they are used only once added.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../../../shared/api/result';
import { writeFileAtomic } from '../../../storage/atomic-file';
import type { ScanDevice } from '../../scanner';
import type { NetworkScanners } from '../../scan-service';
import { parseEsclUrl } from './escl-http';
import { fetchCapabilities } from './escl-scanner';
import { discoverEscl } from './mdns-discovery';

const MAX_DEVICES = 50;
const Stored = z.array(z.object({ id: z.string().max(600), name: z.string().max(100) }).strict()).max(MAX_DEVICES);

/** Build the registry for one data directory. */
export function createEsclRegistry(options: { dataDir: string; log: Pick<Console, 'warn'> }): NetworkScanners {
  const file = join(options.dataDir, 'scan', 'network-scanners.json');
  const read = async (): Promise<ScanDevice[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = Stored.safeParse(json);
    if (!parsed.success) {
      options.log.warn('[scan] network-scanners.json ignored: malformed');
      return [];
    }
    return parsed.data.filter((d) => parseEsclUrl(d.id.slice(5)) !== false && d.id.startsWith('escl:')).map((d) => ({ ...d, kind: 'escl' as const }));
  };
  const write = (devices: ScanDevice[]): Promise<void> =>
    writeFileAtomic(file, JSON.stringify(devices.map(({ id, name }) => ({ id, name })), null, 2));

  return {
    list: read,
    async add(url, name, signal) {
      const parsed = parseEsclUrl(url);
      if (parsed === false) throw new AppFailure('VALIDATION', 'Địa chỉ máy quét mạng không hợp lệ (chỉ http:// hoặc https://, không kèm tên đăng nhập).');
      const caps = await fetchCapabilities(parsed, signal);
      const device: ScanDevice = { id: `escl:${parsed.href}`, name: name ?? (caps.makeAndModel || parsed.host), kind: 'escl' };
      const devices = (await read()).filter((d) => d.id !== device.id);
      if (devices.length >= MAX_DEVICES) throw new AppFailure('VALIDATION', `Tối đa ${MAX_DEVICES} máy quét mạng.`);
      await write([...devices, device]);
      return device;
    },
    async discover() {
      const found = await discoverEscl({ timeoutMs: 2000 });
      // Only what parses as an acceptable address is offered.
      return found.filter((f) => parseEsclUrl(f.url) !== false).map((f) => ({ url: (parseEsclUrl(f.url) as URL).href, name: f.name }));
    },
    async remove(deviceId) {
      const devices = await read();
      const kept = devices.filter((d) => d.id !== deviceId);
      if (kept.length === devices.length) return false;
      await write(kept);
      return true;
    },
  };
}
