/**
 * A tiny XML writer for the builder: NFC text, escaped, two-space indentation, and elements written only when
 * they have a value. Prefixes are chosen by the caller (the SDK layout of standards.md §1.8 "Sending").
 */

/** Escape text or an attribute value (NFC first). */
export function escapeXml(value: string): string {
  return value.normalize('NFC').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export type XmlPart = string | null | undefined | false | XmlPart[];

/** Lines of an element; `children` null/undefined/false are skipped. */
export class XmlLines {
  private readonly lines: string[] = [];
  private readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  private name(local: string): string {
    return this.prefix === '' ? local : `${this.prefix}:${local}`;
  }

  /** `<p:local>text</p:local>` at `depth`, skipped when `value` is undefined or null. */
  leaf(depth: number, local: string, value: string | number | boolean | null | undefined): void {
    if (value === undefined || value === null) return;
    this.lines.push(`${'  '.repeat(depth)}<${this.name(local)}>${escapeXml(String(value))}</${this.name(local)}>`);
  }

  /** `<p:local attrs>` … children … `</p:local>`. */
  group(depth: number, local: string, body: () => void, attrs = ''): void {
    this.lines.push(`${'  '.repeat(depth)}<${this.name(local)}${attrs}>`);
    body();
    this.lines.push(`${'  '.repeat(depth)}</${this.name(local)}>`);
  }

  raw(line: string): void {
    this.lines.push(line);
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
