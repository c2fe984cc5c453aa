/**
 * The overlay rule (issue 6, class 3; pdf-signing.md §8 "Sneaky Signature Attack", DSS PdfAnnotationOverlapCheck):
 * an appearance added or changed after a signature — a later signature's widget, a filled form field, an
 * annotation — may not hide what that signature covered.
 *
 * Decided rule, in user-space points of the page:
 * 1. A later signature's widget may cover at most 10 % of the page (a 36 mm seal is about 2 % of A4): a signature
 *    appearance is a mark, not a page.
 * 2. No glyph of the signed revision's page text may have its centre inside the new appearance, except inside the
 *    "signature block" zone: an earlier signature widget enlarged by one seal width left and right and half a seal
 *    above and below. That is the zone NĐ 30 lets the red seal overlap (the left third of the personal signature and
 *    the position/name lines next to it, Art. 11.1d); our own Art. 11 flow stays valid, a full-page cover does not.
 * 3. No image of the signed revision may be covered by 25 % or more of its area (a scanned page under a small
 *    signature stays fine; a logo or a stamp under a cover does not).
 * The verdict names the words that are hidden.
 */
import { isName, isStream, type PdfDict } from '../../pdf/parse/pdf-lexer';
import type { RevisionView } from '../../pdf/parse/revision-view';
import { drawnItems, inherited, type Box, type DrawnItem } from './content-boxes';
import { signatureWidgets } from './sig-widgets';

export interface Overlay {
  pageNum: number;
  rect: Box;
  /** What draws it, for the verdict ("chữ ký …", "trường …", "chú thích …"). */
  what: string;
  kind: 'signature' | 'field' | 'annotation';
}

/** 36 mm in points: the seal diameter of NĐ 30 practice. */
const SEAL_PT = (36 / 25.4) * 72;
const MAX_SIGNATURE_SHARE = 0.1;
const MAX_IMAGE_COVER = 0.25;

function norm(v: unknown): Box | null {
  if (!Array.isArray(v) || v.length !== 4 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) return null;
  const [a, b, c, d] = v as number[] as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

const area = (b: Box): number => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
const inside = (x: number, y: number, b: Box): boolean => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
function intersection(a: Box, b: Box): number {
  return area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);
}

/** The visible rectangle of an annotation: null when it draws nothing (no /AP /N, empty, hidden or NoView). */
export function visibleRect(view: RevisionView, annot: PdfDict, bytes: Uint8Array): Box | null {
  const flags = view.resolve(annot.map.get('F'));
  if (typeof flags === 'number' && (flags & (2 | 32)) !== 0) return null;
  const rect = norm(view.resolve(annot.map.get('Rect')));
  if (!rect || area(rect) === 0) return null;
  const ap = view.dict(annot.map.get('AP'));
  const n = ap ? view.resolve(ap.map.get('N')) : null;
  const streams = isStream(n) ? [n] : n && !Array.isArray(n) && typeof n === 'object' && n.kind === 'dict'
    ? [...n.map.values()].map((x) => view.resolve(x)).filter(isStream) : [];
  if (!streams.some((s) => /\S/.test(Buffer.from(bytes.subarray(s.dataStart, s.dataEnd)).toString('latin1')))) return null;
  return rect;
}

function pageBox(view: RevisionView, pageNum: number): Box {
  const page = view.dict({ kind: 'ref', num: pageNum, gen: 0 });
  return (page ? norm(view.resolve(inherited(view, page, 'MediaBox'))) : null) ?? [0, 0, 595, 842];
}

function signatureBlocks(view: RevisionView, pageNum: number): Box[] {
  return signatureWidgets(view).filter((w) => w.pageNum === pageNum && w.field.map.get('V') !== undefined).flatMap((w) => {
    const r = norm(view.resolve(w.widget.map.get('Rect')));
    return r ? [[r[0] - SEAL_PT, r[1] - SEAL_PT / 2, r[2] + SEAL_PT, r[3] + SEAL_PT / 2] as Box] : [];
  });
}

/** The hidden words in drawing order, with a space where one glyph does not continue the previous one. */
function quote(glyphs: DrawnItem[]): string {
  let text = '';
  let prev: DrawnItem | null = null;
  for (const g of glyphs) {
    const h = g.box[3] - g.box[1];
    if (prev && (Math.abs(g.box[1] - prev.box[1]) > h / 2 || g.box[0] - prev.box[2] > h / 3 || g.box[0] < prev.box[0])) text += ' ';
    text += g.text;
    prev = g;
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * Judge `overlays` against the content of the signed revision `signed`. Returns the violations in Vietnamese;
 * `warnOnly` overlays (annotations the certifier allowed, DocMDP P=3) come back as warnings instead.
 */
export function checkOverlays(signed: RevisionView, overlays: Overlay[], warnOnly: (o: Overlay) => boolean): { disallowed: string[]; warnings: string[] } {
  const out = { disallowed: [] as string[], warnings: [] as string[] };
  const items = new Map<number, DrawnItem[]>();
  for (const o of overlays) {
    const page = pageBox(signed, o.pageNum);
    const problems: string[] = [];
    const share = area(o.rect) / Math.max(1, area(page));
    if (o.kind === 'signature' && share > MAX_SIGNATURE_SHARE) problems.push(`hình hiển thị chiếm ${Math.round(share * 100)}% diện tích trang (chữ ký chỉ được là một dấu nhỏ)`);
    let drawn = items.get(o.pageNum);
    if (!drawn) { drawn = drawnItems(signed, o.pageNum); items.set(o.pageNum, drawn); }
    const zones = signatureBlocks(signed, o.pageNum);
    const hidden = drawn.filter((g) => {
      if (g.kind !== 'glyph') return false;
      const cx = (g.box[0] + g.box[2]) / 2;
      const cy = (g.box[1] + g.box[3]) / 2;
      return inside(cx, cy, o.rect) && !zones.some((z) => inside(cx, cy, z));
    });
    if (hidden.length > 0) problems.push(`che khuất chữ của bản đã ký: "${quote(hidden) || `${hidden.length} ký tự`}"`);
    const images = drawn.filter((g) => g.kind === 'image' && area(g.box) > 0 && intersection(g.box, o.rect) / area(g.box) >= MAX_IMAGE_COVER);
    if (images.length > 0) problems.push(`che khuất ${images.length} hình ảnh của bản đã ký`);
    if (problems.length === 0) continue;
    (warnOnly(o) ? out.warnings : out.disallowed).push(`${o.what}: ${problems.join('; ')}`);
  }
  return out;
}

/** Whether a dictionary is a widget annotation. */
export function isWidget(d: PdfDict | null): boolean {
  return d !== null && isName(d.map.get('Subtype'), 'Widget');
}
