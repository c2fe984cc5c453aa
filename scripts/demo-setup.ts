/**
 * `npm run demo` (issue 8): the loopback test axis with two agencies, and for each agency a fresh data directory
 * whose settings already name the unit and point the exchange at that axis (system id and secret kept through
 * the 0600 secret files of the web host). Everything is made up and on 127.0.0.1 only.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAxisSettingsStore } from '../src/main/exchange/settings/axis-settings';
import { createFileSecretStore } from '../src/main/storage/secret-store';
import { createSettingsStore } from '../src/main/storage/settings-store';
import { startTestAxis, type TestAxis } from '../test/support/axis/test-axis';

export interface DemoStation {
  label: string;
  code: string;
  name: string;
  dataDir: string;
  port: number;
}

export const STATIONS = [
  { label: 'A', code: '000.00.00.G22', codeQd20: 'G22', name: 'Văn phòng Chính phủ (thử nghiệm)', systemId: 'demo-a', secret: 'demo-secret-000a', port: 4421 },
  { label: 'B', code: '000.00.00.H35', codeQd20: 'H35', name: 'UBND tỉnh Lai Châu (thử nghiệm)', systemId: 'demo-b', secret: 'demo-secret-000b', port: 4422 },
] as const;

export async function setUpDemo(): Promise<{ axis: TestAxis; stations: DemoStation[] }> {
  const axis = await startTestAxis({
    systems: STATIONS.map((s) => ({ systemId: s.systemId, secret: s.secret, agencyCode: s.code })),
    agencies: STATIONS.map((s, i) => ({ id: String(i + 1), code: s.codeQd20, code102: s.code, name: s.name })),
  });
  const stations: DemoStation[] = [];
  for (const s of STATIONS) {
    const dataDir = await mkdtemp(join(tmpdir(), `vanthu-demo-${s.label.toLowerCase()}-`));
    await createSettingsStore({ dataDir, checkHolidaysFile: async () => undefined }).update({ unitName: s.name, unitCode: s.code });
    await createAxisSettingsStore({ dataDir, secrets: createFileSecretStore(dataDir) }).update({ endpoint: axis.url, systemId: s.systemId, secret: s.secret, pollMinutes: 1 });
    stations.push({ label: s.label, code: s.code, name: s.name, dataDir, port: s.port });
  }
  return { axis, stations };
}
