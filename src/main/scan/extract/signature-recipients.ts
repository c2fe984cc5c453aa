/**
 * Boxes 7 (thẩm quyền, chức vụ, họ tên người ký) and 9 (Nơi nhận) of NĐ 30 Phụ lục I: the signature block at the
 * bottom right, which starts on the line of "Nơi nhận:" at the bottom left. Competence lines (TM., KT., TL., TUQ.;
 * Phụ lục I, I.7) are kept apart from the signer's own title; the name is the title-case line under the signature.
 */
import { type Line, unionBox } from './layout';
import { cleanOcrText, fold, freeTextFactor, isCapitals, looksLikeName, ocrFactor, stripListItem } from './text-rules';
import { capConfidence, notFound, type Finding } from './finding';

const COMPETENCE = /^(TM|KT|TL|TUQ)\s*[.,]\s*/u;
// Titles that sign documents (Phụ lục I, I.7), exactly as printed; a position that does not start with one of them —
// including one OCR read with a wrong diacritic, "BÔ TRƯỞNG" — is doubted.
const TITLES = ['CHỦ TỊCH', 'GIÁM ĐỐC', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'CHÁNH VĂN PHÒNG', 'VỤ TRƯỞNG', 'CỤC TRƯỞNG', 'TỔNG CỤC TRƯỞNG', 'TRƯỞNG BAN', 'TRƯỞNG PHÒNG', 'CHÁNH THANH TRA', 'HIỆU TRƯỞNG', 'VIỆN TRƯỞNG', 'CHI CỤC TRƯỞNG', 'TRƯỞNG ĐOÀN', 'BÍ THƯ', 'KẾ TOÁN TRƯỞNG', 'GIÁM ĐỐC SỞ', 'CHÁNH ÁN', 'VIỆN TRƯỞNG'];
function knownTitle(position: string): boolean {
  const p = position.replace(/^(Q\.|PHÓ)\s*/u, '').replace(/^(Q\.|PHÓ)\s*/u, '');
  return TITLES.some((t) => p === t || p.startsWith(`${t} `));
}

export interface SignatureFinding {
  signerName: Finding<string>;
  signerPosition: Finding<string>;
  competence: string[];
  recipients: Finding<string[]>;
}

/** Signature block and recipients, on the page that has "Nơi nhận:" (else the last page with text). */
export function findSignature(lines: readonly Line[], excluded: (l: Line) => boolean): SignatureFinding {
  const usable = lines.filter((l) => !excluded(l));
  const label = [...usable].reverse().find((l) => /^noi nhan\b/u.test(fold(l.text)));
  const page = label?.page ?? Math.max(-1, ...usable.map((l) => l.page));
  // Without "Nơi nhận:" the block is found from below: the lowest name-like line on the right and what is above it.
  const lowestName = [...usable].reverse().find((l) => l.page === page && l.cx > 0.52 && l.y0 > 0.3 && looksLikeName(cleanOcrText(l.text)));
  const top = label ? label.y0 - 0.012 : (lowestName?.y0 ?? 1) - 0.16;
  const block = usable.filter((l) => l.page === page && l.y0 >= top && l.cx > 0.52);
  const caps: Line[] = [];
  let i = 0;
  for (; i < block.length && isCapitals(cleanOcrText((block[i] as Line).text)); i += 1) caps.push(block[i] as Line);
  const competence = caps.filter((l) => COMPETENCE.test(cleanOcrText(l.text))).map((l) => cleanOcrText(l.text));
  // Letters of the seal's ring read as capitals ("Ế", "Ẫ") are not part of the title.
  const own = caps.filter((l) => !COMPETENCE.test(cleanOcrText(l.text)) && l.text.replace(/[^\p{L}]/gu, '').length >= 3);
  let signerPosition: Finding<string> = notFound('', 'không thấy chức vụ người ký');
  if (own.length > 0) {
    const value = cleanOcrText(own.map((l) => l.text).join(' ')).replace(/(\s\S)+$/u, '');
    signerPosition = { value, confidence: ocrFactor(Math.min(...own.map((l) => l.minConf))), box: { page, ...unionBox(own) }, warnings: [] };
    if (!knownTitle(value)) signerPosition = capConfidence(signerPosition, 0.6, 'chức vụ người ký không giống chức danh thường gặp');
  }
  const names = block.slice(i).filter((l) => looksLikeName(cleanOcrText(l.text).replace(/[.,]$/u, '')));
  const nameLine = names[names.length - 1];
  let signerName: Finding<string> = notFound('', 'không đọc được họ tên người ký');
  if (nameLine) {
    // A name has no cross-check, and the seal often touches it (Phụ lục I, I.8a): trusted only when OCR was sure of every letter.
    signerName = { value: cleanOcrText(nameLine.text).replace(/[.,]$/u, ''), confidence: freeTextFactor(nameLine.minConf), box: { page, x0: nameLine.x0, y0: nameLine.y0, x1: nameLine.x1, y1: nameLine.y1 }, warnings: [] };
    // Seal ink over the signature block: a garbled line between the title and the name makes the name doubtful.
    const between = block.slice(i).filter((l) => l.y0 < nameLine.y0 && l !== nameLine);
    if (between.some((l) => l.y1 > nameLine.y0 - nameLine.h * 0.3)) signerName = capConfidence(signerName, 0.7, 'dấu đỏ đè lên họ tên người ký');
  }
  return { signerName, signerPosition, competence, recipients: findRecipients(usable, label) };
}

function findRecipients(lines: readonly Line[], label: Line | undefined): Finding<string[]> {
  if (!label) return notFound([], 'không thấy mục "Nơi nhận"');
  const items: { text: string; lines: Line[] }[] = [];
  let prev = label;
  let stop = false;
  for (const l of lines) {
    if (stop || l.page !== label.page || l.y0 <= label.y0 + 0.002 || l.cx > 0.5 || l.x0 > label.x0 + 0.1) continue;
    if (l.y0 - prev.y1 > Math.max(prev.h, 0.008) * 2.5) break;
    prev = l;
    const text = cleanOcrText(l.text);
    if (/^[-+•*·.~_=]?\s*l[uư]u\b/iu.test(text)) {
      stop = true;
      continue;
    }
    const last = items[items.length - 1];
    if (/^[-+•*·~_=]/u.test(text) || !last) items.push({ text, lines: [l] });
    else {
      last.text = `${last.text} ${text}`;
      last.lines.push(l);
    }
  }
  if (items.length === 0) return notFound([], 'mục "Nơi nhận" trống');
  const all = items.flatMap((it) => it.lines);
  // Two items OCR merged into one line ("Sở Nội vụ; ~ Các phòng") are split at the ';' before a dash.
  const texts = items.flatMap((it) => it.text.split(/;\s*(?=[-+•*·~_=]\s)/u));
  let f: Finding<string[]> = { value: texts.map((t) => stripListItem(t)).filter((t) => t !== ''), confidence: freeTextFactor(Math.min(...all.map((l) => l.minConf))), box: { page: label.page, ...unionBox([label, ...all]) }, warnings: [] };
  if (!items.every((it) => /^[-+•*·~_=]/u.test(it.text))) f = capConfidence(f, 0.7, 'có dòng nơi nhận không bắt đầu bằng gạch đầu dòng');
  return f;
}
