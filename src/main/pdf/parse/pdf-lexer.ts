/**
 * A small, strict PDF object parser (ISO 32000-1 §7.2–7.3) for the verifier. It keeps byte offsets of strings
 * (the ByteRange check needs the exact position of /Contents) and never "repairs" anything: the verifier must
 * see the file as it is, not as a forgiving viewer would.
 */

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfValue[] | PdfDict | PdfRef | PdfStream;

export interface PdfName { kind: 'name'; name: string }
export interface PdfString { kind: 'string'; bytes: Uint8Array; hex: boolean; start: number; end: number }
export interface PdfRef { kind: 'ref'; num: number; gen: number }
export interface PdfDict { kind: 'dict'; map: Map<string, PdfValue> }
export interface PdfStream { kind: 'stream'; dict: PdfDict; dataStart: number; dataEnd: number }

export class PdfSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} @${offset}`);
    this.offset = offset;
    this.name = 'PdfSyntaxError';
  }
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export function isName(v: PdfValue | undefined, name?: string): v is PdfName {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'name' && (name === undefined || v.name === name);
}
export function isDict(v: PdfValue | undefined): v is PdfDict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'dict';
}
export function isRef(v: PdfValue | undefined): v is PdfRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'ref';
}
export function isStream(v: PdfValue | undefined): v is PdfStream {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'stream';
}
export function isString(v: PdfValue | undefined): v is PdfString {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'string';
}

export class PdfLexer {
  pos: number;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array, start = 0) {
    this.bytes = bytes;
    this.pos = start;
  }

  skipWs(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos] ?? 0;
      if (WS.has(c)) this.pos += 1;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos += 1;
      } else break;
    }
  }

  /** A bare token (keyword or number) without consuming delimiters. */
  token(): string {
    this.skipWs();
    const start = this.pos;
    const b = this.bytes;
    while (this.pos < b.length && !WS.has(b[this.pos] ?? 0) && !DELIM.has(b[this.pos] ?? 0)) this.pos += 1;
    return Buffer.from(b.subarray(start, this.pos)).toString('latin1');
  }

  peekKeyword(word: string): boolean {
    this.skipWs();
    const end = this.pos + word.length;
    if (Buffer.from(this.bytes.subarray(this.pos, end)).toString('latin1') !== word) return false;
    const next = this.bytes[end];
    return next === undefined || WS.has(next) || DELIM.has(next);
  }

  private parseName(): PdfName {
    this.pos += 1;
    const start = this.pos;
    const b = this.bytes;
    while (this.pos < b.length && !WS.has(b[this.pos] ?? 0) && !DELIM.has(b[this.pos] ?? 0)) this.pos += 1;
    const raw = Buffer.from(b.subarray(start, this.pos)).toString('latin1');
    return { kind: 'name', name: raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
  }

  private parseLiteral(): PdfString {
    const start = this.pos;
    this.pos += 1;
    const out: number[] = [];
    let depth = 1;
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos++] ?? 0;
      if (c === 0x5c) {
        const n = b[this.pos++] ?? 0;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (map[n] !== undefined) out.push(map[n]);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; k += 1) v = v * 8 + ((b[this.pos++] ?? 0) - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos += 1;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth += 1;
        out.push(c);
      } else if (c === 0x29) {
        depth -= 1;
        if (depth === 0) return { kind: 'string', bytes: Uint8Array.from(out), hex: false, start, end: this.pos };
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError('unterminated string', start);
  }

  private parseHex(): PdfString {
    const start = this.pos;
    const close = this.bytes.indexOf(0x3e, this.pos);
    if (close < 0) throw new PdfSyntaxError('unterminated hex string', start);
    const text = Buffer.from(this.bytes.subarray(this.pos + 1, close)).toString('latin1');
    if (/[^0-9a-fA-F\s]/.test(text)) throw new PdfSyntaxError('bad hex string', start);
    let hex = text.replace(/\s+/g, '');
    if (hex.length % 2 === 1) hex += '0';
    this.pos = close + 1;
    return { kind: 'string', bytes: Uint8Array.from(Buffer.from(hex, 'hex')), hex: true, start, end: this.pos };
  }

  /** Parse one value; `allowRef` folds "n g R" into a reference. */
  value(depth = 0): PdfValue {
    if (depth > 200) throw new PdfSyntaxError('nesting too deep', this.pos);
    this.skipWs();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end', this.pos);
    if (c === 0x2f) return this.parseName();
    if (c === 0x28) return this.parseLiteral();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return this.parseDict(depth);
    if (c === 0x3c) return this.parseHex();
    if (c === 0x5b) {
      this.pos += 1;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x5d) { this.pos += 1; return arr; }
        if (this.pos >= b.length) throw new PdfSyntaxError('unterminated array', this.pos);
        arr.push(this.value(depth + 1));
      }
    }
    const start = this.pos;
    const tok = this.token();
    if (tok === '') throw new PdfSyntaxError(`unexpected byte 0x${c.toString(16)}`, start);
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    if (tok === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok)) throw new PdfSyntaxError(`unexpected token ${tok.slice(0, 20)}`, start);
    const num = Number(tok);
    if (/^\d+$/.test(tok)) {
      const save = this.pos;
      const gen = this.token();
      if (/^\d+$/.test(gen) && this.token() === 'R') return { kind: 'ref', num, gen: Number(gen) };
      this.pos = save;
    }
    return num;
  }

  private parseDict(depth: number): PdfDict {
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    const b = this.bytes;
    for (;;) {
      this.skipWs();
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) { this.pos += 2; return { kind: 'dict', map }; }
      if (b[this.pos] !== 0x2f) throw new PdfSyntaxError('dictionary key expected', this.pos);
      const key = this.parseName().name;
      map.set(key, this.value(depth + 1));
    }
  }
}

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
}

/**
 * Parse "num gen obj … endobj" at `offset`. Streams need their /Length: `lengthOf` resolves an indirect one.
 * The object header numbers are returned as found; the caller compares them with what the xref promised.
 */
export function parseIndirectObject(bytes: Uint8Array, offset: number, lengthOf: (v: PdfValue) => number | null): IndirectObject {
  const lx = new PdfLexer(bytes, offset);
  const num = Number(lx.token());
  const gen = Number(lx.token());
  if (!Number.isInteger(num) || !Number.isInteger(gen) || lx.token() !== 'obj') throw new PdfSyntaxError('object header expected', offset);
  const value = lx.value();
  if (isDict(value) && lx.peekKeyword('stream')) {
    lx.token();
    let p = lx.pos;
    if (bytes[p] === 0x0d) p += 1;
    if (bytes[p] === 0x0a) p += 1;
    const length = lengthOf(value.map.get('Length') ?? null);
    let end: number;
    if (length !== null && length >= 0 && isEndstreamAt(bytes, p + length)) end = p + length;
    else {
      const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('endstream', p, 'latin1');
      if (at < 0) throw new PdfSyntaxError('endstream missing', p);
      end = at;
      while (end > p && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end -= 1;
    }
    return { num, gen, value: { kind: 'stream', dict: value, dataStart: p, dataEnd: end } };
  }
  return { num, gen, value };
}

function isEndstreamAt(bytes: Uint8Array, at: number): boolean {
  let p = at;
  while (p < bytes.length && WS.has(bytes[p] ?? 0)) p += 1;
  return Buffer.from(bytes.subarray(p, p + 9)).toString('latin1') === 'endstream';
}

/** Decode PDF text strings (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding ≈ Latin-1). */
export function decodeTextString(s: PdfString): string {
  const b = s.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return Buffer.from(b.subarray(3)).toString('utf8');
  return Buffer.from(b).toString('latin1');
}
