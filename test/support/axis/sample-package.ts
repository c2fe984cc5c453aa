/**
 * Fictional edXML document packages in the SDK layout of standards.md §1 (laid out like
 * ../shared/edxml-samples/edoc-new.sample.edxml), for the sync tests, the crash test and the bench. Every value is
 * made up; the attachment is whatever bytes the caller gives (a signed PDF in the bench).
 */
const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export interface SamplePackageOptions {
  documentId: string;
  from?: string;
  to?: string;
  codeNumber?: string;
  subject?: string;
  /** The attachment (default: a short text). */
  attachment?: Uint8Array;
  attachmentName?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One package as bytes. */
export function samplePackage(o: SamplePackageOptions): Buffer {
  const from = o.from ?? '000.00.00.G22';
  const to = o.to ?? '000.00.00.H35';
  const number = o.codeNumber ?? '12';
  const body = Buffer.from(o.attachment ?? Buffer.from(`Văn bản thử ${o.documentId}\n`, 'utf8')).toString('base64');
  const name = o.attachmentName ?? (o.attachment ? `${number}-VP.pdf` : `${number}-VP.txt`);
  const type = o.attachment ? 'application/pdf' : 'text/plain';
  const e = (tag: string, value: string): string => `<edXML:${tag}>${esc(value)}</edXML:${tag}>`;
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="${NS}"><edXML:edXMLEnvelope xmlns:edXML="${NS}"><edXML:edXMLHeader><edXML:MessageHeader>` +
      `<edXML:From>${e('OrganId', from)}${e('OrganName', 'Văn phòng Chính phủ')}${e('OrganAdd', '(địa chỉ)')}</edXML:From>` +
      `<edXML:To>${e('OrganId', to)}${e('OrganName', 'UBND tỉnh Lai Châu')}${e('OrganAdd', '(địa chỉ)')}</edXML:To>` +
      `${e('DocumentId', o.documentId)}<edXML:Code>${e('CodeNumber', number)}${e('CodeNotation', 'VPCP-TH')}</edXML:Code>` +
      `<edXML:PromulgationInfo>${e('Place', 'Hà Nội')}${e('PromulgationDate', '2026/11/20')}</edXML:PromulgationInfo>` +
      `<edXML:DocumentType>${e('Type', '1')}${e('TypeName', 'Công văn')}</edXML:DocumentType>` +
      `${e('Subject', o.subject ?? 'V/v thử nghiệm liên thông văn bản')}<edXML:OtherInfo>${e('Priority', '0')}</edXML:OtherInfo>` +
      `</edXML:MessageHeader><edXML:TraceHeaderList><edXML:TraceHeader>${e('OrganId', from)}${e('Timestamp', '2026/11/20 09:30:00')}</edXML:TraceHeader>` +
      `<edXML:Bussiness>${e('BussinessDocType', '0')}${e('BussinessDocReason', 'Văn bản điện tử mới')}${e('Paper', '0')}</edXML:Bussiness></edXML:TraceHeaderList>` +
      `</edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference>${e('ContentId', 'cid:a1')}${e('ContentType', type)}${e('AttachmentName', name)}</edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>` +
      `<AttachmentEncoded><Attachment><ContentId>cid:a1</ContentId><AttachmentName>${esc(name)}</AttachmentName><ContentType>${type}</ContentType>` +
      `<edXML:ContentTransferEncoded xmlns:edXML="${NS}">${body}</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>\n`,
    'utf8',
  );
}

/**
 * A deliberately small stand-in for the edXML reader in the engine tests (the real reader, readPackage, is tested
 * with its own corpus): the package must end with `</edXML>` and carry one DocumentId.
 */
export async function inspectSample(bytes: Buffer): Promise<{ kind: 'edoc'; documentId: string } | { rejected: string }> {
  const text = bytes.toString('utf8');
  const id = /<edXML:DocumentId>([^<]*)<\/edXML:DocumentId>/.exec(text);
  if (!text.trimEnd().endsWith('</edXML>') || !id) return { rejected: 'Gói tin bị cắt cụt hoặc không phải edXML.' };
  return { kind: 'edoc', documentId: id[1]! };
}
