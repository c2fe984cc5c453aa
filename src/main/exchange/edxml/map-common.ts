/**
 * Shared pieces of reading header groups out of the tree, tolerantly (standards.md §1.8): any child order,
 * empty elements allowed, odd codes accepted with a warning. Anything that makes the package unusable throws a
 * ReadFault(MISSING_ELEMENT / INVALID_VALUE).
 */
import { checkAgencyCode } from '../../../shared/domain/identifier-code';
import { parseEdxmlDate } from '../../../shared/domain/edxml/edxml-dates';
import type { EdxmlProblem, Organization, ResponseFor, StaffInfo } from '../../../shared/domain/edxml/model';
import { ReadFault } from './read-fault';
import { kid, textOf, type XmlNode } from './xml-tree';

export type Warn = (path: string, reason: string) => void;

export function collector(): { warnings: EdxmlProblem[]; warn: Warn } {
  const warnings: EdxmlProblem[] = [];
  return { warnings, warn: (path, reason) => warnings.push({ path, reason }) };
}

/** A required child, or a MISSING_ELEMENT fault naming it. */
export function need(node: XmlNode | undefined, local: string, parentPath: string): XmlNode {
  const child = kid(node, local);
  if (!child) throw new ReadFault('MISSING_ELEMENT', `Thiếu phần tử bắt buộc ${local}.`, `${node?.path ?? parentPath}/${local}`);
  return child;
}

/** Required, non-empty text. */
export function needText(node: XmlNode, local: string): string {
  const t = textOf(node, local);
  if (t === undefined) throw new ReadFault('MISSING_ELEMENT', `Thiếu hoặc để trống phần tử bắt buộc ${local}.`, `${node.path}/${local}`);
  return t;
}

/** An optional integer; a non-integer value is a warning and reads as null. */
export function intOf(node: XmlNode | undefined, local: string, warn: Warn): number | null {
  const t = textOf(node, local);
  if (t === undefined) return null;
  if (!/^[+-]?\d{1,9}$/.test(t)) {
    warn(`${node?.path}/${local}`, `Giá trị "${t}" không phải số nguyên; bỏ qua.`);
    return null;
  }
  return Number(t);
}

/** An optional date; unreadable → null with a warning. */
export function dateOf(node: XmlNode | undefined, local: string, warn: Warn): string | null {
  const t = textOf(node, local);
  if (t === undefined) return null;
  const d = parseEdxmlDate(t);
  if (d === null) warn(`${node?.path}/${local}`, `Ngày "${t}" không đọc được (cần yyyy/MM/dd).`);
  return d;
}

/** Warn about an agency code outside the tolerant pattern (standards.md §3.0: accept with a warning). */
export function checkCode(code: string, path: string, warn: Warn): void {
  if (checkAgencyCode(code).level === 'invalid') warn(path, `Mã định danh "${code}" không đúng dạng QCVN 102 (000.00.00.H35); vẫn chấp nhận.`);
}

const ORG_FIELDS = [
  ['organizationInCharge', 'OrganizationInCharge'],
  ['organName', 'OrganName'],
  ['organAdd', 'OrganAdd'],
  ['email', 'Email'],
  ['telephone', 'Telephone'],
  ['fax', 'Fax'],
  ['website', 'Website'],
] as const;

/** From / To: OrganId is required (routing and the status 02 need it). */
export function organization(node: XmlNode, warn: Warn): Organization {
  const organId = needText(node, 'OrganId');
  checkCode(organId, `${node.path}/OrganId`, warn);
  const org: Organization = { organId };
  for (const [key, local] of ORG_FIELDS) {
    const t = textOf(node, local);
    if (t !== undefined) org[key] = t;
  }
  return org;
}

const STAFF_FIELDS = [
  ['department', 'Department'],
  ['departmentId', 'DepartmentId'],
  ['staff', 'Staff'],
  ['staffId', 'StaffId'],
  ['email', 'Email'],
  ['mobile', 'Mobile'],
] as const;

export function staffInfo(node: XmlNode): StaffInfo {
  const out: StaffInfo = {};
  for (const [key, local] of STAFF_FIELDS) {
    const t = textOf(node, local);
    if (t !== undefined) out[key] = t;
  }
  return out;
}

/** A ResponseFor group; null when it is empty (`<ResponseFor/>` occurs, §1.8). */
export function responseFor(node: XmlNode, warn: Warn): ResponseFor | null {
  const organId = textOf(node, 'OrganId') ?? '';
  const code = textOf(node, 'Code') ?? '';
  const documentId = textOf(node, 'DocumentId') ?? '';
  const promulgationDate = dateOf(node, 'PromulgationDate', warn);
  if (organId === '' && code === '' && documentId === '' && promulgationDate === null) return null;
  return { organId, code, promulgationDate, documentId };
}
