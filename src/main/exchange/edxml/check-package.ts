/**
 * `checkPackageFile`: the strict check of a package file against what axis-side validators demand (standards.md
 * §1.8 "Sending"), behind `vanthu edxml check`. It reports every deviation: faults that make the package
 * unreadable, every oddity the tolerant reader would accept with a warning, the layout (`edXML:` on everything
 * inside the envelope, AttachmentEncoded unprefixed, `cid:` on both sides, dates `yyyy/MM/dd`), and every rule
 * of the validator the builder runs. The file is only read; attachments are hashed into a temporary store that
 * is removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { resolveLimits, type EdxmlLimits } from '../../../shared/domain/edxml/limits';
import { EDXML_NS, EDXML_PREFIX, type EdxmlProblem } from '../../../shared/domain/edxml/model';
import { validateEdoc, validateStatus } from '../../../shared/domain/edxml/validate';
import { localIsoDate } from '../../../shared/util/time';
import { createBlobStore } from '../../storage/blob-store';
import type { PackageCheck } from './edxml-api';
import { mapEdoc } from './map-edoc';
import { mapStatus } from './map-status';
import { ReadFault } from './read-fault';
import { readPackageTree } from './package-reader';
import { kid, walk, type XmlNode } from './xml-tree';

const WIRE_DATE = /^\d{4}\/\d{2}\/\d{2}$/;
const WIRE_STAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE_ELEMENTS = new Set(['PromulgationDate', 'DueDate']);

function layout(root: XmlNode, add: (p: EdxmlProblem) => void): void {
  if (root.prefix !== '') add({ path: root.path, reason: 'Phần tử gốc edXML phải dùng không gian tên mặc định, không có tiền tố.' });
  const visit = (node: XmlNode, inEnvelope: boolean): void => {
    if (node.uri === EDXML_NS) {
      if (inEnvelope && node.prefix !== EDXML_PREFIX) add({ path: node.path, reason: `Phần tử trong edXMLEnvelope phải có tiền tố "${EDXML_PREFIX}:" (trục quốc gia từ chối gói thiếu tiền tố).` });
      if (!inEnvelope && node !== root && node.prefix !== '') add({ path: node.path, reason: 'AttachmentEncoded và các phần tử con phải ở không gian tên mặc định, không có tiền tố.' });
      const text = node.text.trim();
      if (DATE_ELEMENTS.has(node.local) && text !== '' && !WIRE_DATE.test(text)) add({ path: node.path, reason: `Ngày "${text}" phải viết dạng yyyy/MM/dd.` });
      if (node.local === 'Timestamp' && text !== '' && !WIRE_STAMP.test(text)) add({ path: node.path, reason: `Thời điểm "${text}" phải viết dạng yyyy/MM/dd HH:mm:ss.` });
      if (node.local === 'ContentId' && !/^cid:/.test(text)) add({ path: node.path, reason: 'ContentId phải có tiền tố "cid:" ở cả danh mục và tệp đính kèm.' });
    }
    for (const c of node.children) visit(c, inEnvelope || (c.uri === EDXML_NS && c.local === 'edXMLEnvelope'));
  };
  for (const c of root.children) visit(c, c.uri === EDXML_NS && c.local === 'edXMLEnvelope');
}

function checkTree(root: XmlNode, today: string): Omit<PackageCheck, 'file'> {
  const problems: EdxmlProblem[] = [];
  const add = (p: EdxmlProblem): void => {
    if (!problems.some((q) => q.path === p.path && q.reason === p.reason)) problems.push(p);
  };
  const isStatus = kid(walk(root, 'edXMLEnvelope', 'edXMLHeader', 'MessageHeader'), 'StatusCode') !== undefined;
  try {
    if (isStatus) {
      const s = mapStatus(root);
      s.warnings.forEach(add);
      validateStatus(s.header).forEach(add);
    } else {
      const e = mapEdoc(root);
      e.warnings.forEach(add);
      if (!e.bussiness) add({ path: 'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness', reason: 'Thiếu khối Bussiness (BussinessDocType).' });
      for (const a of e.attachments) if (a.zipped) add({ path: 'edXML/AttachmentEncoded/Attachment', reason: `Tệp "${a.name}" được nén zip; gửi tệp gốc, không nén.` });
      const bussiness = e.bussiness ?? { bussinessDocType: 0 as const, paper: 0, staffInfo: [], bussinessDocumentInfo: [], replacementInfo: [] };
      validateEdoc({ header: e.header, traceHeaders: e.traceHeaders, bussiness, attachments: e.attachments }, today).forEach(add);
    }
  } catch (cause) {
    if (!(cause instanceof ReadFault)) throw cause;
    add({ path: cause.path ?? root.path, reason: cause.message });
  }
  layout(root, add);
  return { kind: isStatus ? 'status' : 'edoc', ok: problems.length === 0, problems };
}

/**
 * Check one package file. Never throws for a bad package (problems say why); throws only when the file cannot
 * be opened (the caller reports that) or on an unexpected internal failure.
 */
export async function checkPackageFile(file: string, options: { limits?: Partial<EdxmlLimits>; now?: Date } = {}): Promise<PackageCheck> {
  const limits = resolveLimits(options.limits);
  const today = localIsoDate(options.now ?? new Date());
  const scratch = await mkdtemp(join(tmpdir(), 'vanthu-edxml-check-'));
  try {
    const blobs = createBlobStore({ dataDir: scratch, maxBytes: limits.maxAttachmentBytes });
    let root: XmlNode;
    try {
      root = await readPackageTree(createReadStream(file, { highWaterMark: 64 * 1024 }), blobs, limits);
    } catch (cause) {
      if (!(cause instanceof ReadFault)) throw cause;
      const header = walk(cause.partial, 'edXMLEnvelope', 'edXMLHeader', 'MessageHeader');
      const kind = header ? (kid(header, 'StatusCode') ? 'status' : 'edoc') : null;
      return { file, kind, ok: false, problems: [{ path: cause.path ?? '', reason: cause.message }] };
    }
    return { file, ...checkTree(root, today) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
