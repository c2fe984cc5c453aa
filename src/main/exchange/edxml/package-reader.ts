/**
 * Streams a package (bytes in any chunking) through saxes into an XmlNode tree, with every bound of
 * EdxmlLimits checked as the bytes arrive, and the base64 text of each `Attachment/ContentTransferEncoded`
 * diverted before the XML parser: it is decoded piece by piece into an AttachmentSink (blob store), so memory
 * stays bounded whatever the attachment's size.
 *
 * Why saxes: it streams, is namespace-aware (URI + local name for every element and attribute), is strict about
 * well-formedness, and never reads a DTD or expands any entity but the five predefined ones and character
 * references. We also refuse any DOCTYPE outright (XXE, "billion laughs"): a package never needs one.
 *
 * How the diversion works: in XML mode the input is fed to saxes up to and including the next '>', so when
 * saxes reports the open tag of a ContentTransferEncoded element nothing after it has been parsed yet; from
 * there up to the next '<' the text goes to the base64 decoder (character references such as `&#xD;` are
 * resolved on the way), and saxes sees an empty element.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { EDXML_NS } from '../../../shared/domain/edxml/model';
import type { EdxmlLimits } from '../../../shared/domain/edxml/limits';
import type { BlobStore } from '../../storage/blob-store';
import { AttachmentFault, AttachmentSink } from './attachment-sink';
import { AttachmentTextScanner } from './attachment-text';
import { Base64Decoder, Base64Error } from './base64-decoder';
import { ReadFault } from './read-fault';
import type { XmlNode } from './xml-tree';


interface OpenAttachment {
  node: XmlNode;
  sink: AttachmentSink;
  decoder: Base64Decoder;
}

const DOCTYPE_REASON = 'Gói tin có khai báo DOCTYPE: bị từ chối (chống tấn công thực thể XML như XXE, "billion laughs").';
/** Total characters of header text (everything but attachment base64) kept in the tree. */
const MAX_TOTAL_TEXT_FACTOR = 8;

/** Read a whole package into a tree; attachments are stored as they stream. Throws ReadFault. */
export async function readPackageTree(source: AsyncIterable<Uint8Array>, blobs: BlobStore, limits: EdxmlLimits): Promise<XmlNode> {
  const state = new ReaderState(blobs, limits);
  try {
    await state.run(source);
    return state.root as XmlNode;
  } catch (cause) {
    await state.abortAll();
    const fault = cause instanceof ReadFault ? cause : toFault(cause, state.currentPath());
    fault.partial = state.root;
    throw fault;
  }
}

function toFault(cause: unknown, path: string | undefined): ReadFault {
  if (cause instanceof AttachmentFault) return new ReadFault(cause.code, cause.message, path);
  if (cause instanceof Base64Error) return new ReadFault('BAD_BASE64', `Dữ liệu base64 của tệp đính kèm không hợp lệ: ${cause.message}.`, path);
  if (cause instanceof TypeError && /decode|encoded data/i.test(cause.message)) {
    return new ReadFault('NOT_UTF8', 'Gói tin không được mã hoá UTF-8 hợp lệ.', path);
  }
  throw cause;
}

class ReaderState {
  root: XmlNode | undefined;
  private readonly blobs: BlobStore;
  private readonly limits: EdxmlLimits;
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly stack: XmlNode[] = [];
  private readonly siblings = new WeakMap<XmlNode, Map<string, number>>();
  private elements = 0;
  private attachments = 0;
  private totalText = 0;
  private open: OpenAttachment | undefined;
  private finishing: OpenAttachment | undefined;
  private enterBase64 = false;
  private prologTail = '';

  constructor(blobs: BlobStore, limits: EdxmlLimits) {
    this.blobs = blobs;
    this.limits = limits;
    const p = this.parser;
    p.on('xmldecl', (decl) => {
      if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
        throw new ReadFault('NOT_UTF8', `Gói tin khai báo bảng mã "${decl.encoding}"; chỉ chấp nhận UTF-8.`);
      }
    });
    p.on('doctype', () => {
      throw new ReadFault('DOCTYPE_FORBIDDEN', DOCTYPE_REASON);
    });
    p.on('opentag', (tag) => this.openTag(tag));
    p.on('text', (text) => this.addText(text));
    p.on('cdata', (text) => this.addText(text));
    p.on('closetag', () => this.closeTag());
    p.on('error', (err) => {
      throw new ReadFault('MALFORMED_XML', `Gói tin không phải XML hợp lệ (${err.message}).`, this.currentPath());
    });
  }

  currentPath(): string | undefined {
    return this.stack.at(-1)?.path;
  }

  async abortAll(): Promise<void> {
    await this.open?.sink.abort();
    await this.finishing?.sink.abort();
  }

  async run(source: AsyncIterable<Uint8Array>): Promise<void> {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let bytes = 0;
    let first = true;
    let mode: 'xml' | 'base64' = 'xml';
    const scanner = new AttachmentTextScanner((text) => this.base64(text), () => this.currentPath());
    let run = 0;
    let carry = '';
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > this.limits.maxPackageBytes) {
        throw new ReadFault('PACKAGE_TOO_LARGE', `Gói tin lớn hơn giới hạn ${this.limits.maxPackageBytes} byte.`);
      }
      if (first && chunk.byteLength >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        throw new ReadFault('NOT_UTF8', 'Gói tin mã hoá UTF-16; chỉ chấp nhận UTF-8.');
      }
      first = false;
      const text = carry + utf8.decode(chunk, { stream: true });
      carry = '';
      let pos = 0;
      while (pos < text.length) {
        if (mode === 'xml') {
          const gt = text.indexOf('>', pos);
          const end = gt < 0 ? text.length : gt + 1;
          run = gt < 0 ? run + (end - pos) : 0;
          if (run > this.limits.maxTextChars) {
            throw new ReadFault('TEXT_TOO_LONG', `Một phần tử hoặc thẻ dài quá ${this.limits.maxTextChars} ký tự.`, this.currentPath());
          }
          const slice = text.slice(pos, end);
          if (!this.root) {
            // Refuse a DOCTYPE as soon as it starts, before saxes has gathered a (possibly huge) internal subset.
            const probe = this.prologTail + slice;
            if (probe.includes('<!DOCTYPE')) throw new ReadFault('DOCTYPE_FORBIDDEN', DOCTYPE_REASON);
            this.prologTail = probe.slice(-8);
          }
          this.parser.write(slice);
          pos = end;
          await this.drain();
          if (this.enterBase64) {
            this.enterBase64 = false;
            mode = 'base64';
          }
        } else {
          const r = scanner.scan(text, pos);
          pos = r.pos;
          carry = r.carry;
          if (r.leave) mode = 'xml';
        }
      }
      await this.drain();
    }
    const tail = utf8.decode();
    if (tail !== '') this.parser.write(tail);
    if (carry !== '' || scanner.inCdata) throw new ReadFault('MALFORMED_XML', 'Gói tin bị cắt cụt giữa dữ liệu tệp đính kèm.', this.currentPath());
    if (!this.root) throw new ReadFault('MALFORMED_XML', 'Tệp rỗng hoặc không có phần tử gốc: không phải gói tin edXML.');
    if (this.stack.length > 0 || mode === 'base64') {
      throw new ReadFault('MALFORMED_XML', `Gói tin bị cắt cụt (thiếu thẻ đóng của ${this.stack.at(-1)?.path ?? 'phần tử gốc'}).`, this.currentPath());
    }
    this.parser.close();
    await this.drain();
  }

  private base64(text: string): void {
    if (text === '' || !this.open) return;
    this.open.sink.push(this.open.decoder.push(text));
  }

  private async drain(): Promise<void> {
    if (this.open) await this.open.sink.flush();
    const done = this.finishing;
    if (!done) return;
    done.sink.push(done.decoder.end());
    const result = await done.sink.finish();
    this.finishing = undefined;
    done.node.attachment = { sha256: result.stored.sha256, size: result.stored.size, sniffed: result.sniffed, zipped: result.zipped, stored: result.stored };
  }

  private openTag(tag: SaxesTagNS): void {
    this.elements += 1;
    if (this.elements > this.limits.maxElements) {
      throw new ReadFault('TOO_MANY_ELEMENTS', `Gói tin có quá nhiều phần tử (hơn ${this.limits.maxElements}).`, this.currentPath());
    }
    if (this.stack.length + 1 > this.limits.maxDepth) {
      throw new ReadFault('TOO_DEEP', `Các phần tử lồng nhau quá sâu (hơn ${this.limits.maxDepth} cấp).`, this.currentPath());
    }
    const parent = this.stack.at(-1);
    if (this.open && parent === this.open.node) {
      throw new ReadFault('INVALID_VALUE', 'ContentTransferEncoded chỉ được chứa dữ liệu base64, không chứa phần tử con.', parent.path);
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.local] = a.value;
    }
    const node: XmlNode = { uri: tag.uri, local: tag.local, prefix: tag.prefix, attrs, children: [], text: '', path: this.pathFor(parent, tag.local) };
    if (!parent) this.checkRoot(node);
    else parent.children.push(node);
    this.stack.push(node);
    if (node.uri === EDXML_NS && node.local === 'ContentTransferEncoded' && parent?.local === 'Attachment' && parent.uri === EDXML_NS) {
      this.attachments += 1;
      if (this.attachments > this.limits.maxAttachments) {
        throw new ReadFault('TOO_MANY_ATTACHMENTS', `Gói tin có quá nhiều tệp đính kèm (hơn ${this.limits.maxAttachments}).`, node.path);
      }
      if (this.open || this.finishing) throw new ReadFault('INVALID_VALUE', 'Một tệp đính kèm có hai phần dữ liệu ContentTransferEncoded.', node.path);
      this.open = { node, sink: new AttachmentSink(this.blobs, this.limits), decoder: new Base64Decoder() };
      if (!tag.isSelfClosing) this.enterBase64 = true;
    }
  }

  private checkRoot(node: XmlNode): void {
    this.root = node;
    if (node.uri === EDXML_NS && node.local === 'edXML') return;
    if (node.local === 'edXML' || node.local === 'EdXMLEnvelope' || node.local === 'edXMLEnvelope') {
      throw new ReadFault('WRONG_NAMESPACE', `Sai không gian tên: gói tin phải dùng "${EDXML_NS}" (QCVN 102:2016), gói này dùng "${node.uri || '(không có)'}".`, node.path);
    }
    throw new ReadFault('NOT_A_PACKAGE', `Phần tử gốc là "${node.local}", không phải "edXML": không phải gói tin edXML.`, node.path);
  }

  private pathFor(parent: XmlNode | undefined, local: string): string {
    if (!parent) return local;
    let counts = this.siblings.get(parent);
    if (!counts) {
      counts = new Map();
      this.siblings.set(parent, counts);
    }
    const n = (counts.get(local) ?? 0) + 1;
    counts.set(local, n);
    return `${parent.path}/${n === 1 ? local : `${local}[${n}]`}`;
  }

  private addText(text: string): void {
    const top = this.stack.at(-1);
    if (!top) return;
    if (this.open && top === this.open.node) {
      this.base64(text);
      return;
    }
    top.text += text;
    this.totalText += text.length;
    if (top.text.length > this.limits.maxTextChars) {
      throw new ReadFault('TEXT_TOO_LONG', `Nội dung phần tử dài quá ${this.limits.maxTextChars} ký tự.`, top.path);
    }
    if (this.totalText > this.limits.maxTextChars * MAX_TOTAL_TEXT_FACTOR) {
      throw new ReadFault('TEXT_TOO_LONG', `Tổng nội dung văn bản của gói tin dài quá ${this.limits.maxTextChars * MAX_TOTAL_TEXT_FACTOR} ký tự.`, top.path);
    }
  }

  private closeTag(): void {
    const node = this.stack.pop();
    if (!node) return;
    if (this.open && node === this.open.node) {
      this.finishing = this.open;
      this.open = undefined;
      return;
    }
    if (node.text !== '') node.text = node.text.normalize('NFC');
  }
}
