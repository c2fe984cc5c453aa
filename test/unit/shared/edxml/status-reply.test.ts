// Replies to a document (standards.md §1.6): ResponseFor of a received document, 01/03/15 with the code's own
// wording, and the 02 that returns a rejected package with its reason (Quy chế Art. 9.2).
import { describe, expect, it } from 'vitest';
import type { PackageRejection } from '../../../../src/shared/domain/edxml/rejection';
import { rejectionReply, responseForDocument, statusReply } from '../../../../src/shared/domain/edxml/status-reply';
import { validateStatus } from '../../../../src/shared/domain/edxml/validate';

const US = { organId: '000.00.00.H38', organName: 'UBND tỉnh Lào Cai' };
const AT = new Date('2026-01-05T03:02:11Z');
const ABOUT = responseForDocument({
  from: { organId: '000.00.00.H35' },
  code: { codeNumber: '12', codeNotation: 'UBND-VP' },
  promulgationInfo: { place: 'Lai Châu', date: '2026-01-05' },
  documentId: '000.00.00.H35,2026/01/05,12/UBND-VP',
});

describe('status replies', () => {
  it('names the document by sender, số/ký hiệu, date and DocumentId', () => {
    expect(ABOUT).toEqual({ organId: '000.00.00.H35', code: '12/UBND-VP', promulgationDate: '2026-01-05', documentId: '000.00.00.H35,2026/01/05,12/UBND-VP' });
  });

  it('01 and 03 carry the code wording and Vietnam local time, and pass the validator', () => {
    const s = statusReply({ about: ABOUT, from: US, statusCode: '03', at: AT });
    expect(s).toEqual({ from: US, responseFor: ABOUT, statusCode: '03', timestamp: '2026-01-05T10:02:11', description: 'Tiếp nhận văn bản điện tử, vào sổ văn bản đến' });
    expect(validateStatus(s)).toEqual([]);
    expect(validateStatus(statusReply({ about: ABOUT, from: US, statusCode: '16', at: AT }))[0]?.reason).toBe('Thiếu lý do (Description).');
  });

  it('answers a rejected package with 02 and its reason when the sender and the document are known', () => {
    const rejection: PackageRejection = {
      kind: 'rejected', code: 'BAD_BASE64', reason: 'Dữ liệu base64 của tệp đính kèm không hợp lệ.', sender: { organId: '000.00.00.H35' },
      responseFor: { organId: '000.00.00.H35', documentId: 'GW-20260105-773' }, packageKind: 'edoc',
    };
    const reply = rejectionReply(rejection, US, AT);
    expect(reply).toMatchObject({ statusCode: '02', description: 'Từ chối tiếp nhận: Dữ liệu base64 của tệp đính kèm không hợp lệ.', responseFor: { organId: '000.00.00.H35', documentId: 'GW-20260105-773', code: '' } });
    expect(validateStatus(reply as NonNullable<typeof reply>)).toEqual([]);
    expect(rejectionReply({ ...rejection, sender: null }, US, AT)).toBeNull();
    expect(rejectionReply({ ...rejection, responseFor: null }, US, AT)).toBeNull();
    expect(rejectionReply({ ...rejection, packageKind: 'status' }, US, AT)).toBeNull();
  });
});
