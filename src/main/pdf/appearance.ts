/**
 * Appearance streams of signature widgets (NĐ 30 Phụ lục I; standards.md §4.7): an image (the signer's blue
 * signature, or the red seal at real size) and/or lines of Vietnamese text in an embedded, subset TrueType font
 * (Liberation Serif 2, metric-compatible with Times New Roman; pdf-signing.md §1.4: @cantoo/pdf-lib + fontkit 2).
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import {
  PDFName,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFRef,
} from '@cantoo/pdf-lib';

const here = dirname(fileURLToPath(import.meta.url));
const ASSET_DIRS = [join(here, '../../../assets'), join(process.cwd(), 'assets')];
const SYSTEM_FONT_DIR = '/usr/share/fonts/truetype/liberation2';

/** Find an asset file shipped under assets/ (fonts/, images/). */
export function assetPath(relative: string): string | null {
  for (const dir of ASSET_DIRS) {
    const p = join(dir, relative);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Bytes of Liberation Serif (Regular or Bold): assets/fonts first, then the Debian fonts-liberation2 copy. */
export function appearanceFontBytes(weight: 'Regular' | 'Bold' = 'Regular'): Uint8Array {
  const file = `LiberationSerif-${weight}.ttf`;
  const p = assetPath(`fonts/${file}`) ?? (existsSync(join(SYSTEM_FONT_DIR, file)) ? join(SYSTEM_FONT_DIR, file) : null);
  if (!p) throw new Error(`Không tìm thấy phông chữ ${file} (assets/fonts hoặc ${SYSTEM_FONT_DIR})`);
  return new Uint8Array(readFileSync(p));
}

/** Embed the appearance font (subset) once per document. */
export async function embedAppearanceFont(doc: PDFDocument): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(appearanceFontBytes('Regular'), { subset: true });
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AppearanceSpec {
  /** PNG bytes drawn to fill the box (aspect kept, centred). */
  image?: Uint8Array;
  /** Text lines, top to bottom, black. */
  lines?: string[];
  fontSize?: number;
}

/**
 * Build the /AP /N form XObject for a widget of `rect`'s size and return its ref. Text uses `font`; an image is
 * scaled to fit and centred.
 */
export async function buildAppearance(doc: PDFDocument, rect: Rect, spec: AppearanceSpec, font: PDFFont | null): Promise<PDFRef> {
  const ops: PDFOperator[] = [];
  const xObjects: Record<string, PDFRef> = {};
  const fonts: Record<string, PDFRef> = {};
  if (spec.image) {
    const image = await doc.embedPng(spec.image);
    const scale = Math.min(rect.width / image.width, rect.height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    xObjects.Im1 = image.ref;
    ops.push(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, (rect.width - w) / 2, (rect.height - h) / 2), drawObject('Im1'), popGraphicsState());
  }
  if (spec.lines && spec.lines.length > 0) {
    if (!font) throw new Error('text appearance needs a font');
    const size = spec.fontSize ?? 10;
    const leading = size * 1.25;
    fonts.F1 = font.ref;
    ops.push(pushGraphicsState(), setFillingGrayscaleColor(0));
    let y = rect.height - size - 1;
    for (const line of spec.lines) {
      // Right-aligned: the block sits at the top right of the page (Phụ lục I, I.8b).
      const x = Math.max(1, rect.width - font.widthOfTextAtSize(line, size) - 1);
      ops.push(beginText(), setFontAndSize('F1', size), moveText(x, y), showText(font.encodeText(line)), endText());
      y -= leading;
    }
    ops.push(popGraphicsState());
  }
  const resources = doc.context.obj({
    ...(Object.keys(fonts).length > 0 ? { Font: doc.context.obj(fonts) } : {}),
    ...(Object.keys(xObjects).length > 0 ? { XObject: doc.context.obj(xObjects) } : {}),
  });
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, rect.width, rect.height],
    Resources: resources,
  });
  stream.dict.set(PDFName.of('Matrix'), doc.context.obj([1, 0, 0, 1, 0, 0]));
  return doc.context.register(stream);
}
