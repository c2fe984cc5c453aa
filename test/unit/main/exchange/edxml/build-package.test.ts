// Strict builder (issue 8 "strict on sending"; standards.md §1.8 "Sending"): canonical order and the SDK
// prefix layout, NFC text, base64 files; refuses what an axis-side validator rejects; revocation (type 1 and
// status 13), update (2) and replace (3); everything it writes reads back identically.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdoc, buildStatus } from '../../../../../src/main/exchange/edxml/build-package';
import type { EdocBuildInput } from '../../../../../src/main/exchange/edxml/edxml-api';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import { createBlobStore, type BlobStore } from '../../../../../src/main/storage/blob-store';
import { AppFailure } from '../../../../../src/shared/api/result';
import type { EdxmlProblem, StatusHeader } from '../../../../../src/shared/domain/edxml/model';
import { corpusItem, type CorpusVariant } from '../../../../support/edxml/corpus';

let dir: string;
let blobs: BlobStore;
let n = 0;
const NOW = new Date('2026-11-20T03:00:00Z');
const VARIANT: CorpusVariant = { prefix: 'sdk', shuffle: false, zipped: false, dataDescriptor: false, cid: 'both', dates: 'slash', langSonTraceAttributes: false, axisHops: 0, hopOrganId: 'present', bussinessFirst: false, type: 1, base64Breaks: 'none', attachments: 2, bussinessDocType: 0 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-build-'));
  blobs = createBlobStore({ dataDir: join(dir, 'data') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function input(seed: number, overrides: Partial<CorpusVariant> = {}): Promise<EdocBuildInput> {
  const item = corpusItem(seed, { ...VARIANT, ...overrides });
  const attachments = [];
  for (const f of item.files) {
    const stored = await blobs.put(f.bytes, 'application/pdf');
    attachments.push({ contentId: f.contentId, name: f.name, contentType: 'application/pdf', description: 'Tệp văn bản', sha256: stored.sha256 });
  }
  return { header: item.header, traceHeaders: item.traceHeaders, bussiness: item.bussiness, attachments };
}

async function problemsOf(build: () => Promise<unknown>): Promise<EdxmlProblem[]> {
  try {
    await build();
  } catch (cause) {
    expect(cause).toBeInstanceOf(AppFailure);
    expect((cause as AppFailure).code).toBe('VALIDATION');
    return (cause as AppFailure).details?.problems as EdxmlProblem[];
  }
  throw new Error('expected the build to be refused');
}

const out = (): string => join(dir, 'out', `p${(n += 1)}.edxml`);

describe('buildEdoc', () => {
  it('writes a package that reads back field for field, with the files intact', async () => {
    for (const type of [0, 1, 2, 3] as const) {
      const pkg = await input(100 + type, { bussinessDocType: type, attachments: type === 1 ? 0 : 2 });
      const built = await buildEdoc(pkg, { blobs, outFile: out(), now: NOW });
      const r = await readPackage(built.path, { blobs });
      if (r.kind !== 'edoc') throw new Error(JSON.stringify(r));
      expect(r.warnings).toEqual([]);
      expect(r.header).toEqual(pkg.header);
      expect(r.traceHeaders).toEqual(pkg.traceHeaders);
      expect(r.bussiness).toEqual(pkg.bussiness);
      expect(r.attachments.map((a) => [a.contentId, a.name, a.sha256])).toEqual(pkg.attachments.map((a) => [a.contentId, a.name, a.sha256]));
      expect(r.dedupKeys.documentId).toBe(`doc:${pkg.header.documentId}`);
    }
  });

  it('writes the SDK layout: edXML: inside the envelope, AttachmentEncoded unprefixed, §1.2 order, DocumentId last', async () => {
    const built = await buildEdoc(await input(7), { blobs, outFile: out(), now: NOW });
    const xml = await readFile(built.path, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">\n  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">')).toBe(true);
    const envelope = xml.slice(xml.indexOf('<edXML:edXMLEnvelope'), xml.indexOf('</edXML:edXMLEnvelope>'));
    expect([...envelope.matchAll(/<\/?([A-Za-z:]+)/g)].every((m) => m[1]?.startsWith('edXML:'))).toBe(true);
    expect(xml).toMatch(/<AttachmentEncoded>\n {4}<Attachment>\n {6}<ContentId>cid:/);
    const header = envelope.slice(envelope.indexOf('<edXML:MessageHeader>'), envelope.indexOf('</edXML:MessageHeader>'));
    const top = [...header.matchAll(/\n {8}<edXML:([A-Za-z]+)/g)].map((m) => m[1]);
    expect([...new Set(top)]).toEqual(['From', 'To', 'Code', 'PromulgationInfo', 'DocumentType', 'Subject', 'Content', 'SignerInfo', 'ToPlaces', 'OtherInfo', 'SteeringType', 'DocumentId']);
    expect(xml).toContain('<edXML:PromulgationDate>');
    expect(xml).toMatch(/<edXML:Timestamp>\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}<\/edXML:Timestamp>/);
    expect(xml).toContain('<edXML:edXMLManifest version="1.0">');
  });

  it('normalises text to NFC and escapes markup', async () => {
    const pkg = await input(8);
    pkg.header.subject = 'Về việc <thử> & "kiểm tra"'.normalize('NFD');
    const built = await buildEdoc(pkg, { blobs, outFile: out(), now: NOW });
    const xml = await readFile(built.path, 'utf8');
    expect(xml).toContain(`<edXML:Subject>${'Về việc &lt;thử&gt; &amp; &quot;kiểm tra&quot;'.normalize('NFC')}</edXML:Subject>`);
    const r = await readPackage(built.path, { blobs });
    expect(r.kind === 'edoc' && r.header.subject).toBe('Về việc <thử> & "kiểm tra"'.normalize('NFC'));
  });

  it('refuses what an axis validator rejects, listing every problem, and writes nothing', async () => {
    const pkg = await input(9);
    const first = pkg.header.to[0];
    if (!first) throw new Error('fixture');
    delete first.organAdd;
    pkg.header.to.push({ ...first, organAdd: 'x' });
    delete pkg.header.from.organName;
    pkg.header.code.codeNumber = '';
    pkg.header.promulgationInfo.date = '2026-12-31';
    pkg.header.from.organId = 'H35';
    pkg.traceHeaders = [{ organId: null, timestamp: '2026-01-01T08:00:00' }];
    pkg.header.documentType.typeName = 'Loại lạ';
    const target = out();
    const problems = await problemsOf(() => buildEdoc(pkg, { blobs, outFile: target, now: NOW }));
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganAdd',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[' + String(pkg.header.to.length) + ']/OrganId',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganName',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/DocumentType/TypeName',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/OrganId',
    ]));
    expect(problems.find((p) => p.path.endsWith('PromulgationDate'))?.reason).toMatch(/tương lai/);
    expect(await readdir(join(dir, 'out'))).not.toContain(target.split('/').pop());
  });

  it('update (2) needs the updated DocumentId and BussinessDocumentInfo; replace (3) needs ReplacementInfo; revoke (1) a reason', async () => {
    const update = await input(10, { bussinessDocType: 2 });
    delete update.bussiness.documentId;
    update.bussiness.bussinessDocumentInfo = [];
    expect((await problemsOf(() => buildEdoc(update, { blobs, outFile: out(), now: NOW }))).map((p) => p.path)).toEqual([
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/DocumentId',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/BussinessDocumentInfo',
    ]);
    const replace = await input(11, { bussinessDocType: 3 });
    replace.bussiness.replacementInfo = [];
    expect((await problemsOf(() => buildEdoc(replace, { blobs, outFile: out(), now: NOW })))[0]?.path).toBe('edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/ReplacementInfoList');
    const revoke = await input(12, { bussinessDocType: 1, attachments: 0 });
    delete revoke.bussiness.bussinessDocReason;
    expect((await problemsOf(() => buildEdoc(revoke, { blobs, outFile: out(), now: NOW })))[0]?.reason).toMatch(/lý do/);
  });

  it('refuses an attachment that is not in the store', async () => {
    const pkg = await input(13);
    const a = pkg.attachments[0];
    if (!a) throw new Error('fixture');
    a.sha256 = 'f'.repeat(64);
    await expect(buildEdoc(pkg, { blobs, outFile: out(), now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await readdir(join(dir, 'out'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

const STATUS: StatusHeader = {
  from: { organId: '000.00.00.H35', organName: 'UBND tỉnh Lai Châu' },
  responseFor: { organId: '000.00.00.H38', code: '15/UBND-VP', promulgationDate: '2026-03-02', documentId: 'b1f0a7e2-5c1d-4f7e-9a55-0d2c3e4f5a6b' },
  staffInfo: { department: 'Văn thư', staff: 'Trần Thị Bình' },
  statusCode: '13',
  description: 'Thu hồi do sai sót về thể thức',
  timestamp: '2026-03-02T14:05:00',
};

describe('buildStatus', () => {
  it('builds every known code and reads it back', async () => {
    for (const code of ['01', '02', '03', '04', '05', '06', '13', '15', '16']) {
      const built = buildStatus({ ...STATUS, statusCode: code });
      expect(built.xml).toContain(`<edXML:StatusCode>${code}</edXML:StatusCode>`);
      expect(built.xml).not.toContain('edXMLBody');
      const file = out();
      await mkdir(join(dir, 'out'), { recursive: true });
      await writeFile(file, built.bytes);
      const r = await readPackage(file, { blobs });
      if (r.kind !== 'status') throw new Error(JSON.stringify(r));
      expect(r.header).toEqual({ ...STATUS, statusCode: code });
      expect(r.warnings).toEqual([]);
    }
  });

  it('requires a reason for 02, 13 and 16 (standards.md §1.8), a known code and a strict sender code', () => {
    for (const code of ['02', '13', '16']) {
      const { description: _drop, ...noReason } = STATUS;
      expect(() => buildStatus({ ...noReason, statusCode: code })).toThrow(/lý do/);
    }
    expect(() => buildStatus({ ...STATUS, description: undefined, statusCode: '03' })).not.toThrow();
    expect(() => buildStatus({ ...STATUS, statusCode: '09' })).toThrow(/Mã trạng thái/);
    expect(() => buildStatus({ ...STATUS, from: { organId: 'vxp.saas.03', organName: 'X' } })).toThrow(/000\.00\.00\.H35/);
  });
});
