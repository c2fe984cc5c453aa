/**
 * The Art. 11 issuing flow as library functions (the guided screen calls them in order):
 * 1. prepare number/date fields (number-date-fields.ts); 2. personal approval signature with the signer's blue
 * signature image between the position line and the name; 3. the clerk fills number and date; 4. organization
 * signature with the red seal over the left third of the personal image, only on the issuing date (Art. 11.2);
 * 5. text-only organization signature for separate attachments (Art. 6.2b) and electronic copies (Art. 10.4);
 * 6. self-verification before issue. Layout: NĐ 30 Phụ lục I, standards.md §4.7.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { AppFailure } from '../../shared/api/result';
import { localIsoDate, toIso8601VN } from '../../shared/util/time';
import { assetPath, type Rect } from '../pdf/appearance';
import { DATE_FIELD, hasNumberDateFields, prepareNumberDateFields } from '../pdf/number-date-fields';
import { signPdf, type CmsSigner } from '../pdf/pades-sign';
import { findAnchors, textItems } from '../pdf/text-anchors';
import { certFacts } from './cert-info';
import type { TokenSigner } from './token/token-session';
import { verifyPdf, type PdfVerification, type VerifyOptions } from './verify/verify-pdf';
import { issueAcceptance } from '../../shared/domain/verification-acceptance';

export const PERSONAL_FIELD = 'KyDuyet';
export const ORGANIZATION_FIELD = 'KySoCoQuan';
/** Real size of a 36 mm seal in points (72 pt = 25.4 mm). */
export const SEAL_SIZE_PT = (36 / 25.4) * 72;

/** A token signer plus the intermediates to embed. */
export function cmsSignerOf(signer: TokenSigner, chainDers: Uint8Array[]): CmsSigner {
  return { certDer: signer.certificate.certDer, chainDers, keyAlgorithm: signer.certificate.keyAlgorithm, sign: (tbs) => signer.sign(tbs) };
}

function defaultImage(name: string): Uint8Array {
  const p = assetPath(`images/${name}`);
  if (!p) throw new AppFailure('NOT_FOUND', `Thiếu ảnh mặc định ${name}`);
  return new Uint8Array(readFileSync(p));
}

/**
 * Step 2 (Ký duyệt): personal approval signature; prepares the number and date fields first when missing.
 * Errors: VALIDATION, TOKEN_ABSENT, PIN_*, INTERNAL.
 */
export async function signPersonal(draft: Uint8Array, signer: CmsSigner, options: { now: Date; image?: Uint8Array }): Promise<Uint8Array> {
  const prepared = (await hasNumberDateFields(draft)) ? draft : await prepareNumberDateFields(draft);
  const facts = certFacts(signer.certDer);
  const doc = await PDFDocument.load(prepared, { updateMetadata: false });
  const lastPage = doc.getPageCount() - 1;
  const anchors = findAnchors(await textItems(prepared), facts.commonName, lastPage);
  const width = doc.getPage(lastPage).getWidth();
  const rect = anchors.signature ?? { page: lastPage, x: width - 200, y: 95, width: 120, height: 60 };
  return signPdf(prepared, {
    fieldName: PERSONAL_FIELD, pageIndex: rect.page, rect, appearance: { image: options.image ?? defaultImage('signature-sample.png') },
    signingTime: options.now, name: facts.commonName, reason: 'Ký duyệt văn bản',
  }, signer);
}

/** Whether the document carries the personal signature field (then the organization signs with the seal). */
export async function hasPersonalSignature(bytes: Uint8Array): Promise<boolean> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getForm().getFields().some((f) => f.getName() === PERSONAL_FIELD);
}

/** "…ngày 05 tháng 02 năm 2026" → "2026-02-05". */
export function isoDateFromText(text: string): string | null {
  const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(text);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : null;
}

async function personalRect(bytes: Uint8Array): Promise<{ page: number; rect: Rect; issuingDate: string | null }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const form = doc.getForm();
  const dateValue = form.getFields().some((f) => f.getName() === DATE_FIELD) ? form.getTextField(DATE_FIELD).getText() ?? '' : '';
  const field = form.getFields().find((f) => f.getName() === PERSONAL_FIELD);
  if (!field) throw new AppFailure('VALIDATION', 'Văn bản chưa có chữ ký của người có thẩm quyền (Art. 11.1b)');
  const widget = field.acroField.getWidgets()[0];
  if (!widget) throw new AppFailure('VALIDATION', 'Chữ ký cá nhân không có vùng hiển thị');
  const r = widget.getRectangle();
  const pRef = widget.dict.get(PDFName.of('P'));
  const page = Math.max(0, doc.getPages().findIndex((p) => p.ref === pRef));
  return { page, rect: r, issuingDate: isoDateFromText(dateValue) };
}

/**
 * Step 4 (Ký số cơ quan): the red seal at real size over the left third of the personal signature image.
 * Refused unless today (Asia/Ho_Chi_Minh) is the issuing date written on the document (Art. 11.2).
 * Errors: VALIDATION (no personal signature, no issuing date, another date), TOKEN_ABSENT, PIN_*.
 */
export async function signOrganization(numbered: Uint8Array, signer: CmsSigner, options: { now: Date; sealImage?: Uint8Array }): Promise<Uint8Array> {
  const { page, rect, issuingDate } = await personalRect(numbered);
  if (!issuingDate) throw new AppFailure('VALIDATION', 'Văn bản chưa được cấp số và ngày ban hành (Art. 11.1c)');
  const today = localIsoDate(options.now);
  if (today !== issuingDate) {
    throw new AppFailure('VALIDATION', `Chữ ký số của cơ quan phải thực hiện đúng ngày ban hành ${issuingDate}; hôm nay là ${today} (Art. 11.2)`, { issuingDate, today });
  }
  const s = SEAL_SIZE_PT;
  const sealRect = { x: rect.x + rect.width / 3 - s, y: rect.y + rect.height / 2 - s / 2, width: s, height: s };
  const facts = certFacts(signer.certDer);
  return signPdf(numbered, {
    fieldName: ORGANIZATION_FIELD, pageIndex: page, rect: sealRect, appearance: { image: options.sealImage ?? defaultImage('seal-sample.png') },
    signingTime: options.now, name: facts.commonName, reason: 'Ký số của cơ quan, tổ chức',
  }, signer);
}

/**
 * Step 5: text-only organization signature at the top right of page 1, 10 pt, black (Phụ lục I, I.8b; copies:
 * Phần II). `firstLine` is "số và ký hiệu" for an attachment, or "hình thức sao, tên cơ quan sao" for a copy.
 */
export async function signTextOnly(file: Uint8Array, signer: CmsSigner, options: { now: Date; firstLine: string; fieldName?: string }): Promise<Uint8Array> {
  const lines = [options.firstLine, toIso8601VN(options.now)];
  const doc = await PDFDocument.load(file, { updateMetadata: false });
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  // Liberation Serif at 10 pt averages under 5.2 pt per character; the appearance right-aligns inside the box.
  const estimated = lines.reduce((m, l) => Math.max(m, l.length * 5.2), 0);
  const w = Math.min(width - 60, estimated + 8);
  const h = lines.length * 12.5 + 4;
  const rect = { x: width - 57 - w, y: height - 40 - h, width: w, height: h };
  const facts = certFacts(signer.certDer);
  return signPdf(file, {
    fieldName: options.fieldName ?? ORGANIZATION_FIELD, pageIndex: 0, rect, appearance: { lines, fontSize: 10 },
    signingTime: options.now, name: facts.commonName, reason: 'Ký số của cơ quan, tổ chức',
  }, signer);
}

/** The Vietnamese warning carried with a file signed while revocation could not be checked (issue 6 item 8). */
export const REVOCATION_UNCHECKED_WARNING = 'chưa kiểm tra được tình trạng thu hồi';

/** A self-verification result plus what it could not check. */
export type SelfCheck = PdfVerification & { warnings: string[] };

/**
 * Step 6: verify what we made; refuse to issue anything that is not valid. Offline (no OCSP/CRL reachable and
 * nothing usable in the cache) a result that is "unknown" ONLY for want of revocation data is accepted with the
 * warning "chưa kiểm tra được tình trạng thu hồi", so offices keep working when the link is down; the verdict
 * itself stays "unknown" (never called good), and revoked, invalid or any other doubt still refuses.
 * Errors: INTEGRITY.
 */
export async function selfVerify(bytes: Uint8Array, options: VerifyOptions): Promise<SelfCheck> {
  const result = await verifyPdf(bytes, options);
  const acceptance = issueAcceptance(result);
  if (acceptance === 'refused') {
    throw new AppFailure('INTEGRITY', `Tự kiểm tra không đạt: ${result.reasons.join('; ')}`, { verdict: result.verdict });
  }
  return { ...result, warnings: acceptance === 'offline' ? [REVOCATION_UNCHECKED_WARNING] : [] };
}

