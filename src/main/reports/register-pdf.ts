/**
 * The register printed to PDF in the layout of NĐ 30/2020/NĐ-CP Phụ lục IV: a cover (unit, title, year, span of
 * dates and numbers, quyển số), then the table on A4 landscape with the ten column headings repeated on every
 * page. A register kept in the system must be printed in full and closed (Art. 16.2b, 22.3b), so cancelled
 * entries stay, struck through and marked "Đã hủy". Fonts: Liberation Serif 2 (covers Vietnamese), subset and
 * embedded, through @cantoo/pdf-lib + fontkit 2 (pdf-signing.md §1.4).
 */
import { PDFDocument, PDFName, type PDFPage } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { RegisterReportRequest } from '../../shared/api/schemas';
import { throwIfCancelled } from '../jobs/job-runner';
import { REGISTER_PAGE, registerColumns, registerTitle } from '../../shared/domain/register-layout';
import { coverLines, registerSpan, rowPreparer } from './register-rows';
import { FontMetrics, PageContent } from './pdf-text';

/** The TrueType bytes of the two faces, read once per service. */
export interface RegisterFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Cancellation and progress of the job the rendering runs in. */
export interface RenderControl {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

const PT_PER_MM = 72 / 25.4;
const PAGE_W = REGISTER_PAGE.widthMm * PT_PER_MM;
const PAGE_H = REGISTER_PAGE.heightMm * PT_PER_MM;
const LEFT = REGISTER_PAGE.marginLeftMm * PT_PER_MM;
const RIGHT = PAGE_W - REGISTER_PAGE.marginRightMm * PT_PER_MM;
const TOP = PAGE_H - REGISTER_PAGE.marginTopMm * PT_PER_MM;
const BOTTOM = REGISTER_PAGE.marginBottomMm * PT_PER_MM;
const BODY_SIZE = 9;
const LINE_H = 11;
const PAD = 2.5;
const ASCENT = 0.9 * BODY_SIZE;
const REGULAR = '/F1';
const BOLD = '/F2';

interface Faces {
  regular: FontMetrics;
  bold: FontMetrics;
}

/** Rows drawn per progress tick and cancellation check inside one page (a page is also a checkpoint). */
const ROWS_PER_CHECK = 50;

/**
 * Renders the register. Rejects with AppFailure CANCELLED as soon as the signal is aborted (checked between
 * pages and row batches); nothing is returned then. Rows must already have passed `assertRowsFitColumns`.
 */
export async function renderRegisterPdf(
  req: RegisterReportRequest,
  fonts: RegisterFonts,
  control: RenderControl,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const title = registerTitle(req.kind);
  doc.setTitle(`${title} năm ${req.year}`);
  doc.setSubject(req.unitName);
  doc.setCreator('Văn thư số');
  doc.setLanguage('vi-VN');
  const faces: Faces = {
    // A subset's BaseFont carries a six-letter tag and '+' (ISO 32000-1 §9.6.4), which readers use to tell it apart.
    regular: new FontMetrics(await doc.embedFont(fonts.regular, { subset: true, customName: 'VTSREG+LiberationSerif' }), REGULAR),
    bold: new FontMetrics(await doc.embedFont(fonts.bold, { subset: true, customName: 'VTSBLD+LiberationSerif-Bold' }), BOLD),
  };
  const pages: PDFPage[] = [];
  const newPage = (): PDFPage => {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    page.node.setFontDictionary(PDFName.of(REGULAR.slice(1)), faces.regular.font.ref);
    page.node.setFontDictionary(PDFName.of(BOLD.slice(1)), faces.bold.font.ref);
    pages.push(page);
    return page;
  };
  const flush = (page: PDFPage, content: PageContent): void => {
    page.node.addContentStream(doc.context.register(doc.context.flateStream(content.toString())));
  };

  const total = req.rows.length;
  control.progress(0, total);
  const cover = new PageContent();
  drawCover(cover, faces, req, title);
  flush(newPage(), cover);

  const columns = registerColumns(req.kind);
  const xs = columnEdges(columns.map((c) => c.widthMm * PT_PER_MM));
  const header = columns.map((c, i) => faces.bold.wrap(c.title, cellWidth(xs, i), BODY_SIZE));
  const headerH = Math.max(...header.map((lines) => lines.length)) * LINE_H + 2 * PAD;
  const prepare = rowPreparer(req.kind);

  let content = new PageContent();
  let y = 0;
  let tableTop = 0;
  let tablePage: PDFPage | undefined;
  const startTablePage = (first: boolean): void => {
    tablePage = newPage();
    content = new PageContent();
    y = TOP;
    if (first) y = drawTableHeading(content, faces, title, req.filterNote);
    tableTop = y;
    drawRow(content, faces.bold, xs, header, y, 0, Infinity);
    content.line(LEFT, y, RIGHT, y, 0.6);
    y -= headerH;
    content.line(LEFT, y, RIGHT, y, 0.6);
  };
  const endTablePage = async (): Promise<void> => {
    for (const x of xs) content.line(x, tableTop, x, y, 0.6);
    if (tablePage) flush(tablePage, content);
    throwIfCancelled(control.signal);
    // Let the event loop run so a `jobs.cancel` call can arrive between pages.
    await nextTick();
    throwIfCancelled(control.signal);
  };

  startTablePage(true);
  for (let r = 0; r < total; r++) {
    const source = req.rows[r];
    if (source === undefined) continue;
    const row = prepare(source);
    const lines = row.cells.map((text, i) => faces.regular.wrap(text, cellWidth(xs, i), BODY_SIZE));
    const lineCount = Math.max(...lines.map((l) => l.length));
    let from = 0;
    while (from < lineCount) {
      const room = linesThatFit(y);
      const rest = lineCount - from;
      // Move a row that fits on a page to the next page instead of splitting it; split only taller rows.
      const atTop = y === tableTop - headerH;
      if (!atTop && (room < 1 || (room < rest && rest <= linesThatFit(TOP - headerH)))) {
        await endTablePage();
        startTablePage(false);
        continue;
      }
      // At the top of a page at least one line is drawn, so the loop always moves on.
      const take = Math.max(1, Math.min(room, rest));
      drawRow(content, faces.regular, xs, lines, y, from, take, row.cancelled ? strikeLimit(lines.length) : 0);
      from += take;
      y -= take * LINE_H + 2 * PAD;
      content.line(LEFT, y, RIGHT, y, 0.4);
    }
    if ((r + 1) % ROWS_PER_CHECK === 0) {
      throwIfCancelled(control.signal);
      control.progress(r + 1, total);
    }
  }
  await endTablePage();
  numberPages(doc, pages.slice(1), faces.regular);
  control.progress(total, total);
  const bytes = await doc.save({ objectsPerTick: 200 });
  throwIfCancelled(control.signal);
  return bytes;
}

/** Text lines of one row that fit between `top` and the bottom margin. */
function linesThatFit(top: number): number {
  return Math.floor((top - BOTTOM - 2 * PAD) / LINE_H);
}

/** X positions of the column edges, left to right (columns + 1 values). */
function columnEdges(widths: number[]): number[] {
  const edges = [LEFT];
  for (const w of widths) edges.push((edges.at(-1) ?? LEFT) + w);
  return edges;
}

function cellWidth(xs: number[], i: number): number {
  return (xs[i + 1] ?? RIGHT) - (xs[i] ?? LEFT) - 2 * PAD;
}

/** How many cells of a cancelled row are struck through: all but "Ghi chú", whose mark must stay readable. */
function strikeLimit(cellCount: number): number {
  return cellCount - 1;
}

/**
 * Draws lines [from, from + count) of each cell with the row's top at `top`. The first `strikeCells` cells get a
 * line through every text line (a cancelled entry).
 */
function drawRow(
  content: PageContent,
  face: FontMetrics,
  xs: number[],
  cells: string[][],
  top: number,
  from: number,
  count: number,
  strikeCells = 0,
): void {
  cells.forEach((lines, i) => {
    const x = (xs[i] ?? LEFT) + PAD;
    lines.slice(from, from + count).forEach((line, k) => {
      if (line === '') return;
      const baseline = top - PAD - ASCENT - k * LINE_H;
      content.show(face.key, BODY_SIZE, x, baseline, face.hex(line));
      if (i < strikeCells) content.line(x, baseline + 0.3 * BODY_SIZE, x + face.width(line, BODY_SIZE), baseline + 0.3 * BODY_SIZE, 0.5);
    });
  });
}

function centred(content: PageContent, face: FontMetrics, size: number, text: string, y: number): void {
  content.show(face.key, size, (LEFT + RIGHT - face.width(text, size)) / 2, y, face.hex(text));
}

/** The cover: unit name at the top, then title, filter note, year, span of dates and numbers, quyển số. */
function drawCover(content: PageContent, faces: Faces, req: RegisterReportRequest, title: string): void {
  let y = TOP - 20;
  const unit = req.unitName.trim() === '' ? '……………………………' : req.unitName.normalize('NFC').toUpperCase();
  for (const line of faces.bold.wrap(unit, 120 * PT_PER_MM, 13)) {
    centred(content, faces.bold, 13, line, y);
    y -= 17;
  }
  y = PAGE_H * 0.62;
  centred(content, faces.bold, 26, title, y);
  y -= 26;
  for (const line of noteLines(faces, req.filterNote, 12)) {
    centred(content, faces.regular, 12, line, y);
    y -= 15;
  }
  y -= 20;
  for (const line of coverLines(req.year, registerSpan(req.kind, req.rows))) {
    centred(content, faces.regular, 15, line, y);
    y -= 24;
  }
}

function noteLines(faces: Faces, note: string, size: number): string[] {
  const trimmed = note.normalize('NFC').trim();
  return trimmed === '' ? [] : faces.regular.wrap(trimmed, RIGHT - LEFT - 40, size);
}

/** Title (and the filter note, when there is one) above the table on its first page; returns the table's top. */
function drawTableHeading(content: PageContent, faces: Faces, title: string, filterNote: string): number {
  let y = TOP - 12;
  centred(content, faces.bold, 13, title, y);
  y -= 15;
  for (const line of noteLines(faces, filterNote, 10)) {
    centred(content, faces.regular, 10, line, y);
    y -= 12;
  }
  return y - 6;
}

/** "Trang k/N" at the foot of every table page, added as a second small stream once N is known. */
function numberPages(doc: PDFDocument, pages: PDFPage[], face: FontMetrics): void {
  pages.forEach((page, i) => {
    const content = new PageContent();
    const text = `Trang ${i + 1}/${pages.length}`;
    content.show(REGULAR, 9, (LEFT + RIGHT - face.width(text, 9)) / 2, BOTTOM / 2, face.hex(text));
    page.node.addContentStream(doc.context.register(doc.context.flateStream(content.toString())));
  });
}
