// Hostile and broken packages (issue 8 "Faults": XXE, entity expansion, zip bomb, wrong namespace, missing
// required elements, bad base64, truncated XML …): each is a typed rejection with a Vietnamese reason, names the
// sender when From/OrganId was read before the fault (so the caller can answer status 02, Quy chế Art. 9.2),
// and leaves no half-written file in the blob store.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import type { ReadOutcome } from '../../../../../src/main/exchange/edxml/edxml-api';
import type { EdxmlLimits } from '../../../../../src/shared/domain/edxml/limits';
import { canAnswerRejection, type PackageRejection, type RejectionCode } from '../../../../../src/shared/domain/edxml/rejection';
import { createBlobStore, type BlobStore } from '../../../../../src/main/storage/blob-store';
import { corpusItem } from '../../../../support/edxml/corpus';

const SAMPLE_PATH = join(import.meta.dirname, '../../../../../../shared/edxml-samples/edoc-new.sample.edxml');
const B64 = 'VGhpcyBpcyBhIHNhbXBsZSBhdHRhY2htZW50IGZvciBlZFhNTCB0ZXN0cy4K';
let dir: string;
let blobs: BlobStore;
let sample: string;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-bad-'));
  blobs = createBlobStore({ dataDir: join(dir, 'data') });
  sample = await readFile(SAMPLE_PATH, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(content: string | Uint8Array, limits?: Partial<EdxmlLimits>): Promise<ReadOutcome> {
  const file = join(dir, `bad-${(n += 1)}.edxml`);
  await writeFile(file, content);
  return readPackage(file, limits ? { blobs, limits } : { blobs });
}

async function rejected(content: string | Uint8Array, code: RejectionCode, limits?: Partial<EdxmlLimits>): Promise<PackageRejection> {
  const r = await read(content, limits);
  if (r.kind !== 'rejected') throw new Error(`expected rejection ${code}, got ${r.kind}`);
  expect(r.code, r.reason).toBe(code);
  // A Vietnamese sentence (diacritics present), fit for the Description of a status 02.
  expect(r.reason).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
  // Nothing half-written is left behind in the store's temp folder.
  const tmp = await readdir(join(dir, 'data/blobs/tmp')).catch(() => []);
  expect(tmp).toEqual([]);
  return r;
}

const withAttachment = (b64: string): string => sample.replace(B64, b64);
const SENDER = { organId: '000.00.00.H35', organName: 'UBND tỉnh Lai Châu' };

describe('XML-level attacks', () => {
  it('refuses XXE (external entity) before reading anything', async () => {
    const xxe = sample.replace('<edXML xmlns', '<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<edXML xmlns').replace('V/v thử nghiệm gửi văn bản điện tử</edXML:Subject>', '&xxe;</edXML:Subject>');
    const r = await rejected(xxe, 'DOCTYPE_FORBIDDEN');
    expect(r.reason).toMatch(/DOCTYPE/);
    expect(r.sender).toBeNull();
    expect(canAnswerRejection(r)).toBe(false);
  });

  it('refuses "billion laughs" entity expansion and an external DTD', async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
    await rejected(`<?xml version="1.0"?><!DOCTYPE edXML [${lol}]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol9;</edXML>`, 'DOCTYPE_FORBIDDEN');
    await rejected(`<?xml version="1.0"?><!DOCTYPE edXML SYSTEM "http://127.0.0.1:9/evil.dtd"><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>`, 'DOCTYPE_FORBIDDEN');
  });

  it('refuses a DOCTYPE as soon as it starts, even with a huge internal subset split across chunks', async () => {
    const subset = Array.from({ length: 60_000 }, (_, i) => `<!ENTITY e${i} "${'x'.repeat(80)}">`).join('\n');
    const before = process.memoryUsage().rss;
    const r = await rejected(`<?xml version="1.0"?>\n<!DOC${''}TYPE edXML [\n${subset}\n]>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>`, 'DOCTYPE_FORBIDDEN');
    expect(r.path).toBeUndefined();
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses an undeclared entity reference as malformed XML', async () => {
    const r = await rejected(sample.replace('<edXML:Subject>V/v', '<edXML:Subject>&xxe; V/v'), 'MALFORMED_XML');
    expect(r.path).toMatch(/MessageHeader\/Subject$/);
    expect(r.sender).toEqual(SENDER);
  });

  it('refuses the wrong namespace (the go.vn/eDoc layout an axis rejects), no namespace, and a non-package root', async () => {
    await rejected(sample.replaceAll('http://www.mic.gov.vn/TBT/QCVN_102_2016', 'http://www.go.vn/eDoc'), 'WRONG_NAMESPACE');
    const r = await rejected(sample.replace(' xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"', ''), 'WRONG_NAMESPACE');
    expect(r.reason).toMatch(/không gian tên/);
    await rejected('<?xml version="1.0"?><html><body/></html>', 'NOT_A_PACKAGE');
  });

  it('refuses a same-namespace non-document (an AVReport body)', async () => {
    const av = sample.replace(/<edXML:edXMLManifest[\s\S]*<\/edXML:edXMLManifest>/, '<edXML:AVReport><edXML:Engine>x</edXML:Engine></edXML:AVReport>');
    const r = await rejected(av, 'NOT_A_PACKAGE');
    expect(r.sender).toEqual(SENDER);
  });

  it('refuses truncated XML, an empty file and a PDF sent as a package', async () => {
    const cut = await rejected(sample.slice(0, Math.floor(sample.length * 0.6)), 'MALFORMED_XML');
    expect(cut.reason).toMatch(/cắt cụt/);
    expect(cut.sender).toEqual(SENDER);
    await rejected('', 'MALFORMED_XML');
    await rejected('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'MALFORMED_XML');
  });

  it('refuses non-UTF-8 packages (declared Latin-1, invalid UTF-8 bytes, UTF-16)', async () => {
    await rejected(sample.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'NOT_UTF8');
    const bytes = Buffer.from(sample, 'utf8');
    const broken = Buffer.concat([bytes.subarray(0, 900), Buffer.from([0xc3, 0x28]), bytes.subarray(900)]);
    await rejected(broken, 'NOT_UTF8');
    await rejected(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]), 'NOT_UTF8');
  });
});

describe('bounds (configurable limits)', () => {
  it('depth, element count, text length, package size', async () => {
    await rejected(`<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">${'<a>'.repeat(40)}${'</a>'.repeat(40)}</edXML>`, 'TOO_DEEP');
    await rejected(sample, 'TOO_MANY_ELEMENTS', { maxElements: 50 });
    const long = await rejected(sample.replace('<edXML:Content>V/v', `<edXML:Content>${'ạ'.repeat(5000)}`), 'TEXT_TOO_LONG', { maxTextChars: 4096 });
    expect(long.sender).toEqual(SENDER);
    await rejected(`<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><x>${'a'.repeat(300_000)}`, 'TEXT_TOO_LONG', { maxTextChars: 100_000 });
    await rejected(sample, 'PACKAGE_TOO_LARGE', { maxPackageBytes: 1000 });
  });

  it('attachment count and attachment size', async () => {
    const item = corpusItem(7, { prefix: 'sdk', shuffle: false, zipped: false, dataDescriptor: false, cid: 'both', dates: 'slash', langSonTraceAttributes: false, axisHops: 0, hopOrganId: 'present', bussinessFirst: false, type: 1, base64Breaks: 'none', attachments: 3, bussinessDocType: 0 });
    const many = await rejected(item.xml, 'TOO_MANY_ATTACHMENTS', { maxAttachments: 2 });
    expect(many.sender).toEqual({ organId: '000.00.00.H35', organName: 'UBND tỉnh Lai Châu' });
    expect(many.responseFor).toMatchObject({ organId: '000.00.00.H35', documentId: item.header.documentId, code: `${item.header.code.codeNumber}/${item.header.code.codeNotation}`, promulgationDate: item.header.promulgationInfo.date });
    expect(canAnswerRejection(many)).toBe(true);
    await rejected(withAttachment(Buffer.alloc(5000, 7).toString('base64')), 'ATTACHMENT_TOO_LARGE', { maxAttachmentBytes: 4000 });
  });
});

describe('attachments', () => {
  it('refuses bad base64 and names the sender', async () => {
    const r = await rejected(withAttachment('VGhpcyBp!!!cyBh'), 'BAD_BASE64');
    expect(r.sender).toEqual(SENDER);
    expect(r.path).toMatch(/ContentTransferEncoded$/);
    await rejected(withAttachment('QUJD=QUJD'), 'BAD_BASE64');
    await rejected(withAttachment('QUJDRA&amp;'), 'BAD_BASE64');
    await rejected(withAttachment('Q'), 'BAD_BASE64');
  });

  it('refuses a zip bomb by ratio and by inflated size', async () => {
    const bomb = zipSync({ 'a.pdf': [new Uint8Array(40 * 1024 * 1024), { level: 9 }] });
    const r = await rejected(withAttachment(Buffer.from(bomb).toString('base64')), 'ZIP_BOMB');
    expect(r.reason).toMatch(/bom nén/);
    const modest = zipSync({ 'a.pdf': [new Uint8Array(300_000).fill(65), { level: 9 }] });
    await rejected(withAttachment(Buffer.from(modest).toString('base64')), 'ZIP_BOMB', { maxZipTotalBytes: 100_000, maxZipRatio: 10_000 });
  });

  it('refuses zips with several files, too many entries, truncated or empty zips', async () => {
    const two = zipSync({ 'a.pdf': new Uint8Array(100).fill(1), 'b.pdf': new Uint8Array(100).fill(2) });
    await rejected(withAttachment(Buffer.from(two).toString('base64')), 'ZIP_TOO_MANY_ENTRIES');
    const dirs = zipSync(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`d${i}/`, new Uint8Array(0)])));
    await rejected(withAttachment(Buffer.from(dirs).toString('base64')), 'ZIP_TOO_MANY_ENTRIES');
    const whole = zipSync({ 'a.pdf': [Buffer.from('%PDF-1.7 '.repeat(5000)), { level: 6 }] });
    await rejected(withAttachment(Buffer.from(whole.subarray(0, Math.floor(whole.length / 2))).toString('base64')), 'ZIP_INVALID');
    await rejected(withAttachment(Buffer.from(zipSync({ 'a/': new Uint8Array(0) })).toString('base64')), 'ZIP_INVALID');
  });

  it('refuses an empty attachment and a manifest entry without data', async () => {
    await rejected(withAttachment(''), 'EMPTY_ATTACHMENT');
    const noData = sample.replace(/<AttachmentEncoded>[\s\S]*<\/AttachmentEncoded>/, '<AttachmentEncoded/>');
    const r = await rejected(noData, 'ATTACHMENT_MISMATCH');
    expect(r.reason).toMatch(/không có dữ liệu/);
  });
});

describe('required elements and values', () => {
  it('missing From/OrganId: rejected, sender unknown (no status 02 possible)', async () => {
    const r = await rejected(sample.replace('<edXML:OrganId>000.00.00.H35</edXML:OrganId>', ''), 'MISSING_ELEMENT');
    expect(r.path).toMatch(/From\/OrganId$/);
    expect(r.sender).toBeNull();
  });

  it('missing To, Code or Subject: rejected with the sender and the document named for the 02', async () => {
    const noTo = sample.replace(/<edXML:To>[\s\S]*?<\/edXML:To>/g, '');
    const r = await rejected(noTo, 'MISSING_ELEMENT');
    expect(r.sender).toEqual(SENDER);
    expect(r.responseFor).toEqual({ organId: '000.00.00.H35', documentId: '000.00.00.H35,2026/01/05,12/UBND-VP', code: '12/UBND-VP', promulgationDate: '2026-01-05' });
    expect(r.packageKind).toBe('edoc');
    await rejected(sample.replace(/<edXML:Code>[\s\S]*?<\/edXML:Code>/, ''), 'MISSING_ELEMENT');
    const noSubject = await rejected(sample.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '<edXML:Subject/>'), 'MISSING_ELEMENT');
    expect(noSubject.path).toMatch(/Subject$/);
  });

  it('an unknown BussinessDocType is refused; a status without ResponseFor is refused', async () => {
    await rejected(sample.replace('<edXML:BussinessDocType>0<', '<edXML:BussinessDocType>7<'), 'INVALID_VALUE');
    const status = await readFile(join(SAMPLE_PATH, '../status-03.sample.edxml'), 'utf8');
    const r = await rejected(status.replace(/<edXML:ResponseFor>[\s\S]*<\/edXML:ResponseFor>/, ''), 'MISSING_ELEMENT');
    expect(r.packageKind).toBe('status');
    expect(canAnswerRejection(r)).toBe(false);
    await rejected(status.replace('<edXML:StatusCode>03<', '<edXML:StatusCode>abc<'), 'INVALID_VALUE');
  });

  it('never follows XInclude or processing instructions: they are ignored as unknown content', async () => {
    const xi = sample
      .replace('<edXML xmlns=', '<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?>\n<edXML xmlns:xi="http://www.w3.org/2001/XInclude" xmlns=')
      .replace('<edXML:Subject>', '<xi:include href="file:///etc/passwd" parse="text"/><edXML:Subject>');
    const r = await read(xi);
    if (r.kind !== 'edoc') throw new Error(JSON.stringify(r));
    expect(r.header.subject).toBe('V/v thử nghiệm gửi văn bản điện tử');
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('tolerates what real axes relay: odd Type and agency codes, dd/MM/yyyy dates, empty ResponseFor', async () => {
    const odd = sample
      .replace('<edXML:Type>1<', '<edXML:Type>71<')
      .replace('<edXML:OrganId>000.00.00.G22<', '<edXML:OrganId>G22<')
      .replace('<edXML:PromulgationDate>2026/01/05<', '<edXML:PromulgationDate>05/01/2026<')
      .replace('<edXML:SteeringType>', '<edXML:ResponseFor/><edXML:SteeringType>');
    const r = await read(odd);
    if (r.kind !== 'edoc') throw new Error(JSON.stringify(r));
    expect(r.header.documentType.type).toBe(71);
    expect(r.header.to[0]?.organId).toBe('G22');
    expect(r.header.promulgationInfo.date).toBe('2026-01-05');
    expect(r.header.responseFor).toEqual([]);
    expect(r.warnings.map((w) => w.path)).toContain('edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganId');
  });
});
