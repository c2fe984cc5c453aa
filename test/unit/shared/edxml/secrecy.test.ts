// Quy chế Art. 1.2: a received header carrying a secrecy mark (NĐ 30 Phụ lục I box 10a) is found wherever senders
// put it, and ordinary words that contain "mật" are not taken for one.
import { describe, expect, it } from 'vitest';
import { secrecyMark } from '../../../../src/shared/domain/edxml/secrecy';

const header = (subject: string, extra: { sphere?: string; appendixes?: string[]; typeName?: string } = {}) => ({
  subject,
  documentType: { type: 1, typeDetail: null, typeName: extra.typeName ?? 'Công văn' },
  otherInfo: { priority: 0, appendixes: extra.appendixes ?? [], ...(extra.sphere ? { sphereOfPromulgation: extra.sphere } : {}) },
});

describe('secrecyMark', () => {
  it('finds MẬT, TỐI MẬT and TUYỆT MẬT as whole words in capitals, strongest first', () => {
    expect(secrecyMark(header('MẬT - Kế hoạch bảo vệ'))).toBe('MẬT');
    expect(secrecyMark(header('Kế hoạch (TỐI MẬT)'))).toBe('TỐI MẬT');
    expect(secrecyMark(header('Báo cáo', { sphere: 'TUYỆT MẬT' }))).toBe('TUYỆT MẬT');
    expect(secrecyMark(header('Báo cáo', { appendixes: ['Phụ lục MẬT'] }))).toBe('MẬT');
    // Decomposed input (NFD) is normalised before matching.
    expect(secrecyMark(header('MẬT'.normalize('NFD')))).toBe('MẬT');
  });

  it('does not take ordinary words for a mark', () => {
    expect(secrecyMark(header('V/v báo cáo mật độ dân số'))).toBeNull();
    expect(secrecyMark(header('V/v bảo mật thông tin'))).toBeNull();
    expect(secrecyMark(header('MẬTKHẨU'))).toBeNull();
    expect(secrecyMark(header('V/v thử nghiệm liên thông'))).toBeNull();
  });
});
