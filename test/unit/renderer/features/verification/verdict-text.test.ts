// Verdicts in plain Vietnamese (issue 3): hợp lệ / hợp lệ, có thay đổi được phép / không hợp lệ (lý do) /
// chưa xác định (lý do); an unsigned scan is normal for paper; per signature who/when/organization/chain/
// revocation/what changed since.
import { describe, expect, it } from 'vitest';
import type { SignatureSummary } from '../../../../../src/shared/api/signing-schemas';
import { isAcceptable, signatureLines, summaryLines, verdictText } from '../../../../../src/renderer/features/verification/verdict-text';

const SIG: SignatureSummary = {
  field: 'KyDuyet', signer: 'Nguyễn Văn An', organization: 'Ủy ban nhân dân xã Thử Nghiệm', time: '2026-03-02T09:15:00+07:00', timeSource: 'timestamp', claimedTime: '2026-03-02T09:15:00+07:00',
  revision: 2, revisions: 3, coversWholeFile: false, verdict: 'valid-with-allowed-changes', reasons: [], allowedChanges: ['điền số và ngày vào ô đã có'], certification: null, chain: 'trusted', revocation: 'good', revocationUnchecked: false,
};

describe('verdictText', () => {
  it('says the four verdicts in Vietnamese, with reasons where needed', () => {
    expect(verdictText('valid', ['mọi chữ ký hợp lệ'])).toBe('Hợp lệ');
    expect(verdictText('valid-with-allowed-changes', [])).toBe('Hợp lệ, có thay đổi được phép');
    expect(verdictText('invalid', ['thay đổi sau khi ký: trang 1', 'x'])).toBe('Không hợp lệ (thay đổi sau khi ký: trang 1; x)');
    expect(verdictText('unknown', ['không có dữ liệu thu hồi'])).toBe('Chưa xác định (không có dữ liệu thu hồi)');
    expect(isAcceptable('valid')).toBe(true);
    expect(isAcceptable('unknown')).toBe(false);
  });

  it('treats an unsigned scan as normal for paper', () => {
    const lines = summaryLines({ verdict: 'unsigned', reasons: ['tài liệu chưa được ký số'], signatures: [] });
    expect(lines.overall).toBe('Không có chữ ký số');
    expect(lines.note).toMatch(/bình thường/);
    expect(lines.tone).toBe('neutral');
  });
});

describe('signatureLines', () => {
  it('lists who, when (Vietnam time), organization, chain, revocation and the changes since', () => {
    const l = signatureLines(SIG, 1);
    expect(l.heading).toBe('Chữ ký 1 (KyDuyet)');
    expect(Object.fromEntries(l.rows.map((r) => [r.label, r.value]))).toEqual({
      'Người ký': 'Nguyễn Văn An',
      'Thời điểm ký': '09:15 02/03/2026 (chứng thực bằng dấu thời gian)',
      'Cơ quan, tổ chức': 'Ủy ban nhân dân xã Thử Nghiệm',
      'Loại chữ ký': 'Chữ ký phê duyệt',
      'Chuỗi chứng thư': 'Tin cậy',
      'Thu hồi': 'Còn hiệu lực',
      'Thay đổi sau khi ký': 'Bản sửa đổi 2/3. điền số và ngày vào ô đã có',
    });
    expect(l.revision).toBe(2);
  });

  it('marks a time that only the signer claims (no timestamp, document timestamp or receipt)', () => {
    const l = signatureLines({ ...SIG, timeSource: 'claimed' }, 1);
    expect(l.rows.find((r) => r.label === 'Thời điểm ký')?.value).toBe('09:15 02/03/2026 (thời điểm ký do người ký khai, chưa được chứng thực)');
    const r = signatureLines({ ...SIG, timeSource: 'receipt' }, 1);
    expect(r.rows.find((x) => x.label === 'Thời điểm ký')?.value).toBe('09:15 02/03/2026 (chứng thực bằng biên nhận khi tiếp nhận văn bản)');
  });

  it('shows chain and revocation as main found them, not inferred from the verdict', () => {
    // A trusted chain with no revocation data: the verdict is 'unknown' but the chain line still says trusted.
    const l = signatureLines({ ...SIG, verdict: 'unknown', coversWholeFile: true, revocation: 'unknown', reasons: ['không có dữ liệu thu hồi còn hạn'] }, 2);
    const rows = Object.fromEntries(l.rows.map((r) => [r.label, r.value]));
    expect(rows['Chuỗi chứng thư']).toBe('Tin cậy');
    expect(rows['Thu hồi']).toBe('Chưa xác định');
    expect(rows['Thay đổi sau khi ký']).toBe('Không có thay đổi nào sau khi ký');
    expect(rows['Lý do']).toMatch(/thu hồi/);
    expect(l.tone).toBe('warn');
  });

  it('names every chain and revocation state, and a certification signature with its DocMDP level', () => {
    const row = (s: Partial<SignatureSummary>, label: string) => signatureLines({ ...SIG, ...s }, 1).rows.find((r) => r.label === label)?.value;
    expect(row({ chain: 'untrusted', verdict: 'unknown' }, 'Chuỗi chứng thư')).toBe('Không tin cậy');
    expect(row({ chain: 'expired', verdict: 'invalid' }, 'Chuỗi chứng thư')).toBe('Hết hạn');
    expect(row({ chain: 'not-checked' }, 'Chuỗi chứng thư')).toBe('Không kiểm tra');
    expect(row({ revocation: 'revoked', verdict: 'invalid' }, 'Thu hồi')).toBe('Đã bị thu hồi');
    expect(row({ revocation: 'not-checked' }, 'Thu hồi')).toBe('Không kiểm tra');
    // A valid verdict does not turn a 'not-checked' revocation into "còn hiệu lực" (integrity-only checks).
    expect(row({ verdict: 'valid', revocation: 'not-checked' }, 'Thu hồi')).toBe('Không kiểm tra');
    expect(row({ certification: 2 }, 'Loại chữ ký')).toBe('Chữ ký chứng nhận (mức khóa thay đổi 2)');
  });
});
