/**
 * Test-support generator of edXML packages as real axes relay them (standards.md §1.1–1.8), written
 * independently of the product's builder so the parser is tested against other producers' shapes:
 * prefix variants (SDK `edXML:` + default namespace, all-default, an arbitrary prefix such as `ns0:`), children in
 * any order (Bussiness before the TraceHeaders), attachments zipped (VNPT: every attachment zipped, entry named
 * `<uuid>.<ext>`, data descriptors) or not whatever ContentType says, `cid:` on one side only, `yyyy-MM-dd` dates,
 * Lạng Sơn TraceHeaderList attributes, axis-added TraceHeaders, TraceHeader without OrganId or with `null`,
 * base64 with CRLF line breaks written as `&#xD;` (.NET XmlWriter), the SDK's dummy package `<Signature>`. Also the
 * raw material of hostile packages.
 */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { EDXML_NS } from '../../../src/shared/domain/edxml/model';

/** Deterministic PRNG (mulberry32) so every corpus is reproducible from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An element of the generic tree the serializer writes. */
export interface El {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  /** Raw text written as is (already escaped), e.g. base64 with character references. */
  raw?: string;
  children?: El[];
  /** Namespace of this element: edXML (default) or none. */
  ns?: 'edxml' | 'none';
}

export const el = (name: string, children: Array<El | null | undefined | false> | string, attrs?: Record<string, string>): El =>
  typeof children === 'string'
    ? { name, text: children, ...(attrs ? { attrs } : {}) }
    : { name, children: children.filter((c): c is El => Boolean(c)), ...(attrs ? { attrs } : {}) };

export type PrefixStyle = 'sdk' | 'default' | 'ns0' | 'sdk-prefixed-attachments';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Serialize a package tree: `root` is the edXML element. `sdk`: default namespace on the root, `edXML:` bound on
 * the envelope and used inside it, AttachmentEncoded unprefixed; `default`: no prefix anywhere; `ns0`: every
 * element under `ns0:`; `sdk-prefixed-attachments`: like sdk but Attachment children prefixed too (the SDK's
 * own edoc.edxml).
 */
export function serialize(root: El, style: PrefixStyle, options: { shuffle?: () => number; indent?: boolean } = {}): string {
  const nl = options.indent === false ? '' : '\n';
  const write = (e: El, depth: number, prefix: string, declare: string): string => {
    const name = prefix === '' || e.ns === 'none' ? e.name : `${prefix}:${e.name}`;
    const attrs = Object.entries(e.attrs ?? {}).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    const pad = options.indent === false ? '' : '  '.repeat(depth);
    const open = `${pad}<${name}${declare}${attrs}`;
    if (e.raw !== undefined) return `${open}>${e.raw}</${name}>`;
    if (e.text !== undefined) return e.text === '' ? `${open}/>` : `${open}>${esc(e.text)}</${name}>`;
    let kids = [...(e.children ?? [])];
    if (options.shuffle) {
      // Free order of element kinds (§1.8); siblings of one name keep their order (To list, attachments).
      const r = options.shuffle;
      const groups = [...new Set(kids.map((k) => k.name))].map((name) => kids.filter((k) => k.name === name));
      for (let i = groups.length - 1; i > 0; i -= 1) {
        const j = Math.floor(r() * (i + 1));
        [groups[i], groups[j]] = [groups[j] as El[], groups[i] as El[]];
      }
      kids = groups.flat();
    }
    const childPrefix = (c: El): [string, string] => {
      if (style === 'default') return ['', ''];
      if (style === 'ns0') return ['ns0', ''];
      if (e.name === 'edXML' && c.name === 'edXMLEnvelope') return ['edXML', ` xmlns:edXML="${EDXML_NS}"`];
      if (e.name === 'edXML') return ['', ''];
      if (c.name === 'ContentTransferEncoded' && style === 'sdk-prefixed-attachments') return ['edXML', ` xmlns:edXML="${EDXML_NS}"`];
      if (e.name === 'AttachmentEncoded' || e.name === 'Attachment') return ['', ''];
      return [prefix, ''];
    };
    kids = kids.filter(Boolean);
    const inner = kids.map((c) => {
      const [p, d] = childPrefix(c);
      return write(c, depth + 1, p, d);
    });
    return `${open}>${nl}${inner.join(nl)}${nl}${pad}</${name}>`;
  };
  const rootDecl = style === 'ns0' ? ` xmlns:ns0="${EDXML_NS}"` : ` xmlns="${EDXML_NS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>${nl}${write(root, 0, style === 'ns0' ? 'ns0' : '', rootDecl)}${nl}`;
}

/** Zip one file the way the VNPT library does: a single entry named `<uuid>.<ext>`, deflated. */
export function zipLikeVnpt(bytes: Uint8Array, entryName: string, options: { dataDescriptor?: boolean } = {}): Uint8Array {
  if (!options.dataDescriptor) return zipSync({ [entryName]: [bytes, { level: 6 }] });
  // fflate's streaming Zip writes data descriptors (general purpose flag bit 3), as relayed archives do.
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(entryName, { level: 6 });
  zip.add(entry);
  entry.push(bytes, true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

/** base64 of `bytes`: one line, 76-character lines with LF, or CRLF written as `&#xD;` + LF. */
export function base64Text(bytes: Uint8Array, breaks: 'none' | 'lf' | 'crlf-ref' = 'none'): string {
  const b64 = Buffer.from(bytes).toString('base64');
  if (breaks === 'none') return b64;
  const lines = b64.match(/.{1,76}/g) ?? [];
  return lines.join(breaks === 'lf' ? '\n' : '&#xD;\n');
}
