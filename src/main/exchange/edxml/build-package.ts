/**
 * Builders of outgoing packages (standards.md §1.1–1.6), strict: the validator (shared/domain/edxml/validate.ts)
 * runs first and any problem refuses the build (AppFailure VALIDATION, `details.problems`). Output is exactly
 * the SDK layout an axis accepts (§1.8 "Sending"): `edXML:` on everything inside the envelope, AttachmentEncoded
 * unprefixed in the default namespace, the canonical order of §1.2, NFC text, files in base64 (never zipped).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { formatEdxmlDate, formatEdxmlTimestamp } from '../../../shared/domain/edxml/edxml-dates';
import { EDXML_NS, EDXML_PREFIX, type Bussiness, type EdocHeader, type Organization, type ResponseFor, type StaffInfo, type StatusHeader, type TraceHeader } from '../../../shared/domain/edxml/model';
import { validateEdoc, validateStatus } from '../../../shared/domain/edxml/validate';
import { localIsoDate } from '../../../shared/util/time';
import { fsyncDir } from '../../storage/atomic-file';
import type { BuildEdocOptions, BuiltPackage, BuiltStatus, EdocBuildInput } from './edxml-api';
import { escapeXml, XmlLines } from './xml-writer';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
/** Bytes of a file encoded per write: a multiple of 3 so the pieces join into one base64 text. */
const BASE64_PIECE = 3 * 64 * 1024;

function organization(w: XmlLines, depth: number, local: string, o: Organization): void {
  w.group(depth, local, () => {
    w.leaf(depth + 1, 'OrganId', o.organId);
    w.leaf(depth + 1, 'OrganizationInCharge', o.organizationInCharge);
    w.leaf(depth + 1, 'OrganName', o.organName);
    w.leaf(depth + 1, 'OrganAdd', o.organAdd);
    w.leaf(depth + 1, 'Email', o.email);
    w.leaf(depth + 1, 'Telephone', o.telephone);
    w.leaf(depth + 1, 'Fax', o.fax);
    w.leaf(depth + 1, 'Website', o.website);
  });
}

function staff(w: XmlLines, depth: number, s: StaffInfo): void {
  w.group(depth, 'StaffInfo', () => {
    w.leaf(depth + 1, 'Department', s.department);
    w.leaf(depth + 1, 'DepartmentId', s.departmentId);
    w.leaf(depth + 1, 'Staff', s.staff);
    w.leaf(depth + 1, 'StaffId', s.staffId);
    w.leaf(depth + 1, 'Email', s.email);
    w.leaf(depth + 1, 'Mobile', s.mobile);
  });
}

function responseFor(w: XmlLines, depth: number, r: ResponseFor): void {
  w.group(depth, 'ResponseFor', () => {
    w.leaf(depth + 1, 'OrganId', r.organId);
    w.leaf(depth + 1, 'Code', r.code);
    w.leaf(depth + 1, 'PromulgationDate', r.promulgationDate === null ? null : formatEdxmlDate(r.promulgationDate));
    w.leaf(depth + 1, 'DocumentId', r.documentId);
  });
}

/** MessageHeader of an edoc in the order of standards.md §1.2 (items 1.1 … 1.14). */
function messageHeader(w: XmlLines, h: EdocHeader): void {
  const d = 4;
  w.group(3, 'MessageHeader', () => {
    organization(w, d, 'From', h.from);
    for (const t of h.to) organization(w, d, 'To', t);
    w.group(d, 'Code', () => {
      w.leaf(d + 1, 'CodeNumber', h.code.codeNumber.trim());
      w.leaf(d + 1, 'CodeNotation', h.code.codeNotation.trim());
    });
    w.group(d, 'PromulgationInfo', () => {
      w.leaf(d + 1, 'Place', h.promulgationInfo.place);
      w.leaf(d + 1, 'PromulgationDate', formatEdxmlDate(h.promulgationInfo.date as string));
    });
    w.group(d, 'DocumentType', () => {
      w.leaf(d + 1, 'Type', h.documentType.type);
      w.leaf(d + 1, 'TypeDetail', h.documentType.typeDetail ?? 0);
      w.leaf(d + 1, 'TypeName', h.documentType.typeName);
    });
    w.leaf(d, 'Subject', h.subject);
    w.leaf(d, 'Content', h.content);
    w.group(d, 'SignerInfo', () => {
      w.leaf(d + 1, 'Competence', h.signerInfo.competence);
      w.leaf(d + 1, 'Position', h.signerInfo.position);
      w.leaf(d + 1, 'FullName', h.signerInfo.fullName);
    });
    w.leaf(d, 'DueDate', h.dueDate === null ? null : formatEdxmlDate(h.dueDate));
    if (h.toPlaces.length > 0) w.group(d, 'ToPlaces', () => h.toPlaces.forEach((p) => w.leaf(d + 1, 'Place', p)));
    const o = h.otherInfo;
    w.group(d, 'OtherInfo', () => {
      w.leaf(d + 1, 'Priority', o.priority);
      w.leaf(d + 1, 'SphereOfPromulgation', o.sphereOfPromulgation);
      w.leaf(d + 1, 'TyperNotation', o.typerNotation);
      w.leaf(d + 1, 'PromulgationAmount', o.promulgationAmount);
      w.leaf(d + 1, 'PageAmount', o.pageAmount);
      w.leaf(d + 1, 'Direction', o.direction);
      if (o.appendixes.length > 0) w.group(d + 1, 'Appendixes', () => o.appendixes.forEach((a) => w.leaf(d + 2, 'Appendix', a)));
    });
    for (const r of h.responseFor) responseFor(w, d, r);
    w.leaf(d, 'SteeringType', h.steeringType);
    w.leaf(d, 'DocumentId', h.documentId);
  });
}

function traceHeaderList(w: XmlLines, traces: TraceHeader[], b: Bussiness): void {
  const d = 4;
  w.group(3, 'TraceHeaderList', () => {
    for (const t of traces) {
      w.group(d, 'TraceHeader', () => {
        w.leaf(d + 1, 'OrganId', t.organId);
        w.leaf(d + 1, 'Timestamp', formatEdxmlTimestamp(t.timestamp as string));
      });
    }
    w.group(d, 'Bussiness', () => {
      w.leaf(d + 1, 'DocumentId', b.documentId);
      w.leaf(d + 1, 'BussinessDocType', b.bussinessDocType);
      w.leaf(d + 1, 'BussinessDocReason', b.bussinessDocReason);
      w.leaf(d + 1, 'Paper', b.paper ?? 0);
      for (const s of b.staffInfo) staff(w, d + 1, s);
      for (const info of b.bussinessDocumentInfo) {
        w.group(d + 1, 'BussinessDocumentInfo', () => {
          w.leaf(d + 2, 'DocumentInfo', info.documentInfo);
          w.leaf(d + 2, 'DocumentReceiver', info.documentReceiver);
          w.group(d + 2, 'ReceiverList', () => {
            for (const r of info.receivers) {
              w.group(d + 3, 'Receiver', () => {
                w.leaf(d + 4, 'OrganId', r.organId);
                w.leaf(d + 4, 'ReceiverType', r.receiverType);
              });
            }
          });
        });
      }
      if (b.replacementInfo.length > 0) {
        w.group(d + 1, 'ReplacementInfoList', () => {
          for (const r of b.replacementInfo) {
            w.group(d + 2, 'ReplacementInfo', () => {
              w.leaf(d + 3, 'DocumentId', r.documentId);
              w.group(d + 3, 'OrganIdList', () => r.organIds.forEach((o) => w.leaf(d + 4, 'OrganId', o)));
            });
          }
        });
      }
    });
  });
}

const envelopeOpen = `<edXML xmlns="${EDXML_NS}">\n  <${EDXML_PREFIX}:edXMLEnvelope xmlns:${EDXML_PREFIX}="${EDXML_NS}">`;

function refuse(problems: ReturnType<typeof validateEdoc>): never {
  throw new AppFailure('VALIDATION', `Gói edXML không hợp lệ, không tạo: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`, { problems });
}

/** NFC everywhere in the input that becomes text (the validator then sees exactly what is written). */
function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfcDeep(v)])) as T;
  return value;
}

/**
 * Write a document package to `options.outFile` atomically (temp file, fsync, rename). Errors: VALIDATION (the
 * strict validator found problems; `details.problems` lists every one), NOT_FOUND / INTEGRITY (an attachment
 * is not in the store), INTERNAL (file system).
 */
export async function buildEdoc(input: EdocBuildInput, options: BuildEdocOptions): Promise<BuiltPackage> {
  const pkg = nfcDeep(input);
  const problems = validateEdoc(pkg, localIsoDate(options.now ?? new Date()));
  if (problems.length > 0) refuse(problems);
  const head = new XmlLines(EDXML_PREFIX);
  head.raw(XML_DECL);
  head.raw(envelopeOpen);
  head.group(2, 'edXMLHeader', () => {
    messageHeader(head, pkg.header);
    traceHeaderList(head, pkg.traceHeaders, pkg.bussiness);
  });
  head.group(2, 'edXMLBody', () => {
    head.group(3, 'edXMLManifest', () => {
      for (const a of pkg.attachments) {
        head.group(4, 'Reference', () => {
          head.leaf(5, 'ContentId', `cid:${a.contentId.replace(/^cid:/i, '')}`);
          head.leaf(5, 'ContentType', a.contentType);
          head.leaf(5, 'Description', a.description);
          head.leaf(5, 'AttachmentName', a.name);
        });
      }
    }, ' version="1.0"');
  });
  head.raw(`  </${EDXML_PREFIX}:edXMLEnvelope>`);
  head.raw('  <AttachmentEncoded>');

  const out = options.outFile;
  await mkdir(dirname(out), { recursive: true });
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(temp, 'wx', 0o600);
  const write = async (text: string): Promise<void> => {
    const bytes = Buffer.from(text, 'utf8');
    hash.update(bytes);
    size += bytes.length;
    let offset = 0;
    while (offset < bytes.length) offset += (await handle.write(bytes, offset)).bytesWritten;
  };
  try {
    await write(`${head.toString()}\n`);
    for (const a of pkg.attachments) {
      const chunks = options.blobs.readStream(a.sha256);
      await write(
        `    <Attachment>\n      <ContentId>cid:${escapeXml(a.contentId.replace(/^cid:/i, ''))}</ContentId>\n      <AttachmentName>${escapeXml(a.name)}</AttachmentName>\n` +
          (a.description !== undefined ? `      <Description>${escapeXml(a.description)}</Description>\n` : '') +
          `      <ContentType>${escapeXml(a.contentType)}</ContentType>\n      <ContentTransferEncoded>`,
      );
      // Streamed from the store in bounded memory; pieces are cut at multiples of 3 bytes so the base64 joins up.
      let carry = Buffer.alloc(0);
      for await (const chunk of chunks) {
        const all = carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([carry, chunk]);
        const whole = all.length - (all.length % 3);
        for (let i = 0; i < whole; i += BASE64_PIECE) await write(all.subarray(i, Math.min(whole, i + BASE64_PIECE)).toString('base64'));
        carry = Buffer.from(all.subarray(whole));
      }
      if (carry.length > 0) await write(carry.toString('base64'));
      await write('</ContentTransferEncoded>\n    </Attachment>\n');
    }
    await write('  </AttachmentEncoded>\n</edXML>\n');
    await handle.sync();
    await handle.close();
    await rename(temp, out);
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw cause;
  }
  await fsyncDir(dirname(out));
  return { path: out, size, sha256: hash.digest('hex') };
}

/**
 * Build a status package in memory (§1.6: header only). Errors: VALIDATION (`details.problems`), e.g. a 02,
 * 13 or 16 without a reason in `description`.
 */
export function buildStatus(input: StatusHeader): BuiltStatus {
  const s = nfcDeep(input);
  const problems = validateStatus(s);
  if (problems.length > 0) refuse(problems);
  const w = new XmlLines(EDXML_PREFIX);
  w.raw(XML_DECL);
  w.raw(envelopeOpen);
  w.group(2, 'edXMLHeader', () => {
    w.group(3, 'MessageHeader', () => {
      organization(w, 4, 'From', s.from);
      responseFor(w, 4, s.responseFor);
      if (s.staffInfo) staff(w, 4, s.staffInfo);
      w.leaf(4, 'StatusCode', s.statusCode);
      w.leaf(4, 'Description', s.description);
      w.leaf(4, 'Timestamp', formatEdxmlTimestamp(s.timestamp as string));
    });
  });
  w.raw(`  </${EDXML_PREFIX}:edXMLEnvelope>`);
  w.raw('</edXML>');
  const xml = `${w.toString()}\n`;
  return { xml, bytes: new Uint8Array(Buffer.from(xml, 'utf8')) };
}
