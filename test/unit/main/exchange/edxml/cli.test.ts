// `npx vanthu edxml check` end to end through bin/vanthu.mjs (issue 8): one JSON line per file, exit 0 only when
// every file is ok, --help on stdout with exit 0, usage errors exit 2 with the usage on stderr.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each run starts Node on the TypeScript sources (type stripping): slow on a busy machine, so generous limits.
const SLOW = 240_000;
import { buildEdoc, buildStatus } from '../../../../../src/main/exchange/edxml/build-package';
import { createBlobStore } from '../../../../../src/main/storage/blob-store';
import { corpusItem } from '../../../../support/edxml/corpus';

const REPO = join(import.meta.dirname, '../../../../..');
const SAMPLES = join(REPO, '../shared/edxml-samples');
let dir: string;
let good: string;
let status: string;

function vanthu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO, 'bin/vanthu.mjs'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, VANTHU_DATA_DIR: join(dir, 'data') } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface Line {
  file: string;
  kind: 'edoc' | 'status' | null;
  ok: boolean;
  problems: Array<{ path: string; reason: string }>;
}
const lines = (stdout: string): Line[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-cli-'));
  const blobs = createBlobStore({ dataDir: join(dir, 'store') });
  const item = corpusItem(3, { prefix: 'sdk', shuffle: false, zipped: false, dataDescriptor: false, cid: 'both', dates: 'slash', langSonTraceAttributes: false, axisHops: 0, hopOrganId: 'present', bussinessFirst: false, type: 1, base64Breaks: 'none', attachments: 1, bussinessDocType: 0 });
  const f = item.files[0];
  if (!f) throw new Error('fixture');
  const stored = await blobs.put(f.bytes, 'application/pdf');
  good = join(dir, 'good.edxml');
  await buildEdoc({ header: item.header, traceHeaders: item.traceHeaders, bussiness: item.bussiness, attachments: [{ contentId: f.contentId, name: f.name, contentType: 'application/pdf', sha256: stored.sha256 }] }, { blobs, outFile: good });
  status = join(dir, 'status-02.edxml');
  await writeFile(status, buildStatus({
    from: { organId: '000.00.00.H38', organName: 'UBND tỉnh Lào Cai' },
    responseFor: { organId: '000.00.00.H35', code: '12/UBND-VP', promulgationDate: '2026-01-05', documentId: '000.00.00.H35,2026/01/05,12/UBND-VP' },
    statusCode: '02',
    description: 'Chữ ký số trên văn bản không hợp lệ',
    timestamp: '2026-01-05T10:00:00',
  }).bytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vanthu edxml check', () => {
  it('passes what the builder writes (exit 0, one JSON line per file)', async () => {
    const r = await vanthu(['edxml', 'check', '--json', good, status]);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual([
      { file: good, kind: 'edoc', ok: true, problems: [] },
      { file: status, kind: 'status', ok: true, problems: [] },
    ]);
  }, SLOW);

  it('reports every deviation with path and Vietnamese reason; exit 1 when any file is not ok', async () => {
    const sample = join(dir, 'sample.edxml');
    await copyFile(join(SAMPLES, 'edoc-new.sample.edxml'), sample);
    const hostile = join(dir, 'xxe.edxml');
    await writeFile(hostile, '<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&x;</edXML>');
    const r = await vanthu(['edxml', 'check', good, '--json', sample, hostile, dir]);
    expect(r.code).toBe(1);
    const [a, b, c, d] = lines(r.stdout);
    expect(a?.ok).toBe(true);
    expect(b).toMatchObject({ file: sample, kind: 'edoc', ok: false });
    expect(b?.problems).toEqual(expect.arrayContaining([
      { path: 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganAdd', reason: 'Thiếu địa chỉ nơi nhận (OrganAdd).' },
      { path: 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganAdd', reason: 'Thiếu địa chỉ nơi nhận (OrganAdd).' },
      expect.objectContaining({ path: 'edXML/AttachmentEncoded/Attachment/ContentTransferEncoded', reason: expect.stringMatching(/không có tiền tố/) }),
    ]));
    expect(c).toMatchObject({ file: hostile, kind: null, ok: false });
    expect(c?.problems[0]?.reason).toMatch(/DOCTYPE/);
    expect(d).toMatchObject({ file: dir, kind: null, ok: false, problems: [{ path: '', reason: 'Không đọc được tệp: đây là thư mục, không phải tệp.' }] });
  }, SLOW);

  it('prints Vietnamese lines without --json', async () => {
    const r = await vanthu(['edxml', 'check', good, join(dir, 'missing.edxml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${good}: hợp lệ (gói văn bản)`);
    expect(r.stdout).toContain('Không đọc được tệp: không tìm thấy tệp.');
  }, SLOW);

  it('--help prints the usage on stdout and exits 0; usage errors exit 2 with the usage on stderr', async () => {
    const helps = [['edxml', '--help'], ['edxml', 'check', '--help']];
    for (const r of await Promise.all(helps.map((args) => vanthu(args)))) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Cách dùng: vanthu edxml check');
      expect(r.stderr).toBe('');
    }
    const wrong = [['edxml'], ['edxml', 'check'], ['edxml', 'check', '--bogus', good], ['edxml', 'verify', good]];
    for (const [i, r] of (await Promise.all(wrong.map((args) => vanthu(args)))).entries()) {
      expect(r.code, wrong[i]?.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Cách dùng: vanthu edxml check');
    }
  }, SLOW);
});
