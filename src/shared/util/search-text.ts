/**
 * Accent- and case-insensitive search over Vietnamese text (Phụ lục VI Phần I III: search all fields). A clerk
 * types "hoa toc" or "12/qd-ubnd" without diacritics and must still find "Hỏa tốc" and "12/QĐ-UBND".
 */

/** Most tokens kept for one record, so one huge field cannot bloat the index. */
export const MAX_SEARCH_TOKENS = 64;

// U+00D0/U+00F0 (Icelandic eth) look like Đ/đ and turn up in text typed with the wrong keyboard layout.
const ETH = /[\u00D0\u0110]/g;
const eth = /[\u00F0\u0111]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE = /\s+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * NFC-normalised, lower-case, without diacritics, đ/Đ → d, whitespace collapsed to single spaces and trimmed:
 * "Đề án Hỏa tốc" → "de an hoa toc".
 */
export function foldVietnamese(text: string): string {
  if (typeof text !== 'string') return '';
  return text
    .normalize('NFC')
    .replace(ETH, 'd')
    .replace(eth, 'd')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .replace(WHITESPACE, ' ')
    .trim();
}

/**
 * Unique folded words of a text, in order of first appearance, at most MAX_SEARCH_TOKENS. A
 * whitespace-separated chunk such as "12/QĐ-UBND" is kept whole ("12/qd-ubnd") and also split on every
 * non-letter/digit ("12", "qd", "ubnd").
 */
export function searchTokens(text: string): string[] {
  const seen = new Set<string>();
  const add = (token: string): boolean => {
    if (token !== '' && !seen.has(token)) seen.add(token);
    return seen.size >= MAX_SEARCH_TOKENS;
  };
  for (const chunk of foldVietnamese(text).split(' ')) {
    const whole = chunk.replace(EDGE_PUNCTUATION, '');
    const parts = whole.split(NOT_WORD).filter((p) => p !== '');
    if (parts.length > 1 && add(whole)) break;
    let full = false;
    for (const part of parts) {
      if (add(part)) {
        full = true;
        break;
      }
    }
    if (full) break;
  }
  return [...seen];
}

/**
 * Whether every word of `query` (folded the same way) occurs as a substring of `haystackFolded`, which the
 * caller has already passed through foldVietnamese. An empty query matches everything.
 */
export function matchesQuery(haystackFolded: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter((w) => w !== '');
  return words.every((w) => haystackFolded.includes(w));
}
