/**
 * Tree → status package (standards.md §1.6). Required: From/OrganId, a two-digit StatusCode, and a ResponseFor
 * naming the document (DocumentId, or OrganId with Code). Unknown codes (07–12, 14 …) are kept with a warning:
 * "treat an unknown code as informational and log it" (§1.6).
 */
import { parseEdxmlTimestamp } from '../../../shared/domain/edxml/edxml-dates';
import type { StatusHeader } from '../../../shared/domain/edxml/model';
import { isStatusCode, normalizeStatusCode } from '../../../shared/domain/edxml/status-codes';
import type { ReceivedStatus } from './edxml-api';
import { collector, need, needText, organization, responseFor, staffInfo } from './map-common';
import { ReadFault } from './read-fault';
import { kid, kids, textOf, type XmlNode } from './xml-tree';

/** Map a read tree whose MessageHeader has a StatusCode to a status package (throws ReadFault). */
export function mapStatus(root: XmlNode): ReceivedStatus {
  const { warnings, warn } = collector();
  const envelope = need(root, 'edXMLEnvelope', root.path);
  const h = need(need(envelope, 'edXMLHeader', envelope.path), 'MessageHeader', `${envelope.path}/edXMLHeader`);
  const from = organization(need(h, 'From', h.path), warn);
  const codeText = needText(h, 'StatusCode');
  const statusCode = normalizeStatusCode(codeText);
  if (statusCode === null) throw new ReadFault('INVALID_VALUE', `Mã trạng thái "${codeText}" không hợp lệ (cần hai chữ số).`, `${h.path}/StatusCode`);
  if (!isStatusCode(statusCode)) warn(`${h.path}/StatusCode`, `Mã trạng thái ${statusCode} không có trong danh mục (01–06, 13, 15, 16); chỉ ghi nhận.`);
  const rfNodes = kids(h, 'ResponseFor');
  const rf = rfNodes.map((n) => responseFor(n, warn)).find((r) => r !== null);
  if (!rf || (rf.documentId === '' && (rf.organId === '' || rf.code === ''))) {
    throw new ReadFault('MISSING_ELEMENT', 'Gói trạng thái không nêu văn bản liên quan (ResponseFor/DocumentId, hoặc OrganId và Code).', `${h.path}/ResponseFor`);
  }
  const stampText = textOf(h, 'Timestamp');
  const timestamp = stampText === undefined ? null : parseEdxmlTimestamp(stampText);
  if (timestamp === null) warn(`${h.path}/Timestamp`, `Thời điểm "${stampText ?? ''}" của trạng thái không đọc được.`);
  const header: StatusHeader = { from, responseFor: rf, statusCode, timestamp };
  const staff = kid(h, 'StaffInfo');
  if (staff) header.staffInfo = staffInfo(staff);
  const description = textOf(h, 'Description');
  if (description !== undefined) header.description = description;
  if (kid(envelope, 'edXMLBody') || kid(root, 'AttachmentEncoded')) warn(root.path, 'Gói trạng thái có phần thân hoặc tệp đính kèm; bỏ qua.');
  return { kind: 'status', header, warnings };
}
