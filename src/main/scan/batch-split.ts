/**
 * One feeder stack → several documents (issue 9, "Batch"). The clerk puts a separator between the documents of a
 * stack: either a blank sheet, or the printed separator sheet ("PHÂN TÁCH" with a row of thick black bars across the
 * middle of the page). Both are recognized from the pixels alone, without OCR:
 *  - a blank page has almost no ink (dark pixels) once a margin is left out (scanner edges throw shadows), and no
 *    tile of a 16 × 16 grid holds a mark: dust is spread thin, while one line of handwriting fills its tiles;
 *  - a separator sheet has, in the middle band of the page, at least SEPARATOR_MIN_BARS vertical bars: columns that are
 *    dark over nearly the whole band height, each at least 1.5 % of the page width, with light gaps between them.
 *    No text or table has columns that stay dark over a third of the page.
 * In a duplex scan the unit is the sheet (front + back): a sheet is a separator only when both sides are blank, or
 * when its front is the printed separator; a blank back alone stays part of the document (nothing is dropped).
 */
import type { SplitMode } from '../../shared/api/scan-schemas';

export interface GreyImage {
  width: number;
  height: number;
  /** Row-major grey levels, 0 black … 255 white. */
  grey: Uint8Array;
}

export interface PageMeasure {
  /** Fraction of dark pixels inside the margins (0–1). */
  ink: number;
  /** Highest ink fraction of one tile of a 16 × 16 grid inside the margins. */
  maxTileInk: number;
  /** Number of separator bars found in the middle band. */
  bars: number;
}

export type PageRole = 'content' | 'blank' | 'separator-sheet';

/** Darker than this (0–255) counts as ink. */
export const INK_THRESHOLD = 128;
/** A page with less ink than this (0.25 %) is blank: dust and speckles of a white sheet stay below it. */
export const BLANK_INK = 0.0025;
/** One tile with more ink than this (2 %) holds a mark, so the page is not blank. */
export const TILE_INK = 0.02;
const TILES = 16;
export const SEPARATOR_MIN_BARS = 6;
const MARGIN = 0.05;

/** Ink coverage and separator bars of one page. */
export function measurePage(image: GreyImage): PageMeasure {
  const { width, height, grey } = image;
  const x0 = Math.floor(width * MARGIN);
  const x1 = Math.ceil(width * (1 - MARGIN));
  const y0 = Math.floor(height * MARGIN);
  const y1 = Math.ceil(height * (1 - MARGIN));
  const tileW = Math.max(1, (x1 - x0) / TILES);
  const tileH = Math.max(1, (y1 - y0) / TILES);
  const tiles = new Uint32Array(TILES * TILES);
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    const ty = Math.min(TILES - 1, Math.floor((y - y0) / tileH));
    for (let x = x0; x < x1; x++) {
      if ((grey[y * width + x] ?? 255) >= INK_THRESHOLD) continue;
      dark++;
      const t = ty * TILES + Math.min(TILES - 1, Math.floor((x - x0) / tileW));
      tiles[t] = (tiles[t] ?? 0) + 1;
    }
  }
  const area = Math.max(1, (x1 - x0) * (y1 - y0));
  const tileArea = Math.max(1, area / (TILES * TILES));
  return { ink: dark / area, maxTileInk: Math.max(...tiles) / tileArea, bars: countBars(image) };
}

function countBars({ width, height, grey }: GreyImage): number {
  const b0 = Math.floor(height * 0.4);
  const b1 = Math.ceil(height * 0.6);
  const rows = Math.max(1, b1 - b0);
  const minBar = Math.max(1, Math.floor(width * 0.015));
  let bars = 0;
  let run = 0;
  let gapSeen = true;
  for (let x = 0; x <= width; x++) {
    let dark = 0;
    if (x < width) for (let y = b0; y < b1; y++) if ((grey[y * width + x] ?? 255) < INK_THRESHOLD) dark++;
    const ratio = dark / rows;
    if (x < width && ratio > 0.85) {
      run++;
      continue;
    }
    if (run >= minBar && gapSeen) bars++;
    if (run > 0) gapSeen = false;
    run = 0;
    // Only a light column separates two bars; a grey column (text, a photo) between dark ones does not.
    if (ratio < 0.15) gapSeen = true;
  }
  return bars;
}

/** The role of a measured page. */
export function pageRole(m: PageMeasure): PageRole {
  if (m.bars >= SEPARATOR_MIN_BARS) return 'separator-sheet';
  return m.ink < BLANK_INK && m.maxTileInk < TILE_INK ? 'blank' : 'content';
}

export interface StackSplit {
  /** 0-based page indexes of each document, in order; never empty. */
  documents: number[][];
  /** 0-based indexes of the separator pages (left out of every document). */
  separators: number[];
}

/**
 * Split a stack of `roles` (one per page, in feeder order) into documents. Mode 'none' gives one document of all pages.
 * Empty documents (two separators in a row, a separator first or last) are not produced.
 */
export function splitStack(roles: readonly PageRole[], mode: SplitMode, duplex: boolean): StackSplit {
  const all = roles.map((_, i) => i);
  if (mode === 'none') return { documents: all.length === 0 ? [] : [all], separators: [] };
  const sheetSize = duplex ? 2 : 1;
  const documents: number[][] = [];
  const separators: number[] = [];
  let current: number[] = [];
  for (let start = 0; start < roles.length; start += sheetSize) {
    const sheet = all.slice(start, start + sheetSize);
    const sides = sheet.map((i) => roles[i]);
    const isSeparator =
      mode === 'blank-page' ? sides.every((r) => r === 'blank') : sides[0] === 'separator-sheet';
    if (isSeparator) {
      separators.push(...sheet);
      if (current.length > 0) documents.push(current);
      current = [];
    } else current.push(...sheet);
  }
  if (current.length > 0) documents.push(current);
  return { documents, separators };
}
