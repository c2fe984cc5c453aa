/**
 * The text of an attachment's ContentTransferEncoded element as it streams past the XML parser (see
 * package-reader.ts): base64 up to the next markup, with character references (`&#xD;` from .NET writers)
 * resolved and `<![CDATA[ … ]]>` sections read through. Input may be cut anywhere; what cannot be decided yet is
 * handed back as `carry` for the next chunk.
 */
import { ReadFault } from './read-fault';

const CDATA_OPEN = '<![CDATA[';
/** Longest character reference accepted, `&#x10FFFF;`. */
const MAX_REFERENCE = 12;

export interface ScanResult {
  /** Where scanning stopped in `text`. */
  pos: number;
  /** Text to put in front of the next chunk (a reference, "<![CD" or "]]" cut by the chunk boundary). */
  carry: string;
  /** True at a '<' that is markup (pos points at it): the base64 text has ended. */
  leave: boolean;
}

export class AttachmentTextScanner {
  inCdata = false;
  private readonly emit: (text: string) => void;
  private readonly path: () => string | undefined;

  constructor(emit: (text: string) => void, path: () => string | undefined) {
    this.emit = emit;
    this.path = path;
  }

  /** Consume `text` from `pos`, emitting base64 text. Throws ReadFault(BAD_BASE64) on a stray '&' or ']'. */
  scan(text: string, start: number): ScanResult {
    let pos = start;
    while (pos < text.length) {
      if (this.inCdata) {
        const bracket = text.indexOf(']', pos);
        if (bracket < 0) {
          this.emit(text.slice(pos));
          return { pos: text.length, carry: '', leave: false };
        }
        this.emit(text.slice(pos, bracket));
        if (text.length - bracket < 3 && ']]>'.startsWith(text.slice(bracket))) return { pos: text.length, carry: text.slice(bracket), leave: false };
        if (!text.startsWith(']]>', bracket)) throw new ReadFault('BAD_BASE64', 'Dữ liệu base64 của tệp đính kèm chứa ký tự "]" không hợp lệ.', this.path());
        pos = bracket + 3;
        this.inCdata = false;
        continue;
      }
      const lt = text.indexOf('<', pos);
      const amp = text.indexOf('&', pos);
      const stop = lt < 0 ? text.length : lt;
      if (amp >= 0 && amp < stop) {
        this.emit(text.slice(pos, amp));
        const semi = text.indexOf(';', amp);
        if (semi < 0 || semi > amp + MAX_REFERENCE) {
          if (semi < 0 && text.length - amp <= MAX_REFERENCE) return { pos: text.length, carry: text.slice(amp), leave: false };
          throw new ReadFault('BAD_BASE64', 'Dữ liệu base64 của tệp đính kèm chứa ký tự "&" không hợp lệ.', this.path());
        }
        this.emit(charReference(text.slice(amp + 1, semi), this.path()));
        pos = semi + 1;
        continue;
      }
      this.emit(text.slice(pos, stop));
      if (lt < 0) return { pos: text.length, carry: '', leave: false };
      if (text.startsWith(CDATA_OPEN, lt)) {
        pos = lt + CDATA_OPEN.length;
        this.inCdata = true;
        continue;
      }
      // "<![CD" cut by the chunk boundary: decide with the next chunk.
      if (text.length - lt < CDATA_OPEN.length && CDATA_OPEN.startsWith(text.slice(lt))) return { pos: text.length, carry: text.slice(lt), leave: false };
      return { pos: lt, carry: '', leave: true };
    }
    return { pos, carry: '', leave: false };
  }
}

function charReference(ref: string, path: string | undefined): string {
  const m = /^#x([0-9a-fA-F]{1,6})$/.exec(ref) ?? /^#([0-9]{1,7})$/.exec(ref);
  const cp = m ? Number.parseInt(m[1] as string, ref.startsWith('#x') ? 16 : 10) : NaN;
  if (!Number.isInteger(cp) || cp > 0x10ffff) {
    throw new ReadFault('BAD_BASE64', `Dữ liệu base64 của tệp đính kèm chứa tham chiếu "&${ref};" không hợp lệ.`, path);
  }
  return String.fromCodePoint(cp);
}
