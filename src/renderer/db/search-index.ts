/**
 * What the register search indexes and how a query matches (Phụ lục VI Phần I III: search every field, with or
 * without diacritics, đ ↔ d). Both the indexed search and the full scan use these functions, so they give the
 * same answer by construction.
 *
 * A query is split into chunks (whitespace) and each chunk into parts (letters/digits). An entry matches when
 * every part is the prefix of one of its searchTokens, and every chunk of several parts ("12/qđ-ubnd") also
 * occurs as written in its folded text. A single-part chunk needs no second check: every token is a substring
 * of the folded text it came from.
 *
 * OCR text (issue 9) is searched too, through its own word list (ocrSearchTokens) kept beside the entry
 * (db `ocrTokens`) and an inverted index (db `ocrIndex`, db/ocr-index.ts) rather than in the entry's 64 tokens: a
 * part matches when it is the prefix of a field token or of an OCR token, and a phrase when it occurs in the
 * folded field text or is the prefix of an OCR phrase token (a chunk of several parts, or its tail from one of
 * its parts on: "12/qd-ubnd" and "qd-ubnd"). So "12/qđ-ubnd", "qđ-ubnd" and "12/qd" find an OCR text with
 * "12/QĐ-UBND", and "2/qd" (which starts inside a word) does not. All three searches ask the OCR side through
 * one question, "has this entry an OCR token starting with p?" (OcrPrefixTest), so they agree by construction.
 */
import { documentTypeById } from '../../shared/domain/document-types';
import { codeNotationKey, issuerKey } from '../../shared/domain/numbering';
import { foldVietnamese, searchTokens } from '../../shared/util/search-text';
import type { DocumentRecord, RegisterEntryRecord } from './records';

/** Longest search text accepted from the search box. */
export const MAX_QUERY_LENGTH = 200;

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** The index fields of an entry, computed from its document. */
export interface EntrySearchFields {
  issuerFolded: string;
  searchText: string;
  searchTokens: string[];
  registrationKey: string;
}

/** The document fields that are searched, số/ký hiệu first so it is never cut by the token limit. */
export function searchableText(doc: Pick<DocumentRecord, 'codeNotation' | 'typeId' | 'issuer' | 'abstract' | 'recipient' | 'note'>): string {
  return [doc.codeNotation, documentTypeById(doc.typeId)?.name ?? '', doc.issuer, doc.abstract, doc.recipient ?? '', doc.note ?? '']
    .filter((s) => s !== '')
    .join(' ');
}

/** Key of the duplicate check: same số/ký hiệu (canonical, folded) from the same issuer (folded). */
export function registrationKeyOf(codeNotation: string, issuer: string): string {
  return `${codeNotationKey(codeNotation)}|${issuerKey(issuer)}`;
}

/** The search and filter fields stored on an entry for `doc` (also used by the benchmark's seeding). */
export function entrySearchFields(doc: Pick<DocumentRecord, 'codeNotation' | 'typeId' | 'issuer' | 'abstract' | 'recipient' | 'note'>): EntrySearchFields {
  const text = searchableText(doc);
  return {
    issuerFolded: issuerKey(doc.issuer),
    searchText: foldVietnamese(text),
    searchTokens: searchTokens(text),
    registrationKey: registrationKeyOf(doc.codeNotation, doc.issuer),
  };
}

/** A parsed search text. */
export interface TextQuery {
  /** Folded whitespace-separated chunks, edge punctuation removed. */
  chunks: string[];
  /** Unique letter/digit parts of all chunks. */
  parts: string[];
  /** Chunks made of several parts, which must also occur verbatim in the folded text. */
  phrases: string[];
}

/** Splits a search text into chunks and parts (see the module comment). */
export function parseTextQuery(text: string | undefined): TextQuery {
  const chunks = foldVietnamese(text ?? '')
    .split(' ')
    .map((c) => c.replace(EDGE_PUNCTUATION, ''))
    .filter((c) => c !== '');
  const parts = new Set<string>();
  const phrases: string[] = [];
  for (const chunk of chunks) {
    const pieces = chunk.split(NOT_WORD).filter((p) => p !== '');
    for (const p of pieces) parts.add(p);
    if (pieces.length > 1) phrases.push(chunk);
  }
  return { chunks, parts: [...parts], phrases };
}

/** Whether the entry's OCR text has a token starting with `prefix` (always false for an entry without one). */
export type OcrPrefixTest = (prefix: string) => boolean;

const NO_OCR: OcrPrefixTest = () => false;

/** Whether an entry matches a parsed query (an empty query matches everything). */
export function matchesText(entry: Pick<RegisterEntryRecord, 'searchText' | 'searchTokens'>, q: TextQuery, ocr: OcrPrefixTest = NO_OCR): boolean {
  for (const part of q.parts) {
    if (!entry.searchTokens.some((t) => t.startsWith(part)) && !ocr(part)) return false;
  }
  return q.phrases.every((p) => entry.searchText.includes(p) || ocr(p));
}

/**
 * Longest OCR text kept on a document (characters): about ten pages of recognized text. A longer text is cut at
 * the last whitespace before the limit (boundOcrText); the scanned PDF stays the original, never rewritten.
 */
export const MAX_OCR_TEXT_LENGTH = 20_000;
/** Most distinct OCR tokens kept for one entry (first appearance first), so one long text cannot bloat the index. */
export const MAX_OCR_TOKENS = 3_000;
/** Longest OCR token kept; OCR noise can glue long runs of characters that nobody searches for. */
export const MAX_OCR_TOKEN_LENGTH = 40;
/** A chunk with more parts than this keeps its parts but gives no phrase tokens. */
const MAX_PHRASE_PARTS = 8;

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * The OCR text as stored: NFC, control characters other than line breaks and tabs removed, trimmed, at most
 * MAX_OCR_TEXT_LENGTH characters (cut at a whitespace); undefined when nothing is left.
 */
export function boundOcrText(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  let t = text.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ').trim();
  if (t.length > MAX_OCR_TEXT_LENGTH) {
    t = t.slice(0, MAX_OCR_TEXT_LENGTH);
    const cut = t.search(/\s\S*$/u);
    if (cut > MAX_OCR_TEXT_LENGTH / 2) t = t.slice(0, cut);
    t = t.trimEnd();
  }
  return t === '' ? undefined : t;
}

/**
 * The distinct folded tokens of an OCR text, in order of first appearance, at most MAX_OCR_TOKENS, none longer than
 * MAX_OCR_TOKEN_LENGTH: every letter/digit part of every whitespace chunk, and for a chunk of several parts the
 * chunk (edge punctuation removed) and its tails from each later part ("12/QĐ-UBND" → "12/qd-ubnd", "12", "qd",
 * "ubnd", "qd-ubnd"). Tokens never contain a space.
 */
export function ocrSearchTokens(text: string | undefined): string[] {
  const seen = new Set<string>();
  if (typeof text !== 'string' || text === '') return [];
  const add = (token: string): boolean => {
    if (token.length <= MAX_OCR_TOKEN_LENGTH) seen.add(token);
    return seen.size >= MAX_OCR_TOKENS;
  };
  for (const chunk of foldVietnamese(text).split(' ')) {
    const whole = chunk.replace(EDGE_PUNCTUATION, '');
    if (whole === '') continue;
    const starts: number[] = [];
    for (const m of whole.matchAll(WORD_RUN)) {
      starts.push(m.index);
      if (add(m[0])) return [...seen];
    }
    if (starts.length > 1 && starts.length <= MAX_PHRASE_PARTS && whole.length <= MAX_OCR_TOKEN_LENGTH) {
      for (let i = 0; i < starts.length - 1; i++) if (add(whole.slice(starts[i]))) return [...seen];
    }
  }
  return [...seen];
}

/** The OCR tokens as stored on the `ocrTokens` row: joined with single spaces, with a leading space. */
export function joinOcrTokens(tokens: readonly string[]): string {
  return tokens.length === 0 ? '' : ` ${tokens.join(' ')}`;
}

/** The prefix test of a stored `ocrTokens` string (the full scan's side of the OCR question). */
export function ocrPrefixTestOf(joined: string | undefined): OcrPrefixTest {
  if (joined === undefined || joined === '') return NO_OCR;
  return (prefix) => joined.includes(` ${prefix}`);
}
