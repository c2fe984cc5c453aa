/** Scan service logic with small fakes (house rule 3): adapter choice by id prefix, discovery minus added devices. */
import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../../../../src/main/jobs/job-runner';
import { createScanService, type NetworkScanners } from '../../../../src/main/scan/scan-service';
import type { BlobStore } from '../../../../src/main/storage/blob-store';

const quiet = { warn: () => undefined, error: () => undefined };
const network: NetworkScanners = {
  list: async () => [{ id: 'escl:http://10.0.0.7/eSCL', name: 'A', kind: 'escl' }],
  add: async () => {
    throw new Error('unused');
  },
  remove: async () => false,
  discover: async () => [
    { url: 'http://10.0.0.7/eSCL', name: 'A' },
    { url: 'http://10.0.0.8/eSCL', name: 'B' },
  ],
};

describe('scan service', () => {
  const scans = createScanService({ blobs: {} as BlobStore, jobs: createJobRunner(() => undefined), adapters: [], network, log: quiet });

  it('offers only discovered scanners that are not added yet', async () => {
    expect(await scans.discover()).toEqual([{ url: 'http://10.0.0.8/eSCL', name: 'B' }]);
  });

  it('answers SCANNER_UNAVAILABLE for a kind without an adapter, NOT_FOUND for removing an unknown scanner', async () => {
    await expect(scans.capabilities('wia:{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000')).rejects.toMatchObject({ code: 'SCANNER_UNAVAILABLE' });
    await expect(scans.removeNetwork('escl:http://10.0.0.9/eSCL')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
