// `npm run demo` (issue 8): both demo workstations start with their unit named and the exchange pointed at the
// loopback test axis with their own credentials, so each reaches the axis and sees both agencies.
import { rm } from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { setUpDemo } from '../../../scripts/demo-setup';
import { createAxisClient } from '../../../src/main/exchange/axis/create-axis-client';
import { createAxisSettingsStore } from '../../../src/main/exchange/settings/axis-settings';
import { createFileSecretStore } from '../../../src/main/storage/secret-store';
import { createSettingsStore } from '../../../src/main/storage/settings-store';

let done: (() => Promise<void>) | null = null;
afterAll(async () => done?.());

it('sets up two registered agencies on the test axis, each with its own data directory', async () => {
  const { axis, stations } = await setUpDemo();
  done = async () => {
    await axis.close();
    for (const s of stations) await rm(s.dataDir, { recursive: true, force: true });
  };
  expect(new Set(stations.map((s) => s.dataDir)).size).toBe(2);
  expect(new Set(stations.map((s) => s.port)).size).toBe(2);
  for (const s of stations) {
    expect(await createSettingsStore({ dataDir: s.dataDir }).get()).toMatchObject({ unitCode: s.code, unitName: s.name });
    const connection = await createAxisSettingsStore({ dataDir: s.dataDir, secrets: createFileSecretStore(s.dataDir) }).connection();
    const agencies = await createAxisClient(connection).listAgencies();
    expect(agencies.map((a) => a.code102).sort()).toEqual(['000.00.00.G22', '000.00.00.H35']);
  }
});
