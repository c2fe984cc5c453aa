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
  private pad = 0;
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
    const at = clean.indexOf('=');
    const body = at < 0 ? clean : clean.slice(0, at);
    if (this.pad > 0 && body !== '') throw new Base64Error('có dữ liệu sau ký tự đệm "="');
    if (at >= 0) {
      const rest = clean.slice(at);
      if (!/^=+$/.test(rest)) throw new Base64Error('có dữ liệu sau ký tự đệm "="');
      this.pad += rest.length;
      if (this.pad > 2) throw new Base64Error('ký tự đệm "=" đặt sai chỗ');
    }
    if (!ALPHABET.test(body)) throw new Base64Error('có ký tự không thuộc bảng mã base64');
    const all = this.carry + body;
    const whole = all.length - (all.length % 4);
    this.carry = all.slice(whole);
    return whole === 0 ? Buffer.alloc(0) : Buffer.from(all.slice(0, whole), 'base64');
  }

  /** End of the text: throws when a partial quantum is left (unpadded tails of 2 or 3 characters are accepted). */
  end(): Buffer {
    const rest = this.carry;
    this.carry = '';
    if (this.pad > 0 && (rest.length + this.pad !== 4 || rest.length < 2)) throw new Base64Error('ký tự đệm "=" đặt sai chỗ');
    if (rest.length === 1) throw new Base64Error('độ dài không hợp lệ (thiếu dữ liệu ở cuối)');
    return rest.length === 0 ? Buffer.alloc(0) : Buffer.from(rest, 'base64');
  }
}
