// The strict validator of what we send (standards.md §1.8 "Sending"; §3.0 strict agency codes): every deviation,
// with its package path and a Vietnamese reason.
import { describe, expect, it } from 'vitest';
import type { EdocHeader } from '../../../../src/shared/domain/edxml/model';
import { validateEdoc, validateStatus, type EdocToValidate } from '../../../../src/shared/domain/edxml/validate';

const H = 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader';
const header = (): EdocHeader => ({
  from: { organId: '000.00.00.H35', organName: 'UBND tỉnh Lai Châu' },
  to: [{ organId: '000.00.00.H38', organName: 'UBND tỉnh Lào Cai', organAdd: 'Lào Cai' }],
  documentId: '000.00.00.H35,2026/01/05,12/UBND-VP',
  code: { codeNumber: '12', codeNotation: 'UBND-VP' },
  promulgationInfo: { place: 'Lai Châu', date: '2026-01-05' },
  documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
  subject: 'V/v thử nghiệm',
  signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
  dueDate: null,
  toPlaces: [],
  otherInfo: { priority: 0, appendixes: [] },
  responseFor: [],
  steeringType: 1,
});
const pkg = (h: EdocHeader = header()): EdocToValidate => ({
  header: h,
  traceHeaders: [{ organId: '000.00.00.H35', timestamp: '2026-01-05T09:30:00' }],
  bussiness: { bussinessDocType: 0, paper: 0, staffInfo: [], bussinessDocumentInfo: [], replacementInfo: [] },
  attachments: [{ contentId: 'a1', name: '12-UBND-VP.pdf', contentType: 'application/pdf', sha256: 'a'.repeat(64) }],
});

describe('validateEdoc', () => {
  it('accepts a complete package', () => {
    expect(validateEdoc(pkg(), '2026-01-05')).toEqual([]);
  });

  it('reports each axis-side requirement separately', () => {
    const h = header();
    h.to.push({ organId: '000.00.00.H38', organName: 'Trùng' });
    h.code = { codeNumber: '1a', codeNotation: '' };
    h.promulgationInfo.date = '2026-01-06';
    h.from.organId = '020100107370';
    h.subject = 'x'.repeat(501);
    h.signerInfo.fullName = 'A\u0007B';
    const found = validateEdoc(pkg(h), '2026-01-05');
    expect(found.map((p) => p.path)).toEqual([
      `${H}/From/OrganId`,
      `${H}/To[2]/OrganAdd`,
      `${H}/To[2]/OrganId`,
      `${H}/Code/CodeNumber`,
      `${H}/Code/CodeNotation`,
      `${H}/PromulgationInfo/PromulgationDate`,
      `${H}/Subject`,
      `${H}/SignerInfo/FullName`,
    ]);
    expect(found.map((p) => p.reason)).toEqual([
      'Mã định danh cơ quan gửi "020100107370" không đúng dạng 000.00.00.H35 (QCVN 102:2016, QĐ 28/2018 Điều 10.2a).',
      'Thiếu địa chỉ nơi nhận (OrganAdd).',
      'Nơi nhận 000.00.00.H38 bị lặp lại.',
      'Số văn bản "1a" phải gồm tối đa 11 chữ số.',
      'Thiếu ký hiệu văn bản (CodeNotation).',
      'Ngày ban hành 2026-01-06 ở tương lai (sau 2026-01-05).',
      'Trích yếu (Subject) dài 501 ký tự, tối đa 500.',
      'Họ tên người ký (FullName) chứa ký tự điều khiển không được phép trong XML.',
    ]);
  });

  it('checks the hops, the Bussiness block and the attachments', () => {
    const p = pkg();
    p.traceHeaders = [{ organId: null, timestamp: null }];
    p.bussiness = { bussinessDocType: 3, paper: 2, staffInfo: [], bussinessDocumentInfo: [], replacementInfo: [{ documentId: 'x', organIds: ['H38'] }] };
    p.attachments = [
      { contentId: 'cid:a1', name: '../etc/passwd', contentType: 'pdf', sha256: 'z' },
      { contentId: 'A1', name: 'b.pdf', contentType: 'application/pdf', sha256: 'b'.repeat(64) },
    ];
    const paths = validateEdoc(p, '2026-01-05').map((x) => x.path);
    expect(paths).toEqual([
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/OrganId',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/Timestamp',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/BussinessDocReason',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/Paper',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/ReplacementInfoList/ReplacementInfo/OrganIdList/OrganId',
      'edXML/AttachmentEncoded/Attachment/AttachmentName',
      'edXML/AttachmentEncoded/Attachment/ContentType',
      'edXML/AttachmentEncoded/Attachment/ContentTransferEncoded',
      'edXML/AttachmentEncoded/Attachment[2]/ContentId',
    ]);
  });

  it('a revocation (type 1) may carry no file but needs a reason', () => {
    const p = { ...pkg(), attachments: [], bussiness: { bussinessDocType: 1 as const, bussinessDocReason: 'Thu hồi do sai thể thức', paper: 0, staffInfo: [], bussinessDocumentInfo: [], replacementInfo: [] } };
    expect(validateEdoc(p, '2026-01-05')).toEqual([]);
    expect(validateEdoc({ ...p, bussiness: { ...p.bussiness, bussinessDocType: 0 } }, '2026-01-05').map((x) => x.path)).toEqual(['edXML/AttachmentEncoded']);
  });
});

describe('validateStatus', () => {
  const status = {
    from: { organId: '000.00.00.H38', organName: 'UBND tỉnh Lào Cai' },
    responseFor: { organId: '000.00.00.H35', code: '12/UBND-VP', promulgationDate: '2026-01-05', documentId: 'x' },
    statusCode: '03',
    timestamp: '2026-01-05T10:00:00',
  };
  it('accepts a 03 without description; demands a reason for 02/13/16', () => {
    expect(validateStatus(status)).toEqual([]);
    expect(validateStatus({ ...status, statusCode: '16' })).toEqual([{ path: `${H}/Description`, reason: 'Thiếu lý do (Description).' }]);
    expect(validateStatus({ ...status, statusCode: '16', description: 'Văn bản đã được xử lý, không thể thu hồi' })).toEqual([]);
  });
  it('refuses unknown codes, missing ResponseFor parts and bad timestamps', () => {
    const found = validateStatus({ ...status, statusCode: '07', responseFor: { organId: '', code: '', promulgationDate: null, documentId: '' }, timestamp: null });
    expect(found.map((p) => p.path)).toEqual([
      `${H}/ResponseFor/OrganId`,
      `${H}/ResponseFor/Code`,
      `${H}/ResponseFor/PromulgationDate`,
      `${H}/ResponseFor/DocumentId`,
      `${H}/StatusCode`,
      `${H}/Timestamp`,
    ]);
  });
});
