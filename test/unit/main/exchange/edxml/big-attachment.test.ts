// A package with a 100 MB attachment parses in bounded memory (issue 8: "a package with a 100 MB attachment is
// parsed in bounded memory and the attachment goes straight to the content-addressed store"). The package is
// generated on disk in pieces, never held whole; the bound is on RSS growth, not on time.
import { createHash, createCipheriv } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { open, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdoc } from '../../../../../src/main/exchange/edxml/build-package';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import { corpusItem } from '../../../../support/edxml/corpus';
import { createBlobStore, type BlobStore } from '../../../../../src/main/storage/blob-store';

const MB = 1024 * 1024;
const RSS_BOUND = 200 * MB;
let dir: string;
let blobs: BlobStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-big-'));
  blobs = createBlobStore({ dataDir: join(dir, 'data') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Deterministic incompressible-ish bytes (AES-CTR keystream), `size` bytes in 1 MiB pieces. */
function* pieces(size: number, seed: number): Generator<Buffer> {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16, 0));
  for (let done = 0; done < size; done += MB) {
    const n = Math.min(MB, size - done);
    const zeros = Buffer.alloc(n);
    const chunk = cipher.update(zeros);
    if (done === 0) Buffer.from('%PDF-1.7\n').copy(chunk);
    if (done + n >= size) Buffer.from('\n%%EOF\n').copy(chunk, n - 7);
    yield chunk;
  }
}

/** A file's bytes in 1 MiB pieces (synchronously, for the generator). */
function* readChunks(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.alloc(MB);
      const n = readSync(fd, buffer, 0, MB, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const HEAD = (contentType: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From><edXML:OrganId>000.00.00.H35</edXML:OrganId><edXML:OrganName>UBND tỉnh Lai Châu</edXML:OrganName></edXML:From>
        <edXML:To><edXML:OrganId>000.00.00.H38</edXML:OrganId><edXML:OrganName>UBND tỉnh Lào Cai</edXML:OrganName></edXML:To>
        <edXML:Code><edXML:CodeNumber>99</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:Place>Lai Châu</edXML:Place><edXML:PromulgationDate>2026/02/02</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
        <edXML:Subject>Hồ sơ quét dung lượng lớn</edXML:Subject>
        <edXML:DocumentId>000.00.00.H35,2026/02/02,99/UBND-VP</edXML:DocumentId>
      </edXML:MessageHeader>
    </edXML:edXMLHeader>
    <edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference><edXML:ContentId>cid:big</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>ho-so.pdf</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded><Attachment><ContentId>big</ContentId><AttachmentName>ho-so.pdf</AttachmentName><ContentType>${contentType}</ContentType><ContentTransferEncoded>`;
const TAIL = '</ContentTransferEncoded></Attachment></AttachmentEncoded>\n</edXML>\n';

/** Write the package to disk piece by piece, base64 in 76-character lines; returns the file's sha256. */
async function writePackage(path: string, data: Iterable<Uint8Array>, contentType: string): Promise<void> {
  const out = await open(path, 'w');
  try {
    await out.write(HEAD(contentType));
    let carry = Buffer.alloc(0);
    for (const piece of data) {
      const all = Buffer.concat([carry, piece]);
      const whole = all.length - (all.length % 57);
      carry = all.subarray(whole);
      const b64 = all.subarray(0, whole).toString('base64');
      await out.write(b64.replace(/.{76}/g, '$&\n'));
    }
    await out.write(carry.toString('base64'));
    await out.write(TAIL);
  } finally {
    await out.close();
  }
}

/** Read while sampling RSS; answers the outcome and the peak growth over the starting RSS. */
async function readMeasured(path: string): Promise<{ outcome: Awaited<ReturnType<typeof readPackage>>; growth: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const outcome = await readPackage(path, { blobs });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { outcome, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

describe('a package with a 100 MB attachment', () => {
  it('is read in bounded memory and the attachment lands whole in the blob store', async () => {
    const size = 100 * 1000 * 1000;
    const hash = createHash('sha256');
    for (const p of pieces(size, 1)) hash.update(p);
    const expected = hash.digest('hex');
    const path = join(dir, 'big.edxml');
    await writePackage(path, pieces(size, 1), 'application/pdf');
    const { outcome, growth } = await readMeasured(path);
    if (outcome.kind !== 'edoc') throw new Error(JSON.stringify(outcome));
    expect(outcome.attachments[0]).toMatchObject({ sha256: expected, size, sniffed: 'pdf', zipped: false });
    expect(outcome.attachments[0]?.stored.mediaType).toBe('application/pdf');
    expect((await blobs.stat(expected)).size).toBe(size);
    console.info(`[edxml-big] RSS growth ${Math.round(growth / MB)} MB`);
    expect(growth, `RSS grew by ${Math.round(growth / MB)} MB`).toBeLessThan(RSS_BOUND);
    expect(await readdir(join(dir, 'data/blobs/tmp'))).toEqual([]);

    // And back out: the builder streams the stored 100 MB file into a new package, also in bounded memory.
    const item = corpusItem(5, { prefix: 'sdk', shuffle: false, zipped: false, dataDescriptor: false, cid: 'both', dates: 'slash', langSonTraceAttributes: false, axisHops: 0, hopOrganId: 'present', bussinessFirst: false, type: 1, base64Breaks: 'none', attachments: 0, bussinessDocType: 0 });
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      await buildEdoc({ header: item.header, traceHeaders: item.traceHeaders, bussiness: item.bussiness, attachments: [{ contentId: 'big', name: 'ho-so.pdf', contentType: 'application/pdf', sha256: expected }] }, { blobs, outFile: join(dir, 'out.edxml') });
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    console.info(`[edxml-big] RSS growth while building ${Math.round((peak - before) / MB)} MB`);
    expect(peak - before).toBeLessThan(RSS_BOUND);
    const back = await readPackage(join(dir, 'out.edxml'), { blobs });
    expect(back.kind === 'edoc' && back.attachments[0]?.sha256).toBe(expected);
  }, 600_000);

  it('a zipped 40 MB attachment (VNPT, data descriptors) is unzipped as it streams, also in bounded memory', async () => {
    const size = 40 * 1000 * 1000;
    const hash = createHash('sha256');
    for (const p of pieces(size, 2)) hash.update(p);
    const expected = hash.digest('hex');
    // The zip goes to a file as it is made, then into the package, so nothing large is held before reading.
    const zipPath = join(dir, 'big.zip');
    const fd = openSync(zipPath, 'w');
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      writeSync(fd, chunk);
    });
    const entry = new ZipDeflate('3f1c2d4e-0000-4000-8000-00000000abcd.pdf', { level: 1 });
    zip.add(entry);
    let left = Math.ceil(size / MB);
    for (const p of pieces(size, 2)) entry.push(p, (left -= 1) === 0);
    zip.end();
    closeSync(fd);
    const path = join(dir, 'big-zip.edxml');
    await writePackage(path, readChunks(zipPath), 'application/pdf');
    const { outcome, growth } = await readMeasured(path);
    if (outcome.kind !== 'edoc') throw new Error(JSON.stringify(outcome));
    expect(outcome.attachments[0]).toMatchObject({ sha256: expected, size, zipped: true, sniffed: 'pdf' });
    console.info(`[edxml-big] RSS growth ${Math.round(growth / MB)} MB`);
    expect(growth, `RSS grew by ${Math.round(growth / MB)} MB`).toBeLessThan(RSS_BOUND);
  }, 600_000);
});
