/**
 * Real-looking corpus: packages in the shapes real producers and axes relay (see package-builder.ts), each with
 * the values a correct parser must read from it. `variant` picks the shape; the values vary with the seed.
 */
import type { Bussiness, EdocHeader, StatusHeader, TraceHeader } from '../../../src/shared/domain/edxml/model';
import { base64Text, el, rng, serialize, zipLikeVnpt, type El, type PrefixStyle } from './package-builder';

export interface CorpusVariant {
  prefix: PrefixStyle;
  shuffle: boolean;
  /** Zip each attachment (VNPT), declaring this ContentType on the Attachment (zips declared as PDF happen). */
  zipped: false | 'declared-pdf' | 'declared-zip' | 'declared-text';
  dataDescriptor: boolean;
  cid: 'both' | 'manifest-only' | 'attachment-only';
  dates: 'slash' | 'dash';
  /** Lạng Sơn builder: TraceHeaderList attributes copied from the C# SDK sample. */
  langSonTraceAttributes: boolean;
  /** TraceHeaders added by axis nodes while relaying. */
  axisHops: number;
  /** The first hop's OrganId missing, or the literal text `null`. */
  hopOrganId: 'present' | 'missing' | 'null';
  bussinessFirst: boolean;
  /** DocumentType/Type as sent by the producer (1 VPCP, 18 Lạng Sơn, 71 seen in traffic). */
  type: number;
  base64Breaks: 'none' | 'lf' | 'crlf-ref';
  attachments: number;
  bussinessDocType: 0 | 1 | 2 | 3;
  /** The SDK samples' dummy package `<Signature>`, an element of the QCVN namespace to ignore (§1.5, §1.8). */
  packageSignature?: boolean;
}

export interface CorpusItem {
  xml: string;
  header: EdocHeader;
  traceHeaders: TraceHeader[];
  traceHeaderListAttributes: Record<string, string>;
  bussiness: Bussiness;
  files: Array<{ contentId: string; name: string; contentType: string; bytes: Uint8Array; zipped: boolean }>;
}

const AGENCIES: Array<[string, string]> = [
  ['000.00.00.H35', 'UBND tỉnh Lai Châu'],
  ['000.00.00.G22', 'Văn phòng Chính phủ'],
  ['000.00.00.H38', 'UBND tỉnh Lào Cai'],
  ['000.01.35.H35', 'Sở Khoa học và Công nghệ tỉnh Lai Châu'],
  ['000.00.00.H18', 'UBND tỉnh Điện Biên'],
];
const SUBJECTS = ['V/v triển khai kế hoạch chuyển đổi số năm 2026', 'V/v báo cáo tình hình thực hiện nhiệm vụ quý I', 'Về việc tổ chức hội nghị trực tuyến'];
const TYPES: Array<[string, string]> = [['Công văn', 'UBND-VP'], ['Quyết định', 'QĐ-UBND'], ['Kế hoạch', 'KH-UBND'], ['Thông báo', 'TB-SKHCN']];

/** A small but real-looking PDF (bytes only matter for hashing and sniffing). */
export function fakePdf(seed: number, size = 3000): Uint8Array {
  const r = rng(seed);
  const body = Array.from({ length: size }, () => String.fromCharCode(32 + Math.floor(r() * 90))).join('');
  return new Uint8Array(Buffer.from(`%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1'));
}

const uuid = (r: () => number): string => {
  const h = () => Math.floor(r() * 16).toString(16);
  const s = (n: number) => Array.from({ length: n }, h).join('');
  return `${s(8)}-${s(4)}-4${s(3)}-8${s(3)}-${s(12)}`;
};

/** One package of the corpus. */
export function corpusItem(seed: number, v: CorpusVariant): CorpusItem {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const [fromId, fromName] = AGENCIES[0] as [string, string];
  const receivers = AGENCIES.slice(1).filter(() => r() < 0.6);
  if (receivers.length === 0) receivers.push(AGENCIES[1] as [string, string]);
  const [typeName, notation] = pick(TYPES);
  const number = String(1 + Math.floor(r() * 400)).padStart(2, '0');
  const month = 1 + Math.floor(r() * 9);
  const day = 1 + Math.floor(r() * 27);
  const iso = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const wire = (d: string): string => (v.dates === 'slash' ? d.replace(/-/g, '/') : d);
  const documentId = pick([`${fromId},${iso.replace(/-/g, '/')},${number}/${notation}`, uuid(r), `GW-2026${month}${day}-773`]);
  const subject = pick(SUBJECTS);
  const priority = Math.floor(r() * 4);
  const header: EdocHeader = {
    from: { organId: fromId, organName: fromName, organAdd: 'Phường Tân Phong, tỉnh Lai Châu', email: 'vanthu@laichau.gov.vn' },
    to: receivers.map(([organId, organName]) => ({ organId, organName, organAdd: '(địa chỉ)' })),
    documentId,
    code: { codeNumber: number, codeNotation: notation },
    promulgationInfo: { place: 'Lai Châu', date: iso },
    documentType: { type: v.type, typeDetail: 0, typeName },
    subject,
    content: subject,
    signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn Ấn' },
    dueDate: null,
    toPlaces: receivers.map(([, name]) => name),
    otherInfo: { priority, appendixes: [], sphereOfPromulgation: 'Liên thông văn bản quốc gia', promulgationAmount: receivers.length, pageAmount: 2, direction: false },
    responseFor: [],
    steeringType: 1,
  };
  const stamp = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:${String(10 + Math.floor(r() * 40))}:05`;
  const traceHeaders: TraceHeader[] = [{ organId: v.hopOrganId === 'present' ? fromId : null, timestamp: stamp }];
  for (let i = 0; i < v.axisHops; i += 1) traceHeaders.push({ organId: i === 0 ? '001.00.20.TT2' : '000.00.00.G22', timestamp: stamp.replace('T08', `T${String(9 + i).padStart(2, '0')}`) });
  const bussiness: Bussiness = {
    bussinessDocType: v.bussinessDocType,
    bussinessDocReason: ['Văn bản điện tử mới', 'Thu hồi văn bản điện tử', 'Cập nhật văn bản điện tử', 'Văn bản thay thế'][v.bussinessDocType] as string,
    paper: 0,
    staffInfo: [{ department: 'Văn phòng', staff: 'Trần Thị Bình', email: 'binh@laichau.gov.vn', mobile: '0912345678' }],
    bussinessDocumentInfo: v.bussinessDocType === 2 ? [{ documentInfo: 1, documentReceiver: 0, receivers: receivers.map(([organId]) => ({ organId, receiverType: 0 })) }] : [],
    replacementInfo: v.bussinessDocType === 3 ? [{ documentId: `${fromId},2026/01/05,12/UBND-VP`, organIds: receivers.map(([id]) => id) }] : [],
  };
  if (v.bussinessDocType === 2) bussiness.documentId = `${fromId},2026/01/05,12/UBND-VP`;

  const files = Array.from({ length: v.attachments }, (_, i) => {
    const bytes = fakePdf(seed * 31 + i, 2000 + Math.floor(r() * 4000));
    return { contentId: uuid(r), name: i === 0 ? `${number}-${notation}.pdf` : `Phụ lục ${i}.pdf`, contentType: 'application/pdf', bytes, zipped: v.zipped !== false };
  });

  const org = (local: string, o: EdocHeader['from']): El =>
    el(local, [el('OrganId', o.organId), o.organName !== undefined && el('OrganName', o.organName), o.organAdd !== undefined && el('OrganAdd', o.organAdd), o.email !== undefined && el('Email', o.email)]);
  const messageHeader = el('MessageHeader', [
    org('From', header.from),
    ...header.to.map((t) => org('To', t)),
    el('DocumentId', documentId),
    el('Code', [el('CodeNumber', number), el('CodeNotation', notation)]),
    el('PromulgationInfo', [el('Place', 'Lai Châu'), el('PromulgationDate', wire(iso))]),
    el('DocumentType', [el('Type', String(v.type)), el('TypeDetail', '0'), el('TypeName', typeName)]),
    el('Subject', subject),
    el('Content', subject),
    el('SignerInfo', [el('Competence', 'KT. CHỦ TỊCH'), el('Position', 'Phó Chủ tịch'), el('FullName', 'Nguyễn Văn Ấn')]),
    el('DueDate', ''),
    el('ToPlaces', header.toPlaces.map((p) => el('Place', p))),
    el('OtherInfo', [el('Priority', String(priority)), el('SphereOfPromulgation', 'Liên thông văn bản quốc gia'), el('PromulgationAmount', String(receivers.length)), el('PageAmount', '2'), el('Direction', 'false')]),
    el('ResponseFor', []),
    el('SteeringType', '1'),
  ]);
  const traceEls = traceHeaders.map((t, i) =>
    el('TraceHeader', [
      i === 0 && v.hopOrganId === 'missing' ? null : el('OrganId', i === 0 && v.hopOrganId === 'null' ? 'null' : (t.organId as string)),
      el('Timestamp', wire(stamp.slice(0, 10)) + ' ' + (t.timestamp as string).slice(11)),
    ]),
  );
  const bEl = el('Bussiness', [
    bussiness.documentId !== undefined && el('DocumentId', bussiness.documentId),
    el('BussinessDocType', String(v.bussinessDocType)),
    el('BussinessDocReason', bussiness.bussinessDocReason as string),
    el('Paper', '0'),
    el('StaffInfo', [el('Department', 'Văn phòng'), el('Staff', 'Trần Thị Bình'), el('Email', 'binh@laichau.gov.vn'), el('Mobile', '0912345678')]),
    ...bussiness.bussinessDocumentInfo.map((info) =>
      el('BussinessDocumentInfo', [el('DocumentInfo', '1'), el('DocumentReceiver', '0'), el('ReceiverList', info.receivers.map((x) => el('Receiver', [el('OrganId', x.organId), el('ReceiverType', '0')])))]),
    ),
    bussiness.replacementInfo.length > 0 &&
      el('ReplacementInfoList', bussiness.replacementInfo.map((x) => el('ReplacementInfo', [el('DocumentId', x.documentId), el('OrganIdList', x.organIds.map((o) => el('OrganId', o)))]))),
  ]);
  const traceAttrs: Record<string, string> = v.langSonTraceAttributes ? { id: 'TraceHeaderList', version: '1.0', mustUnderstand: '1', actor: 'http://schemas.xmlsoap.org/soap/actor/next' } : {};
  const traceList = el('TraceHeaderList', v.bussinessFirst ? [bEl, ...traceEls] : [...traceEls, bEl], v.langSonTraceAttributes ? traceAttrs : undefined);
  const cidFor = (side: 'manifest' | 'attachment', id: string): string => (v.cid === 'both' || (v.cid === 'manifest-only') === (side === 'manifest') ? `cid:${id}` : id);
  const declared = v.zipped === 'declared-zip' ? 'application/zip' : v.zipped === 'declared-text' ? 'text/plain' : 'application/pdf';
  const root = el('edXML', [
    el('edXMLEnvelope', [
      el('edXMLHeader', [
        messageHeader,
        traceList,
        v.packageSignature === true &&
          el('Signature', [el('SignedInfo', [el('CanonicalizationMethod', '', { Algorithm: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315' })]), el('SignatureValue', 'ZHVtbXk=')]),
      ]),
      el('edXMLBody', [
        el('edXMLManifest', files.map((f) => el('Reference', [el('ContentId', cidFor('manifest', f.contentId)), el('ContentType', 'application/pdf'), el('Description', 'Tệp văn bản'), el('AttachmentName', f.name)])), { version: '1.0' }),
      ]),
    ]),
    el('AttachmentEncoded', files.map((f) => {
      const data = f.zipped ? zipLikeVnpt(f.bytes, `${uuid(r)}.pdf`, { dataDescriptor: v.dataDescriptor }) : f.bytes;
      return el('Attachment', [
        el('ContentId', cidFor('attachment', f.contentId)),
        el('AttachmentName', f.name),
        el('Description', 'Tệp văn bản'),
        el('ContentType', declared),
        { name: 'ContentTransferEncoded', raw: base64Text(data, v.base64Breaks) },
      ]);
    })),
  ]);
  const xml = serialize(root, v.prefix, v.shuffle ? { shuffle: r } : {});
  return { xml, header, traceHeaders, traceHeaderListAttributes: traceAttrs, bussiness, files: files.map((f) => ({ ...f, contentType: declared })) };
}

/** A status package as another agency sends it back, with the values to expect. */
export function statusItem(seed: number, code: string, prefix: PrefixStyle, shuffle: boolean): { xml: string; header: StatusHeader } {
  const r = rng(seed);
  const header: StatusHeader = {
    from: { organId: '000.00.00.H38', organName: 'UBND tỉnh Lào Cai' },
    responseFor: { organId: '000.00.00.H35', code: '12/UBND-VP', promulgationDate: '2026-01-05', documentId: '000.00.00.H35,2026/01/05,12/UBND-VP' },
    staffInfo: { department: 'Văn thư', staff: 'Lê Văn Cường' },
    statusCode: code,
    description: 'Văn thư: cập nhật trạng thái',
    timestamp: '2026-01-05T10:02:11',
  };
  const root = el('edXML', [
    el('edXMLEnvelope', [
      el('edXMLHeader', [
        el('MessageHeader', [
          el('From', [el('OrganId', '000.00.00.H38'), el('OrganName', 'UBND tỉnh Lào Cai')]),
          el('ResponseFor', [el('OrganId', '000.00.00.H35'), el('Code', '12/UBND-VP'), el('PromulgationDate', '2026/01/05'), el('DocumentId', '000.00.00.H35,2026/01/05,12/UBND-VP')]),
          el('StaffInfo', [el('Department', 'Văn thư'), el('Staff', 'Lê Văn Cường')]),
          el('StatusCode', code),
          el('Description', 'Văn thư: cập nhật trạng thái'),
          el('Timestamp', '2026/01/05 10:02:11'),
        ]),
      ]),
    ]),
  ]);
  return { xml: serialize(root, prefix, shuffle ? { shuffle: r } : {}), header };
}
