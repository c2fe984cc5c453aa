/**
 * Small text rules of the extractor: folding, the letter confusions OCR makes in digits, and the mapping from
 * word confidences to a field confidence. Calibrated on generated NĐ 30 scans (bench/ocr-fill) so that a value
 * reported at or above TRUSTED_CONFIDENCE is right; anything doubtful lands below it.
 */
import { foldVietnamese } from '../../../shared/util/search-text';

export { foldVietnamese as fold };

/** Field confidence from the lowest word confidence of its words (tesseract conf / 100). */
export function ocrFactor(minConf: number): number {
  if (minConf >= 0.88) return 0.96;
  if (minConf >= 0.8) return 0.9;
  if (minConf >= 0.7) return 0.78;
  if (minConf >= 0.55) return 0.6;
  return 0.4;
}

/**
 * Confidence of free text that nothing cross-checks (abstract, recipients, names, an agency not in the directory):
 * tesseract is often sure of a wrong diacritic or first letter ("Gác" for "Các" at 0.91), so such text is trusted only
 * when every word was read with at least 0.93.
 */
export function freeTextFactor(minConf: number): number {
  return minConf >= 0.93 ? 0.9 : Math.min(0.7, ocrFactor(minConf));
}

/** Letters OCR puts in place of digits; a value that needed one of these is never trusted. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', g: '9', q: '9' };

/** Digits of a token, with look-alike letters mapped; `repaired` says whether any mapping was needed. */
export function readDigits(token: string): { value: string; repaired: boolean } | null {
  let repaired = false;
  let value = '';
  for (const ch of token) {
    if (ch >= '0' && ch <= '9') value += ch;
    else if (DIGIT_LOOKALIKES[ch]) {
      value += DIGIT_LOOKALIKES[ch];
      repaired = true;
    } else return null;
  }
  return value === '' ? null : { value, repaired };
}

/** Đ written as the look-alike Ð (U+00D0), and quotes/dashes OCR varies, brought to one form. */
export function cleanOcrText(text: string): string {
  return text.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ').replace(/[–—−]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Whether the text has letters and none of them is lower case (header lines and titles are capitals). */
export function isCapitals(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** A person's name as printed under a signature: 2–5 words, each a capital followed by small letters. */
export function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

/** Strips list dashes and the closing ';' / '.' / ',' of a Nơi nhận item. */
export function stripListItem(text: string): string {
  return text.replace(/^[-+•*·.~_=]+\s*/u, '').replace(/[;.,:]+$/u, '').trim();
}
