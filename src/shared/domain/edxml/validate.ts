/**
 * The strict validator of what we send (issue 8: "run on everything we send, before sending"). It reports every
 * deviation, each with the XML path it will have in the package and a Vietnamese reason. The rules are those of
 * standards.md §1.2–1.6 plus what axis-side validators demand (§1.8 "Sending"): From/OrganName, To/OrganName,
 * To/OrganAdd, non-empty CodeNumber, CodeNotation and Subject, no two To with the same OrganId, no
 * PromulgationDate in the future and no impossible date (Bkav's validator), TraceHeader OrganId always written,
 * agency codes of the strict pattern only (§3.0), a reason for 02, 13 and 16 (§1.8 "Status reasons").
 */
import { isEmittableAgencyCode } from '../identifier-code';
import { documentTypeByName } from '../document-types';
import { MAX_CODE_NOTATION_LENGTH, MAX_CODE_NUMBER_DIGITS } from '../code-notation';
import { isIsoDate } from '../../util/time';
import { isBussinessDocType } from './bussiness-doc-type';
import { parseEdxmlTimestamp } from './edxml-dates';
import type { AttachmentSpec, Bussiness, EdocHeader, EdxmlProblem, Organization, ResponseFor, StaffInfo, StatusHeader, TraceHeader } from './model';
import { isStatusCode, statusCodeInfo } from './status-codes';

/** NĐ 30 Phụ lục VI: Subject (trích yếu) String(500). */
export const MAX_SUBJECT_LENGTH = 500;
const HEADER = 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader';
const TRACE = 'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList';
// XML 1.0 Char production minus what we never want in a field: C0 controls but TAB/LF/CR, U+FFFE/U+FFFF, lone surrogates.
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const SHA256 = /^[0-9a-f]{64}$/;

export interface EdocToValidate {
  header: EdocHeader;
  traceHeaders: TraceHeader[];
  bussiness: Bussiness;
  attachments: ReadonlyArray<AttachmentSpec & { sha256: string }>;
}

type Add = (path: string, reason: string) => void;

function problems(): { list: EdxmlProblem[]; add: Add } {
  const list: EdxmlProblem[] = [];
  return { list, add: (path, reason) => list.push({ path, reason }) };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const nth = (local: string, i: number): string => (i === 0 ? local : `${local}[${i + 1}]`);

function text(add: Add, path: string, value: string | undefined, label: string, opts: { required?: boolean; max?: number } = {}): void {
  if (value === undefined || value.trim() === '') {
    if (opts.required) add(path, `Thiếu ${label}.`);
    return;
  }
  if (BAD_CHARS.test(value)) add(path, `${cap(label)} chứa ký tự điều khiển không được phép trong XML.`);
  if (value !== value.normalize('NFC')) add(path, `${cap(label)} chưa chuẩn hoá Unicode NFC.`);
  if (opts.max !== undefined && value.length > opts.max) add(path, `${cap(label)} dài ${value.length} ký tự, tối đa ${opts.max}.`);
}

function agencyCode(add: Add, path: string, code: string | null | undefined, label: string): void {
  if (code === null || code === undefined || code.trim() === '') add(path, `Thiếu mã định danh ${label}.`);
  else if (!isEmittableAgencyCode(code)) add(path, `Mã định danh ${label} "${code}" không đúng dạng 000.00.00.H35 (QCVN 102:2016, QĐ 28/2018 Điều 10.2a).`);
}

function date(add: Add, path: string, value: string | null | undefined, label: string, opts: { required?: boolean; notAfter?: string } = {}): void {
  if (value === null || value === undefined || value === '') {
    if (opts.required) add(path, `Thiếu ${label}.`);
    return;
  }
  if (!isIsoDate(value)) add(path, `${cap(label)} "${value}" không phải ngày có thật.`);
  else if (opts.notAfter !== undefined && value > opts.notAfter) add(path, `${cap(label)} ${value} ở tương lai (sau ${opts.notAfter}).`);
}

function organization(add: Add, path: string, org: Organization, label: string, needAddress: boolean): void {
  agencyCode(add, `${path}/OrganId`, org.organId, label);
  text(add, `${path}/OrganName`, org.organName, `tên ${label} (OrganName)`, { required: true, max: 500 });
  text(add, `${path}/OrganAdd`, org.organAdd, `địa chỉ ${label} (OrganAdd)`, { required: needAddress, max: 500 });
  for (const key of ['organizationInCharge', 'email', 'telephone', 'fax', 'website'] as const) text(add, path, org[key], `${key} của ${label}`, { max: 500 });
}

function staff(add: Add, path: string, s: StaffInfo): void {
  for (const key of ['department', 'departmentId', 'staff', 'staffId', 'email', 'mobile'] as const) text(add, path, s[key], `${key} của cán bộ`, { max: 500 });
}

/** §1.6: matched on DocumentId, falling back to (OrganId, Code, date): so DocumentId, or else Code and date. */
function responseFor(add: Add, path: string, r: ResponseFor): void {
  const byId = r.documentId.trim() !== '';
  agencyCode(add, `${path}/OrganId`, r.organId, 'cơ quan ban hành văn bản được trả lời');
  text(add, `${path}/Code`, r.code, 'số, ký hiệu văn bản được trả lời (Code)', { required: !byId, max: 42 });
  date(add, `${path}/PromulgationDate`, r.promulgationDate, 'ngày ban hành văn bản được trả lời', { required: !byId });
  text(add, `${path}/DocumentId`, r.documentId, 'mã định danh văn bản được trả lời (DocumentId)', { required: r.code.trim() === '' || r.promulgationDate === null, max: 255 });
}

function header(add: Add, h: EdocHeader, today: string): void {
  organization(add, `${HEADER}/From`, h.from, 'cơ quan gửi', false);
  if (h.to.length === 0) add(`${HEADER}/To`, 'Thiếu nơi nhận (To).');
  const seen = new Set<string>();
  h.to.forEach((t, i) => {
    const path = `${HEADER}/${nth('To', i)}`;
    organization(add, path, t, 'nơi nhận', true);
    if (seen.has(t.organId)) add(`${path}/OrganId`, `Nơi nhận ${t.organId} bị lặp lại.`);
    seen.add(t.organId);
  });
  const num = h.code.codeNumber.trim();
  if (num === '') add(`${HEADER}/Code/CodeNumber`, 'Thiếu số văn bản (CodeNumber).');
  else if (!/^\d+$/.test(num) || num.length > MAX_CODE_NUMBER_DIGITS) add(`${HEADER}/Code/CodeNumber`, `Số văn bản "${num}" phải gồm tối đa ${MAX_CODE_NUMBER_DIGITS} chữ số.`);
  text(add, `${HEADER}/Code/CodeNotation`, h.code.codeNotation, 'ký hiệu văn bản (CodeNotation)', { required: true, max: MAX_CODE_NOTATION_LENGTH });
  text(add, `${HEADER}/PromulgationInfo/Place`, h.promulgationInfo.place, 'địa danh ban hành', { required: true, max: 200 });
  date(add, `${HEADER}/PromulgationInfo/PromulgationDate`, h.promulgationInfo.date, 'ngày ban hành', { required: true, notAfter: today });
  const type = h.documentType;
  if (type.type === null || !Number.isInteger(type.type)) add(`${HEADER}/DocumentType/Type`, 'Thiếu mã loại văn bản (Type).');
  if (type.typeDetail !== null && !Number.isInteger(type.typeDetail)) add(`${HEADER}/DocumentType/TypeDetail`, 'TypeDetail phải là số nguyên.');
  if (type.typeName.trim() === '') add(`${HEADER}/DocumentType/TypeName`, 'Thiếu tên loại văn bản (TypeName).');
  else if (!documentTypeByName(type.typeName)) add(`${HEADER}/DocumentType/TypeName`, `Tên loại "${type.typeName}" không có trong NĐ 30/2020 Điều 7.`);
  text(add, `${HEADER}/Subject`, h.subject, 'trích yếu (Subject)', { required: true, max: MAX_SUBJECT_LENGTH });
  text(add, `${HEADER}/Content`, h.content, 'nội dung (Content)', { max: 100_000 });
  text(add, `${HEADER}/SignerInfo/Competence`, h.signerInfo.competence, 'quyền hạn ký (Competence)', { max: 200 });
  text(add, `${HEADER}/SignerInfo/Position`, h.signerInfo.position, 'chức vụ người ký (Position)', { required: true, max: 200 });
  text(add, `${HEADER}/SignerInfo/FullName`, h.signerInfo.fullName, 'họ tên người ký (FullName)', { required: true, max: 200 });
  date(add, `${HEADER}/DueDate`, h.dueDate, 'hạn xử lý (DueDate)');
  h.toPlaces.forEach((p, i) => text(add, `${HEADER}/ToPlaces/${nth('Place', i)}`, p, 'nơi nhận in trên văn bản', { required: true, max: 500 }));
  const o = h.otherInfo;
  if (o.priority === null || !Number.isInteger(o.priority) || o.priority < 0) add(`${HEADER}/OtherInfo/Priority`, 'Thiếu độ khẩn (Priority) hoặc không phải số nguyên không âm.');
  text(add, `${HEADER}/OtherInfo/SphereOfPromulgation`, o.sphereOfPromulgation, 'phạm vi lưu hành', { max: 500 });
  text(add, `${HEADER}/OtherInfo/TyperNotation`, o.typerNotation, 'ký hiệu người soạn thảo', { max: 100 });
  for (const [key, local] of [['promulgationAmount', 'PromulgationAmount'], ['pageAmount', 'PageAmount']] as const) {
    const v = o[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) add(`${HEADER}/OtherInfo/${local}`, `${local} phải là số nguyên không âm.`);
  }
  o.appendixes.forEach((a, i) => text(add, `${HEADER}/OtherInfo/Appendixes/${nth('Appendix', i)}`, a, 'tên phụ lục', { required: true, max: 500 }));
  h.responseFor.forEach((r, i) => responseFor(add, `${HEADER}/${nth('ResponseFor', i)}`, r));
  if (h.steeringType !== null && !Number.isInteger(h.steeringType)) add(`${HEADER}/SteeringType`, 'SteeringType phải là số nguyên.');
  text(add, `${HEADER}/DocumentId`, h.documentId, 'mã định danh văn bản (DocumentId)', { required: true, max: 255 });
}

function traces(add: Add, list: TraceHeader[]): void {
  if (list.length === 0) add(`${TRACE}/TraceHeader`, 'Thiếu TraceHeader của cơ quan gửi.');
  list.forEach((t, i) => {
    const path = `${TRACE}/${nth('TraceHeader', i)}`;
    agencyCode(add, `${path}/OrganId`, t.organId, 'chặng chuyển tiếp (TraceHeader)');
    if (t.timestamp === null || parseEdxmlTimestamp(t.timestamp) === null || !t.timestamp.includes('T')) add(`${path}/Timestamp`, 'Thiếu hoặc sai thời điểm (Timestamp).');
  });
}

function bussiness(add: Add, b: Bussiness): void {
  const path = `${TRACE}/Bussiness`;
  if (!isBussinessDocType(b.bussinessDocType)) {
    add(`${path}/BussinessDocType`, 'BussinessDocType phải là 0 (mới), 1 (thu hồi), 2 (cập nhật) hoặc 3 (thay thế).');
    return;
  }
  text(add, `${path}/BussinessDocReason`, b.bussinessDocReason, 'lý do (BussinessDocReason)', { required: b.bussinessDocType !== 0, max: 1000 });
  if (b.paper !== null && b.paper !== 0 && b.paper !== 1) add(`${path}/Paper`, 'Paper phải là 0 hoặc 1.');
  b.staffInfo.forEach((s, i) => staff(add, `${path}/${nth('StaffInfo', i)}`, s));
  if (b.bussinessDocType === 2) {
    text(add, `${path}/DocumentId`, b.documentId, 'mã định danh văn bản được cập nhật (Bussiness/DocumentId)', { required: true, max: 255 });
    if (b.bussinessDocumentInfo.length === 0) add(`${path}/BussinessDocumentInfo`, 'Gói cập nhật cần BussinessDocumentInfo (phần được cập nhật, danh sách nơi nhận).');
  }
  b.bussinessDocumentInfo.forEach((info, i) => {
    info.receivers.forEach((r, j) => agencyCode(add, `${path}/${nth('BussinessDocumentInfo', i)}/ReceiverList/${nth('Receiver', j)}/OrganId`, r.organId, 'nơi nhận cập nhật'));
  });
  if (b.bussinessDocType === 3 && b.replacementInfo.length === 0) add(`${path}/ReplacementInfoList`, 'Gói thay thế cần ít nhất một ReplacementInfo (văn bản bị thay thế).');
  b.replacementInfo.forEach((r, i) => {
    const rp = `${path}/ReplacementInfoList/${nth('ReplacementInfo', i)}`;
    text(add, `${rp}/DocumentId`, r.documentId, 'mã định danh văn bản bị thay thế', { required: true, max: 255 });
    if (r.organIds.length === 0) add(`${rp}/OrganIdList`, 'Thiếu danh sách cơ quan đang giữ văn bản bị thay thế.');
    r.organIds.forEach((o, j) => agencyCode(add, `${rp}/OrganIdList/${nth('OrganId', j)}`, o, 'cơ quan giữ văn bản bị thay thế'));
  });
}

function attachments(add: Add, list: EdocToValidate['attachments'], type: number): void {
  if (list.length === 0 && (type === 0 || type === 3)) add('edXML/AttachmentEncoded', 'Gói văn bản cần ít nhất một tệp đính kèm.');
  const ids = new Set<string>();
  list.forEach((a, i) => {
    const path = `edXML/AttachmentEncoded/${nth('Attachment', i)}`;
    const id = a.contentId.replace(/^cid:/i, '');
    if (id.trim() === '') add(`${path}/ContentId`, 'Thiếu ContentId.');
    else if (ids.has(id.toLowerCase())) add(`${path}/ContentId`, `ContentId "${id}" bị lặp lại.`);
    else if (!/^[A-Za-z0-9._@-]+$/.test(id)) add(`${path}/ContentId`, `ContentId "${id}" chỉ được gồm chữ, số và . _ @ -.`);
    ids.add(id.toLowerCase());
    text(add, `${path}/AttachmentName`, a.name, 'tên tệp (AttachmentName)', { required: true, max: 255 });
    if (/[/\\]/.test(a.name) || a.name.trim() === '.' || a.name.trim() === '..') add(`${path}/AttachmentName`, 'Tên tệp không được chứa đường dẫn.');
    if (!MIME.test(a.contentType)) add(`${path}/ContentType`, `ContentType "${a.contentType}" không phải kiểu MIME hợp lệ.`);
    text(add, `${path}/Description`, a.description, 'mô tả tệp', { max: 1000 });
    if (!SHA256.test(a.sha256)) add(`${path}/ContentTransferEncoded`, 'Thiếu tệp trong kho (mã băm SHA-256 không hợp lệ).');
  });
}

/**
 * Every deviation of a document package we are about to send. `today` (ISO, Vietnam date) bounds the
 * PromulgationDate (an axis validator refuses a date in the future). Empty list = may be sent.
 */
export function validateEdoc(pkg: EdocToValidate, today: string): EdxmlProblem[] {
  const { list, add } = problems();
  header(add, pkg.header, today);
  traces(add, pkg.traceHeaders);
  bussiness(add, pkg.bussiness);
  attachments(add, pkg.attachments, pkg.bussiness.bussinessDocType);
  return list;
}

/** Every deviation of a status package we are about to send. Empty list = may be sent. */
export function validateStatus(status: StatusHeader): EdxmlProblem[] {
  const { list, add } = problems();
  organization(add, `${HEADER}/From`, status.from, 'cơ quan báo trạng thái', false);
  responseFor(add, `${HEADER}/ResponseFor`, status.responseFor);
  if (status.staffInfo) staff(add, `${HEADER}/StaffInfo`, status.staffInfo);
  if (!isStatusCode(status.statusCode)) add(`${HEADER}/StatusCode`, `Mã trạng thái "${status.statusCode}" không thuộc 01–06, 13, 15, 16.`);
  const info = statusCodeInfo(status.statusCode);
  text(add, `${HEADER}/Description`, status.description, 'lý do (Description)', { required: info?.reasonRequired === true, max: 2000 });
  if (status.timestamp === null || parseEdxmlTimestamp(status.timestamp) === null || !status.timestamp.includes('T')) {
    add(`${HEADER}/Timestamp`, 'Thiếu hoặc sai thời điểm (Timestamp).');
  }
  return list;
}
