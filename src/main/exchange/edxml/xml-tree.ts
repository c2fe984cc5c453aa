/**
 * A small element tree of the package header, built by package-reader.ts from saxes events. Attachment base64
 * never lands here (it goes to the blob store); the rest is bounded by EdxmlLimits. Lookups match namespace URI
 * + local name, never the prefix (standards.md §1.1), and ignore order.
 */
import { EDXML_NS } from '../../../shared/domain/edxml/model';
import type { ReceivedAttachment } from './edxml-api';

export interface XmlNode {
  uri: string;
  local: string;
  /** As written: only the checker looks at it (§1.8 "Sending": the axis wants `edXML:` inside the envelope). */
  prefix: string;
  /** Attributes without namespace declarations, by local name. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Concatenated text content (NFC), untrimmed. */
  text: string;
  /** Slash path of local names with [n] for repeated siblings, e.g. `edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]`. */
  path: string;
  /** Set on a ContentTransferEncoded element once its data is stored. */
  attachment?: Omit<ReceivedAttachment, 'contentId' | 'name' | 'contentType' | 'description'>;
}

/** Children in the edXML namespace with this local name, in document order. */
export function kids(node: XmlNode | undefined, local: string): XmlNode[] {
  return node ? node.children.filter((c) => c.uri === EDXML_NS && c.local === local) : [];
}

/** The first child in the edXML namespace with this local name. */
export function kid(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => c.uri === EDXML_NS && c.local === local);
}

/** Descend by local names (first match at each step). */
export function walk(node: XmlNode | undefined, ...locals: string[]): XmlNode | undefined {
  let current = node;
  for (const local of locals) current = kid(current, local);
  return current;
}

/** Trimmed text of the first such child, or undefined when the child is missing or empty. */
export function textOf(node: XmlNode | undefined, local: string): string | undefined {
  const t = kid(node, local)?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}
