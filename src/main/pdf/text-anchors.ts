/**
 * Where the number, the date and the signer's name sit on a draft, from pdf.js text positions (Art. 11.1 step
 * "Chuẩn bị": the number and date fields are auto-placed at the "Số:" and date lines). pdfjs-dist 6 no longer
 * has the isEvalSupported option (font code is never compiled with eval since the CVE-2024-4367 fix).
 */
import type { Rect } from './appearance';

export interface TextItem {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Anchors {
  /** Right of "Số:", up to the notation ("/QĐ-UBND"). */
  number: Rect & { page: number };
  /** The place-and-date line; `prefix` is the place name written before "ngày". */
  date: Rect & { page: number; prefix: string };
  /** Box between the position line and the signer's name on the last page, when the name was found. */
  signature: (Rect & { page: number }) | null;
}

/** Text items of every page (page index from 0). */
export async function textItems(bytes: Uint8Array): Promise<TextItem[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const out: TextItem[] = [];
    for (let p = 1; p <= doc.numPages; p += 1) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const t = item.transform as number[];
        out.push({ page: p - 1, str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, width: item.width, height: Math.abs(t[3] ?? item.height) });
      }
    }
    return out;
  } finally {
    await task.destroy();
  }
}

/**
 * Find the anchors. Falls back to the NĐ 30 Phụ lục I positions on page 1 (number under the issuer's name,
 * date top right) when the draft has no such text.
 */
export function findAnchors(items: TextItem[], signerName: string | null, lastPage: number): Anchors {
  const so = items.find((i) => i.page === 0 && /^Số\s*:/.test(i.str.trim()));
  const notation = so ? items.find((i) => i.page === 0 && Math.abs(i.y - so.y) < 2 && i.x > so.x && i.str.trim().startsWith('/')) : undefined;
  const soEnd = so ? so.x + so.width + 2 : 125;
  const number = so
    ? { page: 0, x: soEnd, y: so.y - 3, width: Math.max(24, (notation ? notation.x : soEnd + 60) - soEnd - 1), height: so.height + 5 }
    : { page: 0, x: 125, y: 742, width: 40, height: 17 };
  const dateItem = items.find((i) => i.page === 0 && /ngày/.test(i.str) && /tháng/.test(i.str));
  const date = dateItem
    ? { page: 0, x: dateItem.x, y: dateItem.y - 3, width: dateItem.width + 30, height: dateItem.height + 5, prefix: dateItem.str.slice(0, dateItem.str.indexOf('ngày')) }
    : { page: 0, x: 330, y: 742, width: 240, height: 17, prefix: '' };
  const name = signerName ? items.filter((i) => i.page === lastPage && i.str.includes(signerName)).pop() : undefined;
  const signature = name ? { page: lastPage, x: name.x + name.width / 2 - 60, y: name.y + name.height + 4, width: 120, height: 60 } : null;
  return { number, date, signature };
}
