// The tolerant reader (issue 8; standards.md §1.8) against the shared samples and a generated corpus of the
// shapes real producers and axes relay: every field must come out right whatever the prefixes, order, zipping,
// cid: placement, date style, TraceHeaderList attributes and axis hops.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import type { ReadOutcome, ReceivedEdoc, ReceivedStatus } from '../../../../../src/main/exchange/edxml/edxml-api';
import { createBlobStore, type BlobStore } from '../../../../../src/main/storage/blob-store';
import { corpusItem, statusItem, type CorpusVariant } from '../../../../support/edxml/corpus';

const SAMPLES = join(import.meta.dirname, '../../../../../../shared/edxml-samples');
let dir: string;
let blobs: BlobStore;
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-'));
  blobs = createBlobStore({ dataDir: join(dir, 'data') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function asEdoc(r: ReadOutcome): ReceivedEdoc {
  if (r.kind !== 'edoc') throw new Error(`expected edoc, got ${JSON.stringify(r)}`);
  return r;
}
function asStatus(r: ReadOutcome): ReceivedStatus {
  if (r.kind !== 'status') throw new Error(`expected status, got ${JSON.stringify(r)}`);
  return r;
}

async function readXml(xml: string, name = 'p.edxml'): Promise<ReadOutcome> {
  const file = join(dir, name);
  await writeFile(file, xml);
  return readPackage(file, { blobs });
}

describe('shared samples (../shared/edxml-samples)', () => {
  it('reads the new-document sample field by field and stores its attachment', async () => {
    const r = asEdoc(await readPackage(join(SAMPLES, 'edoc-new.sample.edxml'), { blobs }));
    expect(r.warnings).toEqual([]);
    expect(r.header.from).toMatchObject({ organId: '000.00.00.H35', organName: 'UBND tỉnh Lai Châu', organAdd: '(địa chỉ)', website: 'example.gov.vn' });
    expect(r.header.to.map((t) => [t.organId, t.organName])).toEqual([['000.00.00.G22', 'Văn phòng Chính phủ'], ['000.00.00.H38', 'UBND tỉnh Lào Cai']]);
    expect(r.header.code).toEqual({ codeNumber: '12', codeNotation: 'UBND-VP' });
    expect(r.header.promulgationInfo).toEqual({ place: 'Lai Châu', date: '2026-01-05' });
    expect(r.header.documentType).toEqual({ type: 1, typeDetail: 0, typeName: 'Công văn' });
    expect(r.header.signerInfo).toEqual({ competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' });
    expect(r.header.dueDate).toBe('2026-01-15');
    expect(r.header.otherInfo).toMatchObject({ priority: 0, typerNotation: 'NVA', promulgationAmount: 2, pageAmount: 1, direction: false, appendixes: ['Không'] });
    expect(r.header.steeringType).toBe(0);
    expect(r.traceHeaders).toEqual([{ organId: '000.00.00.H35', timestamp: '2026-01-05T09:30:00' }]);
    expect(r.bussiness).toMatchObject({ bussinessDocType: 0, bussinessDocReason: 'Văn bản điện tử mới', paper: 0 });
    const expected = Buffer.from('VGhpcyBpcyBhIHNhbXBsZSBhdHRhY2htZW50IGZvciBlZFhNTCB0ZXN0cy4K', 'base64');
    expect(r.attachments).toHaveLength(1);
    expect(r.attachments[0]).toMatchObject({ contentId: '5f0c1a2e-0000-4000-8000-000000000001', name: '12-UBND-VP.txt', contentType: 'text/plain', sha256: sha(expected), size: expected.length, zipped: false, sniffed: 'other' });
    expect((await blobs.get(sha(expected))).bytes.equals(expected)).toBe(true);
    expect(r.dedupKeys.all).toEqual([`doc:000.00.00.H35,2026/01/05,12/UBND-VP`, 'code:000.00.00.H35|12/UBND-VP|2026-01-05', `file:${sha(expected)}`]);
  });

  it('reads the status-03 sample', async () => {
    const r = asStatus(await readPackage(join(SAMPLES, 'status-03.sample.edxml'), { blobs }));
    expect(r.warnings).toEqual([]);
    expect(r.header).toMatchObject({ statusCode: '03', timestamp: '2026-01-05T10:02:11', description: 'Văn thư: Tiếp nhận văn bản điện tử, vào sổ văn bản đến' });
    expect(r.header.from.organId).toBe('000.00.00.H38');
    expect(r.header.responseFor).toEqual({ organId: '000.00.00.H35', code: '12/UBND-VP', promulgationDate: '2026-01-05', documentId: '000.00.00.H35,2026/01/05,12/UBND-VP' });
    expect(r.header.staffInfo).toEqual({ department: 'Văn thư', staff: 'Lê Văn C', mobile: '84900000001', email: 'vanthu2@example.gov.vn' });
  });

  it('reads each Bussiness variant (0 new, 1 revoke, 2 update, 3 replace) spliced into the new-document sample', async () => {
    const sample = await readFile(join(SAMPLES, 'edoc-new.sample.edxml'), 'utf8');
    const fragments = await readFile(join(SAMPLES, 'bussiness-variants.sample.xml'), 'utf8');
    const blocks = [...fragments.matchAll(/<edXML:Bussiness>[\s\S]*?<\/edXML:Bussiness>/g)].map((m) => m[0]);
    expect(blocks).toHaveLength(4);
    const read = await Promise.all(blocks.map((b, i) => readXml(sample.replace(/<edXML:Bussiness>[\s\S]*?<\/edXML:Bussiness>/, b), `variant-${i}.edxml`)));
    const types = read.map((r) => asEdoc(r).bussiness);
    expect(types.map((b) => b?.bussinessDocType)).toEqual([0, 1, 2, 3]);
    expect(types[1]?.bussinessDocReason).toBe('Thu hồi văn bản điện tử');
    expect(types[2]).toMatchObject({ documentId: '000.00.00.H35,2026/01/05,12/UBND-VP', bussinessDocumentInfo: [{ documentInfo: 1, documentReceiver: 1, receivers: [{ organId: '000.00.00.G22', receiverType: 0 }, { organId: '000.00.00.H38', receiverType: 1 }] }] });
    expect(types[3]?.replacementInfo).toEqual([{ documentId: '000.00.00.H35,2026/01/05,12/UBND-VP', organIds: ['000.00.00.G22', '000.00.00.H38'] }]);
  });
});

const variantArb: fc.Arbitrary<CorpusVariant> = fc.record({
  prefix: fc.constantFrom('sdk', 'default', 'ns0', 'sdk-prefixed-attachments'),
  shuffle: fc.boolean(),
  zipped: fc.constantFrom(false, 'declared-pdf', 'declared-zip', 'declared-text'),
  dataDescriptor: fc.boolean(),
  cid: fc.constantFrom('both', 'manifest-only', 'attachment-only'),
  dates: fc.constantFrom('slash', 'dash'),
  langSonTraceAttributes: fc.boolean(),
  axisHops: fc.integer({ min: 0, max: 2 }),
  hopOrganId: fc.constantFrom('present', 'missing', 'null'),
  bussinessFirst: fc.boolean(),
  type: fc.constantFrom(1, 2, 18, 71),
  base64Breaks: fc.constantFrom('none', 'lf', 'crlf-ref'),
  attachments: fc.integer({ min: 1, max: 3 }),
  bussinessDocType: fc.constantFrom(0, 1, 2, 3),
  packageSignature: fc.boolean(),
}) as fc.Arbitrary<CorpusVariant>;

describe('generated corpus of real-looking packages', () => {
  it('reads every field right in every shape (fixed seed, 60 packages)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(variantArb, fc.integer({ min: 1, max: 1_000_000 }), async (variant, seed) => {
        const item = corpusItem(seed, variant);
        const r = asEdoc(await readXml(item.xml, `corpus-${(n += 1)}.edxml`));
        expect(r.header).toEqual(item.header);
        expect(r.traceHeaders).toEqual(item.traceHeaders);
        expect(r.traceHeaderListAttributes).toEqual(item.traceHeaderListAttributes);
        expect(r.bussiness).toEqual(item.bussiness);
        expect(r.attachments.map((a) => ({ contentId: a.contentId, name: a.name, contentType: a.contentType, sha256: a.sha256, size: a.size, zipped: a.zipped, sniffed: a.sniffed }))).toEqual(
          item.files.map((f) => ({ contentId: f.contentId, name: f.name, contentType: f.contentType, sha256: sha(f.bytes), size: f.bytes.length, zipped: f.zipped, sniffed: 'pdf' })),
        );
        for (const a of r.attachments) expect(a.stored.mediaType).toBe('application/pdf');
        // Tolerated oddities are reported, not fatal (standards.md §1.8).
        if (variant.hopOrganId !== 'present') expect(r.warnings.some((w) => /TraceHeader/.test(w.reason))).toBe(true);
        if (variant.zipped) expect(r.warnings.some((w) => /nén zip/.test(w.reason))).toBe(true);
      }),
      { seed: 20260105, numRuns: 60 },
    );
  });

  it('reads status packages of every code in every prefix style and order', async () => {
    for (const [i, code] of ['01', '02', '03', '04', '05', '06', '13', '15', '16'].entries()) {
      for (const prefix of ['sdk', 'default', 'ns0'] as const) {
        const item = statusItem(i, code, prefix, i % 2 === 0);
        const r = asStatus(await readXml(item.xml, `status-${code}-${prefix}.edxml`));
        expect(r.header).toEqual(item.header);
        expect(r.warnings).toEqual([]);
      }
    }
  });

  it('keeps an unknown status code as information with a warning; pads a one-digit code', async () => {
    const unknown = asStatus(await readXml(statusItem(1, '09', 'sdk', false).xml));
    expect(unknown.header.statusCode).toBe('09');
    expect(unknown.warnings[0]?.reason).toMatch(/không có trong danh mục/);
    const padded = asStatus(await readXml(statusItem(1, '3', 'sdk', false).xml));
    expect(padded.header.statusCode).toBe('03');
  });
});

describe('chunk boundaries anywhere', () => {
  /** The bytes of `xml` in pieces of 1..maxPiece bytes (seeded), as a network or disk might deliver them. */
  async function* pieces(xml: string, seed: number, maxPiece: number): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(xml, 'utf8');
    let x = seed;
    for (let i = 0; i < bytes.length; ) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const n = 1 + (x % maxPiece);
      yield bytes.subarray(i, i + n);
      i += n;
    }
  }

  it('gives the same package whatever the chunking, also with CDATA-wrapped base64 and &#xD; line breaks', async () => {
    const base: CorpusVariant = { prefix: 'sdk', shuffle: true, zipped: 'declared-pdf', dataDescriptor: true, cid: 'attachment-only', dates: 'dash', langSonTraceAttributes: true, axisHops: 1, hopOrganId: 'present', bussinessFirst: true, type: 18, base64Breaks: 'crlf-ref', attachments: 2, bussinessDocType: 0 };
    const plain = corpusItem(77, base);
    const cdata = corpusItem(78, { ...base, zipped: false, base64Breaks: 'lf' });
    const wrapped = cdata.xml.replace(/<ContentTransferEncoded>([^<]*)<\/ContentTransferEncoded>/g, (_m, b64: string) => `<ContentTransferEncoded>\n<![CDATA[${b64}]]>\n</ContentTransferEncoded>`);
    expect(wrapped).toContain('<![CDATA[');
    for (const [xml, name] of [[plain.xml, 'plain'], [wrapped, 'cdata']] as const) {
      const whole = asEdoc(await readXml(xml, `${name}.edxml`));
      for (const [seed, max] of [[1, 3], [2, 17], [3, 4096]] as const) {
        const chunked = asEdoc(await readPackage(pieces(xml, seed, max), { blobs }));
        expect(chunked).toEqual(whole);
      }
    }
  });
});
