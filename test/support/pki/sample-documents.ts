/**
 * Draft PDFs for signing tests, generated at run time: an A4 Quyết định of a commune People's Committee with
 * the "Số:" line, the place-and-date line, the signer's position and name (NĐ 30 Phụ lục I layout, simplified),
 * in Liberation Serif so the Vietnamese text is real text that pdf.js can locate.
 */
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { appearanceFontBytes } from '../../../src/main/pdf/appearance';
import { PERSONAL_NAME } from './test-pki';

export interface DraftOptions {
  pages?: number;
  /** Write an xref stream with object streams (PDF 1.5 style) instead of a classic xref table. */
  objectStreams?: boolean;
  /** Leave out the "Số:" and date lines (a separate attachment or a scanned copy). */
  plain?: boolean;
}

/** Build the draft; the last page carries the signature block. */
export async function makeDraftPdf(options: DraftOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(appearanceFontBytes('Regular'), { subset: true });
  const bold = await doc.embedFont(appearanceFontBytes('Bold'), { subset: true });
  const pages = options.pages ?? 1;
  for (let i = 0; i < pages; i += 1) {
    const page = doc.addPage([595.28, 841.89]);
    const text = (s: string, x: number, y: number, size = 13, f = regular) => page.drawText(s, { x, y, size, font: f, color: rgb(0, 0, 0) });
    if (i === 0 && !options.plain) {
      text('ỦY BAN NHÂN DÂN', 95, 790, 13, bold);
      text('XÃ THỬ NGHIỆM', 105, 774, 13, bold);
      text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 790, 12, bold);
      text('Độc lập - Tự do - Hạnh phúc', 345, 774, 13, bold);
      text('Số:', 95, 745);
      text('/QĐ-UBND', 160, 745);
      text('Thử Nghiệm, ngày      tháng      năm 2026', 330, 745, 13);
      text('QUYẾT ĐỊNH', 255, 700, 14, bold);
      text('Về việc ban hành quy chế thử nghiệm văn thư điện tử', 150, 682, 14, bold);
    }
    for (let line = 0; line < 24; line += 1) {
      text(`Điều ${line + 1}. Nội dung thử nghiệm trang ${i + 1}, dòng ${line + 1}: ủy quyền, hướng dẫn, lưu trữ.`, 85, 640 - line * 18);
    }
    if (i === pages - 1 && !options.plain) {
      text('TM. ỦY BAN NHÂN DÂN', 360, 180, 13, bold);
      text('CHỦ TỊCH', 400, 164, 13, bold);
      text(PERSONAL_NAME, 385, 80, 13, bold);
    }
  }
  return doc.save({ useObjectStreams: options.objectStreams === true, updateFieldAppearances: false });
}
