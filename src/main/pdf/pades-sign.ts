/**
 * PAdES B-B signing as an incremental update (pdf-signing.md §1.2, §1.5 step 6): the original bytes stay an
 * exact prefix; a /Sig dictionary with /SubFilter /ETSI.CAdES.detached, a ByteRange placeholder of fixed width
 * and a /Contents hole sized from the real certificate chain; then the ByteRange is patched in place, the two
 * ranges hashed, the CMS built by the token and written into the hole. Fails loudly if the CMS does not fit.
 * Approval signatures only (never a DocMDP P=1 certification: Art. 11.1 needs later changes).
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from '@cantoo/pdf-lib';
import { AppFailure } from '../../shared/api/result';
import { localParts } from '../../shared/util/time';
import { buildCades, estimateCadesSize } from '../signing/cms/cades-builder';
import type { KeyAlgorithm } from '../signing/token/token-session';
import { buildAppearance, embedAppearanceFont, type AppearanceSpec, type Rect } from './appearance';

/** What the PDF layer needs from a signer (a TokenSigner plus its chain). */
export interface CmsSigner {
  certDer: Uint8Array;
  chainDers: Uint8Array[];
  keyAlgorithm: KeyAlgorithm;
  sign(tbs: Uint8Array): Promise<Uint8Array>;
  /** PAdES B-T: an RFC 3161 token over the signature value (tsa/tsa-client.ts); absent = B-B. */
  timestamp?: ((signatureValue: Uint8Array) => Promise<Uint8Array>) | undefined;
}

export interface SignatureRequest {
  /** Field name (/T), unique in the document. */
  fieldName: string;
  /** Zero-based page index of the widget. */
  pageIndex: number;
  /** Widget rectangle in page coordinates; null for an invisible signature. */
  rect: Rect | null;
  appearance: AppearanceSpec;
  /** Claimed signing time, written as /M (PAdES: no signing-time attribute in the CMS). */
  signingTime: Date;
  name?: string;
  reason?: string;
  location?: string;
  /**
   * Make a certification signature with DocMDP P=2 or 3 (ISO 32000-1 §12.8.2.2). The Art. 11 flow never does:
   * its personal signature is an approval, because the number, date and seal must follow.
   */
  certify?: 2 | 3;
}

const PLACEHOLDER = '**********';

/** PDF date string in Vietnam time: D:YYYYMMDDHHmmSS+07'00'. */
export function pdfDateVN(d: Date): string {
  const p = localParts(d);
  const two = (n: number) => String(n).padStart(2, '0');
  return `D:${p.year}${two(p.month)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(p.second)}+07'00'`;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first ?? 0, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Load for an incremental update; refuses encrypted input (pdf-signing.md §1.6 item 5). */
export async function loadForUpdate(bytes: Uint8Array): Promise<PDFDocument> {
  const doc = await PDFDocument.load(bytes, { forIncrementalUpdate: true, updateMetadata: false, ignoreEncryption: true });
  if (doc.isEncrypted) throw new AppFailure('VALIDATION', 'Tệp PDF được mã hóa: không ký được');
  return doc;
}

/** Save the pending changes as one increment after `original` and check the prefix rule. */
export async function saveIncrement(doc: PDFDocument, original: Uint8Array): Promise<Uint8Array> {
  const out = await doc.save({ useObjectStreams: false });
  assertPrefix(original, out);
  return out;
}

/** Throws unless `original` is an exact byte prefix of `updated` (every change is an incremental update). */
export function assertPrefix(original: Uint8Array, updated: Uint8Array): void {
  if (updated.length < original.length || Buffer.compare(Buffer.from(updated.subarray(0, original.length)), Buffer.from(original)) !== 0) {
    throw new AppFailure('INTERNAL', '[pdf] bản cập nhật không giữ nguyên các byte gốc');
  }
}

function addSignatureField(doc: PDFDocument, req: SignatureRequest, reserve: number, apRef: PDFRef): void {
  const ctx = doc.context;
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, PDFName.of(PLACEHOLDER), PDFName.of(PLACEHOLDER), PDFName.of(PLACEHOLDER)],
    Contents: PDFHexString.of('0'.repeat(reserve * 2)),
    M: PDFString.of(pdfDateVN(req.signingTime)),
  });
  if (req.name) sig.set(PDFName.of('Name'), PDFHexString.fromText(req.name));
  if (req.reason) sig.set(PDFName.of('Reason'), PDFHexString.fromText(req.reason));
  if (req.location) sig.set(PDFName.of('Location'), PDFHexString.fromText(req.location));
  if (req.certify) {
    sig.set(PDFName.of('Reference'), ctx.obj([ctx.obj({
      Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: ctx.obj({ Type: 'TransformParams', P: req.certify, V: PDFName.of('1.2') }),
    })]));
  }
  const sigRef = ctx.register(sig);
  if (req.certify) doc.catalog.set(PDFName.of('Perms'), ctx.obj({ DocMDP: sigRef }));
  attachField(doc, req.fieldName, req.pageIndex, req.rect, sigRef, apRef);
}

/** The widget of a signature value `sigRef`, on the page's /Annots and in AcroForm /Fields, /SigFlags 3. */
function attachField(doc: PDFDocument, fieldName: string, pageIndex: number, rect: Rect | null, sigRef: PDFRef, apRef: PDFRef): void {
  const ctx = doc.context;
  const page = doc.getPage(pageIndex);
  const r = rect ?? { x: 0, y: 0, width: 0, height: 0 };
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: sigRef,
    F: 4,
    P: page.ref,
    Rect: [r.x, r.y, r.x + r.width, r.y + r.height],
    AP: ctx.obj({ N: apRef }),
  });
  const widgetRef = ctx.register(widget);
  // Not page.node.addAnnot: it "normalizes" the page (wraps /Contents in q/Q streams), a change to the page
  // that would invalidate earlier signatures in the revision analysis.
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) annots.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.addField(widgetRef);
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}

/**
 * Sign `original` and return the new file (original + one increment). Errors: VALIDATION (encrypted or
 * malformed input, field name taken), TOKEN_ABSENT / PIN_* from the signer, INTERNAL when the CMS does not fit.
 */
export async function signPdf(original: Uint8Array, req: SignatureRequest, signer: CmsSigner): Promise<Uint8Array> {
  const doc = await loadForUpdate(original);
  if (req.pageIndex < 0 || req.pageIndex >= doc.getPageCount()) throw new AppFailure('VALIDATION', `Trang ${req.pageIndex + 1} không có trong tài liệu`);
  const existing = doc.catalog.getAcroForm()?.getAllFields().map(([f]) => f.getFullyQualifiedName()) ?? [];
  if (existing.includes(req.fieldName)) throw new AppFailure('VALIDATION', `Trường chữ ký "${req.fieldName}" đã có`);
  const reserve = await estimateCadesSize({ signerCertDer: signer.certDer, chainDers: signer.chainDers, keyAlgorithm: signer.keyAlgorithm }, signer.timestamp !== undefined);
  const rect = req.rect ?? { x: 0, y: 0, width: 0, height: 0 };
  const font = req.appearance.lines && req.appearance.lines.length > 0 ? await embedAppearanceFont(doc) : null;
  const apRef = await buildAppearance(doc, rect, req.rect ? req.appearance : {}, font);
  addSignatureField(doc, req, reserve, apRef);
  const bytes = await saveIncrement(doc, original);
  return fillHole(original, bytes, reserve, async (before, after) => {
    const hash = createHash('sha256');
    hash.update(before);
    hash.update(after);
    return buildCades({ digest: new Uint8Array(hash.digest()), signerCertDer: signer.certDer, chainDers: signer.chainDers, keyAlgorithm: signer.keyAlgorithm, sign: signer.sign, timestamp: signer.timestamp });
  });
}

/**
 * Patch the ByteRange placeholder of the increment after `original`, then write `contentsFor(signed ranges)` into
 * the /Contents hole (hex). Fails loudly when the value does not fit.
 */
async function fillHole(original: Uint8Array, bytes: Uint8Array, reserve: number, contentsFor: (before: Uint8Array, after: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const hole = new TextEncoder().encode(`<${'0'.repeat(reserve * 2)}>`);
  const holeAt = indexOfBytes(bytes, hole, original.length);
  const brText = `[ 0 /${PLACEHOLDER} /${PLACEHOLDER} /${PLACEHOLDER} ]`;
  const brAt = indexOfBytes(bytes, new TextEncoder().encode(brText), original.length);
  if (holeAt < 0 || brAt < 0) throw new AppFailure('INTERNAL', '[pdf] không tìm thấy chỗ dành cho chữ ký');
  const afterHole = holeAt + hole.length;
  const byteRange = [0, holeAt, afterHole, bytes.length - afterHole];
  const brValue = `[0 ${byteRange.slice(1).join(' ')}]`;
  if (brValue.length > brText.length) throw new AppFailure('INTERNAL', '[pdf] ByteRange vượt độ rộng dự trữ');
  bytes.set(new TextEncoder().encode(brValue.padEnd(brText.length, ' ')), brAt);

  const cms = await contentsFor(bytes.subarray(0, holeAt), bytes.subarray(afterHole));
  if (cms.length > reserve) {
    throw new AppFailure('INTERNAL', `[pdf] chữ ký CMS (${cms.length} byte) lớn hơn chỗ dành sẵn (${reserve} byte)`);
  }
  bytes.set(new TextEncoder().encode(Buffer.from(cms).toString('hex').toUpperCase()), holeAt + 1);
  assertPrefix(original, bytes);
  return bytes;
}

/** Room for an RFC 3161 token with the TSA certificate (about 2 to 5 KB in practice). */
const DOC_TIMESTAMP_RESERVE = 16 * 1024;

/**
 * PAdES B-LTA (ETSI EN 319 142-1 §5.5, pdf-signing.md §3.4): append a document timestamp, an invisible signature
 * field whose value is `/Type /DocTimeStamp /SubFilter /ETSI.RFC3161` and whose /Contents is an RFC 3161 token over
 * the SHA-256 of the ByteRange bytes (`timestamp` receives those bytes: tsa-client.requestTimestamp). It proves that
 * everything before it, the signatures and their DSS, existed at genTime. Errors: as signPdf, TSA_UNAVAILABLE.
 */
export async function addDocumentTimestamp(original: Uint8Array, timestamp: (signedBytes: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const doc = await loadForUpdate(original);
  const existing = new Set(doc.catalog.getAcroForm()?.getAllFields().map(([f]) => f.getFullyQualifiedName()) ?? []);
  let fieldName = 'DauThoiGianTaiLieu';
  for (let i = 2; existing.has(fieldName); i += 1) fieldName = `DauThoiGianTaiLieu${i}`;
  const ctx = doc.context;
  const sigRef = ctx.register(ctx.obj({
    Type: 'DocTimeStamp',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.RFC3161',
    ByteRange: [0, PDFName.of(PLACEHOLDER), PDFName.of(PLACEHOLDER), PDFName.of(PLACEHOLDER)],
    Contents: PDFHexString.of('0'.repeat(DOC_TIMESTAMP_RESERVE * 2)),
  }));
  const zero = { x: 0, y: 0, width: 0, height: 0 };
  attachField(doc, fieldName, 0, null, sigRef, await buildAppearance(doc, zero, {}, null));
  const bytes = await saveIncrement(doc, original);
  return fillHole(original, bytes, DOC_TIMESTAMP_RESERVE, (before, after) => timestamp(new Uint8Array(Buffer.concat([before, after]))));
}
