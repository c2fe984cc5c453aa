// The sync engine's inspect hook on real packages: an edoc and a status become kind + DocumentId + summary; a
// hostile package becomes a Vietnamese rejection reason, and its 02 reply builds.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatus } from '../../../../../src/main/exchange/edxml/build-package';
import { inspectPackage } from '../../../../../src/main/exchange/edxml/inspect-package';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import { createBlobStore, type BlobStore } from '../../../../../src/main/storage/blob-store';
import { rejectionReply } from '../../../../../src/shared/domain/edxml/status-reply';
import { corpusItem } from '../../../../support/edxml/corpus';

const SAMPLES = join(import.meta.dirname, '../../../../../../shared/edxml-samples');
let dir: string;
let blobs: BlobStore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-inspect-'));
  blobs = createBlobStore({ dataDir: join(dir, 'data') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inspectPackage', () => {
  it('summarises a document package (urgency through the Priority mapping) and a status package', async () => {
    const item = corpusItem(42, { prefix: 'default', shuffle: true, zipped: 'declared-pdf', dataDescriptor: true, cid: 'manifest-only', dates: 'dash', langSonTraceAttributes: true, axisHops: 1, hopOrganId: 'null', bussinessFirst: true, type: 18, base64Breaks: 'lf', attachments: 2, bussinessDocType: 0 });
    const path = join(dir, 'a.edxml');
    await writeFile(path, item.xml);
    const edoc = await inspectPackage(path, { blobs });
    if ('rejected' in edoc) throw new Error(edoc.rejected);
    expect(edoc.kind).toBe('edoc');
    expect(edoc.documentId).toBe(item.header.documentId);
    expect(edoc.summary).toMatchObject({ from: '000.00.00.H35', fromName: 'UBND tỉnh Lai Châu', subject: item.header.subject, attachments: 2, priority: item.header.otherInfo.priority, bussinessDocType: 0 });
    expect(edoc.summary.urgency).toBe(['thuong', 'khan', 'thuong-khan', 'hoa-toc'][item.header.otherInfo.priority as number]);
    const status = await inspectPackage(join(SAMPLES, 'status-03.sample.edxml'), { blobs });
    expect(status).toMatchObject({ kind: 'status', documentId: '000.00.00.H35,2026/01/05,12/UBND-VP', summary: { statusCode: '03', from: '000.00.00.H38' } });
  });

  it('a broken package is a rejection reason; its 02 reply names the document and builds', async () => {
    const item = corpusItem(43, { prefix: 'sdk', shuffle: false, zipped: false, dataDescriptor: false, cid: 'both', dates: 'slash', langSonTraceAttributes: false, axisHops: 0, hopOrganId: 'present', bussinessFirst: false, type: 1, base64Breaks: 'none', attachments: 1, bussinessDocType: 0 });
    const path = join(dir, 'bad.edxml');
    await writeFile(path, item.xml.replace(/<ContentTransferEncoded>[A-Za-z0-9+/]{8}/, '<ContentTransferEncoded>@@@@@@@@'));
    expect(await inspectPackage(path, { blobs })).toEqual({ rejected: expect.stringMatching(/base64/) });
    const outcome = await readPackage(path, { blobs });
    if (outcome.kind !== 'rejected') throw new Error('expected a rejection');
    const reply = rejectionReply(outcome, { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }, new Date('2026-11-02T02:00:00Z'));
    if (!reply) throw new Error('expected a reply');
    expect(reply.responseFor).toEqual({ organId: '000.00.00.H35', documentId: item.header.documentId, code: `${item.header.code.codeNumber}/${item.header.code.codeNotation}`, promulgationDate: item.header.promulgationInfo.date });
    expect(buildStatus(reply).xml).toContain('<edXML:StatusCode>02</edXML:StatusCode>');
  });
});
