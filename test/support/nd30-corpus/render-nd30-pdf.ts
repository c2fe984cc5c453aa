/**
 * Draws a generated document in the NĐ 30/2020/NĐ-CP layout (Phụ lục I, boxes 1–10; standards.md §4) as a vector
 * PDF with @cantoo/pdf-lib + fontkit and Liberation Serif 2 (Times New Roman metrics) — the "paper" the test
 * scanner (degrade-scan.ts) then rasterizes. Includes the hard cases of real paper: handwritten number and day in
 * the printed gaps, a red seal over the signature, a receiving office's ĐẾN stamp.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { PDFDocument, concatTransformationMatrix, degrees, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import { dateLine, seededRandom, type Nd30Doc } from './nd30-spec';

const LIB = '/usr/share/fonts/truetype/liberation2';
const HAND = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf';
const W = 595.28;
const H = 841.89;
const LEFT = 85; // 30 mm
const RIGHT = W - 57; // 20 mm
const LEFT_CX = 180;
const RIGHT_CX = 400;
const MID_CX = (LEFT + RIGHT) / 2;
const RED = rgb(0.85, 0.1, 0.1);
const BLUE = rgb(0.1, 0.2, 0.7);
const BLACK = rgb(0, 0, 0);

interface Fonts { regular: PDFFont; bold: PDFFont; italic: PDFFont; boldItalic: PDFFont; hand: PDFFont }

const URGENCY_MARK: Record<string, string> = { khan: 'KHẨN', 'thuong-khan': 'THƯỢNG KHẨN', 'hoa-toc': 'HỎA TỐC' };
const SECRECY_MARK: Record<string, string> = { mat: 'MẬT', 'toi-mat': 'TỐI MẬT', 'tuyet-mat': 'TUYỆT MẬT' };

class Pen {
  readonly page: PDFPage;
  readonly fonts: Fonts;
  constructor(page: PDFPage, fonts: Fonts) {
    this.page = page;
    this.fonts = fonts;
  }
  /** Text whose top is `top` points below the page top; centred on cx, or starting at x. */
  text(s: string, at: { cx?: number; x?: number; top: number }, font: PDFFont, size: number, color: RGB = BLACK): { x: number; width: number } {
    const width = font.widthOfTextAtSize(s, size);
    const x = at.cx !== undefined ? at.cx - width / 2 : (at.x ?? LEFT);
    this.page.drawText(s, { x, y: H - at.top - size * 0.8, size, font, color });
    return { x, width };
  }
  rule(x0: number, x1: number, top: number): void {
    this.page.drawLine({ start: { x: x0, y: H - top }, end: { x: x1, y: H - top }, thickness: 0.6, color: BLACK });
  }
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && font.widthOfTextAtSize(next, size) > maxWidth) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

function loadFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const f = (path: string): Promise<PDFFont> => doc.embedFont(readFileSync(path), { subset: true });
  return Promise.all([f(`${LIB}/LiberationSerif-Regular.ttf`), f(`${LIB}/LiberationSerif-Bold.ttf`), f(`${LIB}/LiberationSerif-Italic.ttf`), f(`${LIB}/LiberationSerif-BoldItalic.ttf`), f(HAND)])
    .then(([regular, bold, italic, boldItalic, hand]) => ({ regular, bold, italic, boldItalic, hand }) as Fonts);
}

/** Handwritten-looking digits: oblique sans, blue ink, a little larger and tilted, like a pen in a printed gap. */
function handwrite(pen: Pen, digits: string, x: number, top: number, rnd: () => number): void {
  const size = 15 + rnd() * 3;
  pen.page.drawText(digits, { x, y: H - top - 12, size, font: pen.fonts.hand, color: BLUE, rotate: degrees((rnd() - 0.5) * 10) });
}

function drawHeader(pen: Pen, d: Nd30Doc, rnd: () => number): number {
  const { fonts } = pen;
  let top = 57;
  d.agency.header.forEach((line, i) => {
    pen.text(line, { cx: LEFT_CX, top }, d.agency.bold[i] ? fonts.bold : fonts.regular, 13);
    top += 16;
  });
  pen.rule(LEFT_CX - 30, LEFT_CX + 30, top + 1);
  pen.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { cx: RIGHT_CX, top: 57 }, fonts.bold, 12);
  const motto = pen.text('Độc lập - Tự do - Hạnh phúc', { cx: RIGHT_CX, top: 73 }, fonts.bold, 13);
  pen.rule(motto.x, motto.x + motto.width, 89);
  const lineTop = Math.max(top + 12, 100);
  const [num, notation] = d.codeNotation.split('/') as [string, string];
  if (d.degrade.handwritten) {
    const label = pen.text('Số:', { x: LEFT_CX - 60, top: lineTop }, fonts.regular, 13);
    const gapX = label.x + label.width + 4;
    pen.text(`/${notation}`, { x: gapX + 12 * num.length + 8, top: lineTop }, fonts.regular, 13);
    handwrite(pen, num, gapX + 4, lineTop - 3, rnd);
  } else pen.text(`Số: ${d.codeNotation}`, { cx: LEFT_CX, top: lineTop }, fonts.regular, 13);
  if (d.degrade.handwritten) {
    const line = pen.text(dateLine(d, false), { cx: RIGHT_CX, top: lineTop }, fonts.italic, 13);
    const before = fonts.italic.widthOfTextAtSize(`${d.agency.place}, ngày `, 13);
    handwrite(pen, String(d.day).padStart(2, '0'), line.x + before, lineTop - 3, rnd);
  } else pen.text(dateLine(d), { cx: RIGHT_CX, top: lineTop }, fonts.italic, 13);
  let below = lineTop + 18;
  if (!d.type.title) {
    for (const [i, l] of wrap(`V/v ${d.abstract}`, fonts.regular, 12, 180).entries()) pen.text(l, { cx: LEFT_CX, top: below + i * 14 }, fonts.regular, 12);
    below += 14 * wrap(`V/v ${d.abstract}`, fonts.regular, 12, 180).length;
  }
  for (const mark of [SECRECY_MARK[d.secrecy], URGENCY_MARK[d.urgency]]) {
    if (!mark) continue;
    const t = pen.text(mark, { cx: LEFT_CX, top: below + 6 }, fonts.bold, 13, RED);
    pen.page.drawRectangle({ x: t.x - 4, y: H - below - 6 - 16, width: t.width + 8, height: 18, borderColor: RED, borderWidth: 1 });
    below += 26;
  }
  return below + 10;
}

function drawBody(pen: Pen, d: Nd30Doc, top: number): number {
  const { fonts } = pen;
  if (d.type.title) {
    pen.text(d.type.title, { cx: MID_CX, top }, fonts.bold, 14);
    top += 18;
    for (const l of wrap(d.abstract, fonts.bold, 14, 360)) {
      pen.text(l, { cx: MID_CX, top }, fonts.bold, 14);
      top += 17;
    }
    pen.rule(MID_CX - 40, MID_CX + 40, top + 2);
    top += 20;
  } else {
    pen.text('Kính gửi: Các cơ quan, đơn vị liên quan.', { cx: MID_CX, top }, fonts.regular, 14);
    top += 26;
  }
  for (const para of d.body) {
    wrap(para, fonts.regular, 13, RIGHT - LEFT - 20).forEach((l, i) => {
      pen.text(l, { x: LEFT + (i === 0 ? 20 : 0), top }, fonts.regular, 13);
      top += 17;
    });
    top += 4;
  }
  return top + 14;
}

function drawSeal(pen: Pen, cx: number, cy: number, name: string): void {
  const { page, fonts } = pen;
  const y = H - cy;
  page.drawCircle({ x: cx, y, size: 38, borderColor: RED, borderWidth: 2.2, opacity: 0, borderOpacity: 0.85 });
  page.drawCircle({ x: cx, y, size: 27, borderColor: RED, borderWidth: 1, opacity: 0, borderOpacity: 0.85 });
  const chars = [...name];
  chars.forEach((ch, i) => {
    const a = Math.PI * (0.85 - (1.7 * i) / Math.max(1, chars.length - 1));
    const x = cx + 32 * Math.cos(a) - 2.5;
    const yy = y + 32 * Math.sin(a) - 2.5;
    page.drawText(ch, { x, y: yy, size: 7, font: fonts.bold, color: RED, opacity: 0.85, rotate: degrees(((a - Math.PI / 2) * 180) / Math.PI) });
  });
  page.drawSvgPath('M 0 -10 L 3 -3 L 10 -3 L 4 2 L 6 10 L 0 5 L -6 10 L -4 2 L -10 -3 L -3 -3 Z', { x: cx, y, color: RED, opacity: 0.85, scale: 1.2 });
}

function drawSignature(pen: Pen, d: Nd30Doc, top: number, rnd: () => number): void {
  const { fonts } = pen;
  pen.text('Nơi nhận:', { x: LEFT, top }, fonts.boldItalic, 12);
  let y = top + 16;
  d.recipients.forEach((r, i) => {
    pen.text(`- ${r}${i === d.recipients.length - 1 ? ';' : ';'}`, { x: LEFT, top: y }, fonts.regular, 11);
    y += 13;
  });
  pen.text('- Lưu: VT.', { x: LEFT, top: y }, fonts.regular, 11);
  let t = top;
  for (const line of [...d.competence, d.position]) {
    pen.text(line, { cx: RIGHT_CX, top: t }, fonts.bold, 13);
    t += 16;
  }
  const sigTop = t + 8;
  pen.page.drawSvgPath(`M 0 0 C 15 -25 30 20 45 -5 S 70 -20 85 5 C 90 12 60 15 ${40 + rnd() * 20} 0`, { x: RIGHT_CX - 40, y: H - sigTop - 30, borderColor: BLUE, borderWidth: 1.6 });
  if (d.degrade.seal) drawSeal(pen, RIGHT_CX - 30, sigTop + 26, d.agency.header[d.agency.header.length - 1] ?? '');
  pen.text(d.signerName, { cx: RIGHT_CX, top: sigTop + 72 }, fonts.bold, 13);
}

/** A receiving office's ĐẾN register stamp (Phụ lục IV: 35×50 mm), tilted, in red, over the upper half. */
function drawDenStamp(pen: Pen, rnd: () => number): void {
  const { page, fonts } = pen;
  const spots = [{ x: 300, top: 120 }, { x: 90, top: 150 }, { x: 340, top: 180 }];
  const spot = spots[Math.floor(rnd() * spots.length)] as { x: number; top: number };
  const rot = degrees((rnd() - 0.5) * 6);
  const y = H - spot.top - 95;
  page.drawRectangle({ x: spot.x, y, width: 142, height: 95, borderColor: RED, borderWidth: 1.4, rotate: rot, opacity: 0, borderOpacity: 0.9 });
  const lines = ['VĂN PHÒNG UBND TỈNH', 'ĐẾN', `Số: ${100 + Math.floor(rnd() * 900)}`, `Ngày: ${1 + Math.floor(rnd() * 28)}/${1 + Math.floor(rnd() * 12)}/2026`, 'Chuyển: ..........'];
  lines.forEach((l, i) => page.drawText(l, { x: spot.x + 8, y: y + 80 - i * 17, size: i === 1 ? 14 : 10, font: fonts.bold, color: RED, opacity: 0.9, rotate: rot }));
}

/** The vector PDF of one document (one page, plus an empty back page when asked). */
export async function renderNd30Pdf(d: Nd30Doc): Promise<Uint8Array> {
  const rnd = seededRandom([...d.id].reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
  const doc = await PDFDocument.create();
  const fonts = await loadFonts(doc);
  const page = doc.addPage([W, H]);
  // Skew of the sheet on the scanner glass: the whole page turned a little around its centre.
  const a = (d.degrade.skewDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(cos, sin, -sin, cos, W / 2 - cos * (W / 2) + sin * (H / 2), H / 2 - sin * (W / 2) - cos * (H / 2)));
  const pen = new Pen(page, fonts);
  const afterHeader = drawHeader(pen, d, rnd);
  const afterBody = drawBody(pen, d, Math.max(afterHeader, 190));
  drawSignature(pen, d, afterBody, rnd);
  if (d.degrade.denStamp) drawDenStamp(pen, rnd);
  page.pushOperators(popGraphicsState());
  if (d.degrade.blankBack) doc.addPage([W, H]);
  return doc.save();
}
