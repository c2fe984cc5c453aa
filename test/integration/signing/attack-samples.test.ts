// Every file in ../shared/pdf-attack-samples gets the verdict its README gives (read at run time, never copied).
// The signers chain to no anchor, so they are judged on structure, integrity and revisions (--integrity-only).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { verifyPdf, type Verdict } from '../../../src/main/signing/verify/verify-pdf';

const ROOT = join(import.meta.dirname, '../../../../shared/pdf-attack-samples');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.pdf') ? [p] : [];
  });
}

/**
 * README table → expected verdict; "VALID" rows accept no change beyond added signatures and metadata. The two
 * certification samples signed with SHA-1 are "unknown", not "valid", even integrity-only (issue 6, item 9).
 */
function expected(rel: string): Verdict {
  const name = rel.split('/').pop() ?? '';
  if (rel.startsWith('shadow/')) {
    if (/^[12]_/.test(name)) return 'unsigned';
    if (name.startsWith('3_')) return 'valid';
    return 'invalid';
  }
  if (name === 'document_fields.pdf') return 'unsigned';
  if (/^(ex1_01|ex1_02)/.test(name)) return 'unknown';
  if (/^(ex2_01|ex2_02)/.test(name) || ['shadowed-certified-visible.pdf', 'signed_fieldmdp.pdf', 'signed_ur3.pdf', 'minimal_cert.pdf'].includes(name)) return 'valid';
  return 'invalid'; // ex1_03, ex2_03, ex2_04, minimal_cert_invalid, isaValidPdf, isa-3, siwa
}

/** The specific reason each rejected or undetermined sample must carry (the attack it is, in the verdict's words). */
const REASON: Array<[RegExp, RegExp]> = [
  [/ex1_0[12]_/, /SHA-1/],
  [/ex1_03_/, /"Signature4" không hợp lệ: thiếu hoặc rỗng \/ByteRange/],
  [/ex2_03_/, /Sneaky Signature/],
  [/ex2_04_/, /thêm trường chữ ký không có chữ ký thật/],
  [/minimal_cert_invalid/, /Digest Mismatch/],
  [/isaValidPdf/, /đối tượng 5 \(luồng nội dung\) mà trang đã ký sử dụng bị thay đổi sau khi ký/],
  [/isa-3/, /byte sau %%EOF cuối cùng/],
  [/siwa/, /Signature Wrapping/],
  [/hide-and-replace\/variant-1.*\/4_/, /đối tượng 13 \(Pages\) bị thay đổi sau khi ký/],
  [/hide-and-replace\/variant-2.*\/4_/, /đối tượng 5 \(XObject\/Form\) bị xóa hoặc không còn đọc được sau khi ký/],
  [/hide\/variant-1.*\/4_/, /trỏ tới một đối tượng khác \(số hiệu trong phần đầu không khớp\)/],
  [/hide-form-via-form\/4_/, /đối tượng 15 \(Annot\/Widget\) bị xóa hoặc không còn đọc được/],
  [/hide-text-via-form\/4_/, /đối tượng 15 \(Annot\/Widget\) mà trang đã ký sử dụng bị thay đổi sau khi ký/],
  [/replace\/variant-1.*\/4_/, /đối tượng 7 \(XObject\/Form\) mà trang đã ký sử dụng bị thay đổi sau khi ký/],
  [/replace\/variant-2.*\/4_/, /bảng xref hỏng/],
];

const files = walk(ROOT).sort();

describe('attack corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBe(42);
  });
  for (const file of files) {
    const rel = relative(ROOT, file);
    it(`${rel} → ${expected(rel)}`, async () => {
      const result = await verifyPdf(new Uint8Array(readFileSync(file)), { integrityOnly: true });
      expect(result.verdict, result.reasons.join(' | ')).toBe(expected(rel));
      if (result.verdict === 'invalid' || result.verdict === 'unknown') {
        const reason = REASON.find(([file]) => file.test(rel))?.[1];
        expect(reason, `no expected reason listed for ${rel}`).toBeDefined();
        expect(result.reasons.join(' ')).toMatch(reason as RegExp);
      }
    });
  }

  it('names what changed after signing (hide-and-replace: an xref-only update)', async () => {
    const f = join(ROOT, 'shadow/hide-and-replace/variant-1_change_object_references/4_original-document-shadowed-signed-manipulated.pdf');
    const r = await verifyPdf(new Uint8Array(readFileSync(f)), { integrityOnly: true });
    expect(r.signatures[0]?.reasons.join(' ')).toContain('đối tượng 13');
    expect(r.signatures[0]?.coversWholeFile).toBe(false);
  });

  it('explains Signature Wrapping and the digest mismatch', async () => {
    const swa = await verifyPdf(new Uint8Array(readFileSync(join(ROOT, 'isa-swa-itext/siwa.pdf'))), { integrityOnly: true });
    expect(swa.reasons.join(' ')).toContain('Signature Wrapping');
    const dm = await verifyPdf(new Uint8Array(readFileSync(join(ROOT, 'certification/minimal_cert_invalid.pdf'))), { integrityOnly: true });
    expect(dm.reasons.join(' ')).toContain('Digest Mismatch');
  });

  it('does not call an untrusted signer valid when trust is checked', async () => {
    const r = await verifyPdf(new Uint8Array(readFileSync(join(ROOT, 'certification/minimal_cert.pdf'))), { trust: { anchors: [] } });
    expect(r.verdict).toBe('unknown');
  });
});
