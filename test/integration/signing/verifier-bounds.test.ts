// Issue 6, item 7: a bomb per bounded resource. Each file is small on disk and would make an unbounded verifier
// inflate, allocate or loop far beyond what it is worth; each must come back "invalid" with the bound named, and
// never "hợp lệ". Bounds are asserted as memory ceilings and verdicts, never as durations.
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { PdfBudget, PdfLimitError, DEFAULT_PDF_LIMITS } from '../../../src/main/pdf/parse/pdf-limits';

const enc = (s: string): Buffer => Buffer.from(s, 'latin1');
const HEAD = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n';

/** A file whose only xref section is a Flate xref stream with `dict` entries and `data` (before compression). */
function xrefStreamFile(dict: string, data: Buffer): Uint8Array {
  const z = deflateSync(data, { level: 9 });
  const at = HEAD.length;
  return new Uint8Array(Buffer.concat([
    enc(HEAD), enc(`3 0 obj\n<< /Type /XRef ${dict} /Root 1 0 R /Filter /FlateDecode /Length ${z.length} >>\nstream\n`), z,
    enc(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`),
  ]));
}

async function judge(bytes: Uint8Array) {
  const before = process.memoryUsage().rss;
  const r = await verifyPdf(bytes, { integrityOnly: true });
  return { r, grownMb: (process.memoryUsage().rss - before) / 1024 / 1024 };
}

describe('bounded work on hostile files', () => {
  it('an 8 KB xref stream declaring /Size 2000000 (8 MB inflated) is refused at once, in bounded memory', async () => {
    const bytes = xrefStreamFile('/Size 2000000 /W [1 2 1]', Buffer.alloc(2_000_000 * 4));
    expect(bytes.length).toBeLessThan(10_000);
    const { r, grownMb } = await judge(bytes);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/bảng xref khai báo 2000000 đối tượng, không tương xứng với tệp/);
    expect(grownMb).toBeLessThan(200);
  });

  it('a Flate bomb (a stream that inflates past the per-stream bound) is refused without inflating it all', async () => {
    const bytes = xrefStreamFile('/Size 3 /W [1 2 1]', Buffer.alloc(DEFAULT_PDF_LIMITS.maxStreamBytes + 4096));
    const { r, grownMb } = await judge(bytes);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/bom nén/);
    expect(grownMb).toBeLessThan(300);
  });

  it('thousands of empty updates (one %%EOF each) are refused by the revision bound', async () => {
    const parts = [enc(HEAD), enc('xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\n')];
    for (let i = 0; i < DEFAULT_PDF_LIMITS.maxRevisions + 5; i += 1) parts.push(enc(`startxref\n${HEAD.length}\n%%EOF\n`));
    const { r } = await judge(new Uint8Array(Buffer.concat(parts)));
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/lần cập nhật/);
  });

  it('an xref table subsection that declares a billion entries is refused before any is read', async () => {
    const body = `${HEAD}xref\n0 1000000000\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${HEAD.length}\n%%EOF\n`;
    const { r } = await judge(new Uint8Array(enc(body)));
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/1000000000 đối tượng/);
  });

  it('an object stream that claims /N 1000000000 members is read only as far as its data goes', async () => {
    const members = enc('10 0 ');
    const objstm = deflateSync(Buffer.concat([members, enc('<< /Type /Catalog /Pages 2 0 R >>')]));
    const head = `%PDF-1.7\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n`;
    const objAt = head.length;
    const obj = Buffer.concat([enc(`5 0 obj\n<< /Type /ObjStm /N 1000000000 /First ${members.length} /Filter /FlateDecode /Length ${objstm.length} >>\nstream\n`), objstm, enc('\nendstream\nendobj\n')]);
    const xrefAt = objAt + obj.length;
    const table = `xref\n0 1\n0000000000 65535 f \n2 1\n${String(9).padStart(10, '0')} 00000 n \n5 1\n${String(objAt).padStart(10, '0')} 00000 n \n`;
    const file = Buffer.concat([enc(head), obj, enc(`${table}trailer\n<< /Size 11 /Root 10 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`)]);
    const { r, grownMb } = await judge(new Uint8Array(file));
    expect(r.verdict).toBe('unsigned');
    expect(grownMb).toBeLessThan(200);
  });

  it('arrays nested a hundred thousand deep are a syntax error, not a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `${HEAD}4 0 obj\n<< /Type /Sig /ByteRange ${deep} /Contents <00> >>\nendobj\nxref\n0 1\n0000000000 65535 f \n4 1\n${String(HEAD.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R /Prev 0 >>\nstartxref\n${HEAD.length + 45 + deep.length}\n%%EOF\n`;
    const { r } = await judge(new Uint8Array(enc(body)));
    expect(['invalid', 'unsigned']).toContain(r.verdict);
  });

  it('the time budget stops a verification that runs too long (a fake clock)', () => {
    let t = 0;
    const budget = new PdfBudget({ ...DEFAULT_PDF_LIMITS, maxMillis: 1000 }, () => t);
    t = 500;
    for (let i = 0; i < 4096; i += 1) budget.check();
    t = 1500;
    let thrown: unknown = null;
    try { for (let i = 0; i < 4096; i += 1) budget.check(); } catch (err) { thrown = err; }
    expect(thrown).toBeInstanceOf(PdfLimitError);
    expect((thrown as PdfLimitError).limit).toBe('time');
  });
});
