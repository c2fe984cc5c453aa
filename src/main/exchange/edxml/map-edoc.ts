/**
 * Tree → document package (standards.md §1.2–1.4), tolerant of what real axes relay (§1.8). Required for the
 * package to be usable at all: MessageHeader, From/OrganId, at least one To/OrganId, Code, Subject, and the
 * data of every attachment the manifest lists; everything else missing or odd is a warning.
 */
import { parseBussinessDocType } from '../../../shared/domain/edxml/bussiness-doc-type';
import { parseEdxmlTimestamp } from '../../../shared/domain/edxml/edxml-dates';
import { dedupKeys } from '../../../shared/domain/edxml/dedup-keys';
import type { Bussiness, EdocHeader, OtherInfo, TraceHeader } from '../../../shared/domain/edxml/model';
import { documentTypeByName } from '../../../shared/domain/document-types';
import type { ReceivedAttachment, ReceivedEdoc } from './edxml-api';
import { checkCode, collector, dateOf, intOf, need, needText, organization, responseFor, staffInfo, type Warn } from './map-common';
import { ReadFault } from './read-fault';
import { kid, kids, textOf, walk, type XmlNode } from './xml-tree';

/** The parts of an edoc tree, found by URI + local name. */
export function edocParts(root: XmlNode): { header: XmlNode; trace: XmlNode | undefined; manifest: XmlNode | undefined; attachments: XmlNode[] } {
  const envelope = need(root, 'edXMLEnvelope', root.path);
  const headerBlock = need(envelope, 'edXMLHeader', envelope.path);
  const header = need(headerBlock, 'MessageHeader', headerBlock.path);
  const body = kid(envelope, 'edXMLBody');
  const manifest = kid(body, 'edXMLManifest');
  if (body && !manifest && body.children.length > 0) {
    throw new ReadFault('NOT_A_PACKAGE', `Phần thân chứa "${body.children[0]?.local}", không phải danh mục tệp edXMLManifest: không phải gói văn bản.`, body.path);
  }
  // AttachmentEncoded sits beside the envelope (§1.1); some producers put it inside: accept both.
  const encoded = [...kids(root, 'AttachmentEncoded'), ...kids(envelope, 'AttachmentEncoded')];
  return { header, trace: kid(headerBlock, 'TraceHeaderList'), manifest, attachments: encoded.flatMap((e) => kids(e, 'Attachment')) };
}

function header(h: XmlNode, warn: Warn): EdocHeader {
  const from = organization(need(h, 'From', h.path), warn);
  const toNodes = kids(h, 'To');
  if (toNodes.length === 0) throw new ReadFault('MISSING_ELEMENT', 'Thiếu nơi nhận (To).', `${h.path}/To`);
  const to = toNodes.map((n) => organization(n, warn));
  const seen = new Set<string>();
  for (const [i, t] of to.entries()) {
    if (seen.has(t.organId)) warn(toNodes[i]?.path ?? h.path, `Nơi nhận ${t.organId} lặp lại.`);
    seen.add(t.organId);
  }
  const codeNode = need(h, 'Code', h.path);
  const code = { codeNumber: textOf(codeNode, 'CodeNumber') ?? '', codeNotation: textOf(codeNode, 'CodeNotation') ?? '' };
  if (code.codeNumber === '' && code.codeNotation === '') throw new ReadFault('MISSING_ELEMENT', 'Thiếu số và ký hiệu văn bản (Code).', codeNode.path);
  if (code.codeNumber === '') warn(`${codeNode.path}/CodeNumber`, 'Thiếu số văn bản (CodeNumber).');
  if (code.codeNotation === '') warn(`${codeNode.path}/CodeNotation`, 'Thiếu ký hiệu văn bản (CodeNotation).');
  const documentId = textOf(h, 'DocumentId') ?? '';
  if (documentId === '') warn(`${h.path}/DocumentId`, 'Thiếu mã định danh văn bản (DocumentId); chỉ kiểm tra trùng theo số, ký hiệu, ngày và tệp.');
  const prom = kid(h, 'PromulgationInfo');
  if (!prom) warn(`${h.path}/PromulgationInfo`, 'Thiếu địa danh và ngày ban hành (PromulgationInfo).');
  const date = dateOf(prom, 'PromulgationDate', warn);
  if (prom && date === null && textOf(prom, 'PromulgationDate') === undefined) warn(`${prom.path}/PromulgationDate`, 'Thiếu ngày ban hành.');
  const typeNode = kid(h, 'DocumentType');
  const typeName = textOf(typeNode, 'TypeName') ?? '';
  if (typeName === '' || !documentTypeByName(typeName)) {
    warn(`${typeNode?.path ?? `${h.path}/DocumentType`}/TypeName`, `Tên loại văn bản "${typeName}" không có trong danh mục NĐ 30 Điều 7.`);
  }
  const signer = kid(h, 'SignerInfo');
  if (!signer) warn(`${h.path}/SignerInfo`, 'Thiếu thông tin người ký (SignerInfo).');
  const out: EdocHeader = {
    from,
    to,
    documentId,
    code,
    promulgationInfo: { place: textOf(prom, 'Place') ?? '', date },
    documentType: { type: intOf(typeNode, 'Type', warn), typeDetail: intOf(typeNode, 'TypeDetail', warn), typeName },
    subject: needText(h, 'Subject'),
    signerInfo: { competence: textOf(signer, 'Competence') ?? '', position: textOf(signer, 'Position') ?? '', fullName: textOf(signer, 'FullName') ?? '' },
    dueDate: dateOf(h, 'DueDate', warn),
    toPlaces: kids(kid(h, 'ToPlaces'), 'Place').map((p) => p.text.trim()).filter((p) => p !== ''),
    otherInfo: otherInfo(kid(h, 'OtherInfo'), warn),
    responseFor: kids(h, 'ResponseFor').flatMap((n) => responseFor(n, warn) ?? []),
    steeringType: intOf(h, 'SteeringType', warn),
  };
  const content = textOf(h, 'Content');
  if (content !== undefined) out.content = content;
  return out;
}

function otherInfo(node: XmlNode | undefined, warn: Warn): OtherInfo {
  const out: OtherInfo = { priority: intOf(node, 'Priority', warn), appendixes: kids(kid(node, 'Appendixes'), 'Appendix').map((a) => a.text.trim()).filter((a) => a !== '') };
  const sphere = textOf(node, 'SphereOfPromulgation');
  if (sphere !== undefined) out.sphereOfPromulgation = sphere;
  const typer = textOf(node, 'TyperNotation');
  if (typer !== undefined) out.typerNotation = typer;
  const amount = intOf(node, 'PromulgationAmount', warn);
  if (amount !== null) out.promulgationAmount = amount;
  const pages = intOf(node, 'PageAmount', warn);
  if (pages !== null) out.pageAmount = pages;
  const direction = textOf(node, 'Direction');
  if (direction !== undefined) out.direction = direction.toLowerCase() === 'true' || direction === '1';
  return out;
}

function traceHeaders(list: XmlNode | undefined, warn: Warn): TraceHeader[] {
  return kids(list, 'TraceHeader').map((t) => {
    const raw = textOf(t, 'OrganId');
    const organId = raw === undefined || raw.toLowerCase() === 'null' ? null : raw;
    if (organId === null) warn(`${t.path}/OrganId`, 'Chặng chuyển tiếp (TraceHeader) không có mã định danh (OrganId).');
    else checkCode(organId, `${t.path}/OrganId`, warn);
    const stampText = textOf(t, 'Timestamp');
    const timestamp = stampText === undefined ? null : parseEdxmlTimestamp(stampText);
    if (timestamp === null) warn(`${t.path}/Timestamp`, `Thời điểm chuyển tiếp "${stampText ?? ''}" không đọc được.`);
    return { organId, timestamp };
  });
}

function bussiness(node: XmlNode | undefined, warn: Warn): Bussiness | null {
  if (!node) return null;
  const typeText = textOf(node, 'BussinessDocType');
  const type = typeText === undefined ? 0 : parseBussinessDocType(typeText);
  if (typeText === undefined) warn(`${node.path}/BussinessDocType`, 'Thiếu BussinessDocType; coi là văn bản mới (0).');
  if (type === null) throw new ReadFault('INVALID_VALUE', `BussinessDocType "${typeText}" không hợp lệ (chỉ 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế).`, `${node.path}/BussinessDocType`);
  const out: Bussiness = {
    bussinessDocType: type,
    paper: intOf(node, 'Paper', warn),
    staffInfo: kids(node, 'StaffInfo').map(staffInfo),
    bussinessDocumentInfo: kids(node, 'BussinessDocumentInfo').map((info) => ({
      documentInfo: intOf(info, 'DocumentInfo', warn),
      documentReceiver: intOf(info, 'DocumentReceiver', warn),
      receivers: kids(kid(info, 'ReceiverList'), 'Receiver').flatMap((r) => {
        const organId = textOf(r, 'OrganId');
        return organId === undefined ? [] : [{ organId, receiverType: intOf(r, 'ReceiverType', warn) }];
      }),
    })),
    replacementInfo: kids(kid(node, 'ReplacementInfoList'), 'ReplacementInfo').flatMap((r) => {
      const documentId = textOf(r, 'DocumentId');
      const organIds = kids(kid(r, 'OrganIdList'), 'OrganId').map((o) => o.text.trim()).filter((o) => o !== '');
      return documentId === undefined ? [] : [{ documentId, organIds }];
    }),
  };
  const documentId = textOf(node, 'DocumentId');
  if (documentId !== undefined) out.documentId = documentId;
  else if (type === 2) warn(`${node.path}/DocumentId`, 'Gói cập nhật (BussinessDocType 2) không nêu văn bản được cập nhật (DocumentId).');
  const reason = textOf(node, 'BussinessDocReason');
  if (reason !== undefined) out.bussinessDocReason = reason;
  if (type === 3 && out.replacementInfo.length === 0) warn(`${node.path}/ReplacementInfoList`, 'Gói thay thế (BussinessDocType 3) không nêu văn bản bị thay thế.');
  return out;
}

const stripCid = (id: string | undefined): string => (id ?? '').trim().replace(/^cid:/i, '').trim();

function attachments(manifest: XmlNode | undefined, nodes: XmlNode[], warn: Warn): ReceivedAttachment[] {
  const refs = kids(manifest, 'Reference');
  const byId = new Map(refs.map((r) => [stripCid(textOf(r, 'ContentId')).toLowerCase(), r]));
  const used = new Set<XmlNode>();
  const out = nodes.map((a, i): ReceivedAttachment => {
    const data = kid(a, 'ContentTransferEncoded');
    if (!data?.attachment) throw new ReadFault('MISSING_ELEMENT', 'Tệp đính kèm thiếu dữ liệu (ContentTransferEncoded).', `${a.path}/ContentTransferEncoded`);
    const contentId = stripCid(textOf(a, 'ContentId'));
    let ref = contentId === '' ? undefined : byId.get(contentId.toLowerCase());
    if (!ref && contentId === '' && refs.length === nodes.length) ref = refs[i];
    if (ref) used.add(ref);
    else warn(a.path, `Tệp đính kèm "${contentId}" không có trong danh mục edXMLManifest.`);
    const name = textOf(a, 'AttachmentName') ?? textOf(ref, 'AttachmentName');
    if (name === undefined) warn(`${a.path}/AttachmentName`, 'Tệp đính kèm không có tên (AttachmentName).');
    const contentType = textOf(a, 'ContentType') ?? textOf(ref, 'ContentType') ?? 'application/octet-stream';
    if (data.attachment.zipped) warn(`${a.path}/ContentTransferEncoded`, `Tệp đính kèm được nén zip (ContentType khai báo "${contentType}"); đã giải nén.`);
    const item: ReceivedAttachment = { contentId, name: name ?? `tep-dinh-kem-${i + 1}`, contentType, ...data.attachment };
    const description = textOf(a, 'Description') ?? textOf(ref, 'Description');
    if (description !== undefined) item.description = description;
    return item;
  });
  for (const r of refs) {
    if (!used.has(r)) {
      throw new ReadFault('ATTACHMENT_MISMATCH', `Danh mục khai báo tệp "${stripCid(textOf(r, 'ContentId'))}" nhưng gói tin không có dữ liệu của tệp này.`, r.path);
    }
  }
  return out;
}

/** Map a read tree to a document package (throws ReadFault when it is unusable). */
export function mapEdoc(root: XmlNode): ReceivedEdoc {
  const { warnings, warn } = collector();
  const parts = edocParts(root);
  const h = header(parts.header, warn);
  const b = bussiness(kid(parts.trace, 'Bussiness'), warn);
  const files = attachments(parts.manifest, parts.attachments, warn);
  const type = b?.bussinessDocType ?? 0;
  if (files.length === 0 && (type === 0 || type === 3)) {
    throw new ReadFault('MISSING_ELEMENT', 'Gói văn bản không có tệp đính kèm nào.', `${root.path}/AttachmentEncoded`);
  }
  if (!parts.trace) warn(`${parts.header.path.replace(/\/MessageHeader$/, '')}/TraceHeaderList`, 'Thiếu TraceHeaderList.');
  return {
    kind: 'edoc',
    header: h,
    traceHeaders: traceHeaders(parts.trace, warn),
    traceHeaderListAttributes: { ...(parts.trace?.attrs ?? {}) },
    bussiness: b,
    attachments: files,
    dedupKeys: dedupKeys(h, files),
    warnings,
  };
}

/** What a partial tree says about the sender and the document, for a status 02 (never throws). */
export function senderHints(root: XmlNode | undefined): { sender: { organId: string; organName?: string } | null; documentId?: string; code?: string; promulgationDate?: string | null; isStatus: boolean } {
  const h = walk(root, 'edXMLEnvelope', 'edXMLHeader', 'MessageHeader');
  const from = kid(h, 'From');
  const organId = textOf(from, 'OrganId');
  const organName = textOf(from, 'OrganName');
  const codeNode = kid(h, 'Code');
  const number = textOf(codeNode, 'CodeNumber');
  const notation = textOf(codeNode, 'CodeNotation');
  const code = number !== undefined || notation !== undefined ? [number, notation].filter(Boolean).join('/') : undefined;
  const dateText = textOf(kid(h, 'PromulgationInfo'), 'PromulgationDate');
  const hints: ReturnType<typeof senderHints> = {
    sender: organId === undefined ? null : organName === undefined ? { organId } : { organId, organName },
    isStatus: kid(h, 'StatusCode') !== undefined,
  };
  const documentId = textOf(h, 'DocumentId');
  if (documentId !== undefined) hints.documentId = documentId;
  if (code !== undefined) hints.code = code;
  if (dateText !== undefined) hints.promulgationDate = dateOf(kid(h, 'PromulgationInfo'), 'PromulgationDate', () => undefined);
  return hints;
}
