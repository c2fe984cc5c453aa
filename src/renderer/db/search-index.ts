/**
 * What the register search indexes and how a query matches (Phụ lục VI Phần I III: search every field, with or
 * without diacritics, đ ↔ d). Both the indexed search and the full scan use these functions, so they give the
 * same answer by construction.
 *
 * A query is split into chunks (whitespace) and each chunk into parts (letters/digits). An entry matches when
 * every part is the prefix of one of its searchTokens, and every chunk of several parts ("12/qđ-ubnd") also
 * occurs as written in its folded text. A single-part chunk needs no second check: every token is a substring
 * of the folded text it came from.
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

/** Whether an entry matches a parsed query (an empty query matches everything). */
export function matchesText(entry: Pick<RegisterEntryRecord, 'searchText' | 'searchTokens'>, q: TextQuery): boolean {
  for (const part of q.parts) {
    if (!entry.searchTokens.some((t) => t.startsWith(part))) return false;
  }
  return q.phrases.every((p) => entry.searchText.includes(p));
}
