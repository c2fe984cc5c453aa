// The agency directory (issue 8): fetched from the test axis with both code forms, cached on disk for offline use,
// searched without diacritics, with warnings for retired, replaced and deleted codes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAxisClient } from '../../../../../src/main/exchange/axis/create-axis-client';
import { createAgencyDirectory } from '../../../../../src/main/exchange/sync/agency-directory';
import { startTestAxis, type TestAxis } from '../../../../support/axis/test-axis';

const ME = { systemId: 'dir-me', secret: 'dir-secret-01', agencyCode: '000.00.00.H35' };
const AGENCIES = [
  { id: '1', code: 'H35', code102: '000.00.00.H35', name: 'Ủy ban nhân dân tỉnh Lai Châu' },
  { id: '2', code: 'H35.12', code102: '000.12.00.H35', name: 'Sở Nội vụ tỉnh Lai Châu', pid: '1', oldCode: '000.05.00.H35' },
  { id: '3', code: 'H35.05', code102: '000.05.00.H35', name: 'Sở Nội vụ (cũ)', pid: '1' },
  { id: '4', code: 'H35.99', code102: '000.99.00.H35', name: 'Ủy ban nhân dân xã Đã Sáp Nhập', deleted: true },
];

let axis: TestAxis;
let dir: string;
beforeAll(async () => {
  axis = await startTestAxis({ systems: [ME], agencies: AGENCIES });
  dir = await mkdtemp(join(tmpdir(), 'agencies-'));
});
afterAll(async () => {
  await axis.close();
  await rm(dir, { recursive: true, force: true });
});

it('fetches, caches for offline use, and searches without diacritics with code warnings', async () => {
  const file = join(dir, 'agencies.json');
  const directory = createAgencyDirectory({ file });
  expect((await directory.search('')).fetchedAt).toBeNull();
  const client = createAxisClient({ endpoint: axis.url, headerStyle: 'xroad-vnpt', systemId: ME.systemId, secret: ME.secret });
  expect((await directory.refresh(client)).count).toBe(4);
  await axis.close(); // offline from here on: a fresh directory reads the cache

  const offline = createAgencyDirectory({ file });
  const noiVu = await offline.search('so noi vu');
  expect(noiVu.entries.map((e) => e.code102).sort()).toEqual(['000.05.00.H35', '000.12.00.H35']);
  const current = noiVu.entries.find((e) => e.code102 === '000.12.00.H35');
  const retired = noiVu.entries.find((e) => e.code102 === '000.05.00.H35');
  expect(current).toMatchObject({ codeQd20: 'H35.12', warning: null });
  expect(retired).toMatchObject({ replacedBy: '000.12.00.H35' });
  expect(retired?.warning).toMatch(/đã ngừng sử dụng, được thay bằng 000\.12\.00\.H35/);
  expect((await offline.search('LAI CHAU')).total).toBe(2);
  expect((await offline.search('xa da sap nhap')).entries[0]?.warning).toMatch(/đã bị xóa/);
  expect((await offline.search('H35.12')).entries).toHaveLength(1);
  expect((await offline.lookup('000.05.00.H35'))?.replacedBy).toBe('000.12.00.H35');
  expect(await offline.lookup('000.00.00.G99')).toBeNull();
  expect((await offline.search('', 2)).entries).toHaveLength(2);
  axis = await startTestAxis({ systems: [ME] }); // for afterAll
});
