/**
 * Incremental base64 decoder for attachment text (standards.md §1.4: base64 of the whole file, line breaks not
 * required). Whitespace is skipped; any other character outside the alphabet, data after padding, or a length
 * that is not a whole number of quanta is an error. Memory: at most 3 carried characters between pushes.
 */

const ALPHABET = /^[A-Za-z0-9+/]*$/;
const WHITESPACE = /[\t\n\r ]+/g;

export class Base64Error extends Error {}

export class Base64Decoder {
  private carry = '';
  private padded = false;
  private total = 0;

  /** Characters seen so far (without whitespace). */
  get consumed(): number {
    return this.total;
  }

  /** Decode another piece of text; returns the bytes that are complete. Throws Base64Error. */
  push(text: string): Buffer {
    const clean = text.replace(WHITESPACE, '');
    if (clean === '') return Buffer.alloc(0);
    this.total += clean.length;
    if (this.padded) throw new Base64Error('có dữ liệu sau ký tự đệm "="');
    const pad = clean.indexOf('=');
    let body = clean;
    if (pad >= 0) {
      if (!/^=+$/.test(clean.slice(pad)) || clean.length - pad > 2) throw new Base64Error('ký tự đệm "=" đặt sai chỗ');
      this.padded = true;
      body = clean.slice(0, pad);
    }
    if (!ALPHABET.test(body)) throw new Base64Error('có ký tự không thuộc bảng mã base64');
    const all = this.carry + body;
    if (this.padded) {
      const padChars = clean.length - pad;
      if ((all.length + padChars) % 4 !== 0 || all.length % 4 === 0) throw new Base64Error('độ dài không hợp lệ');
      this.carry = '';
      return Buffer.from(all, 'base64');
    }
    const whole = all.length - (all.length % 4);
    this.carry = all.slice(whole);
    return whole === 0 ? Buffer.alloc(0) : Buffer.from(all.slice(0, whole), 'base64');
  }

  /** End of the text: throws when a partial quantum is left (unpadded tails of 2 or 3 characters are accepted). */
  end(): Buffer {
    const rest = this.carry;
    this.carry = '';
    if (rest.length === 1) throw new Base64Error('độ dài không hợp lệ (thiếu dữ liệu ở cuối)');
    return rest.length === 0 ? Buffer.alloc(0) : Buffer.from(rest, 'base64');
  }
}
