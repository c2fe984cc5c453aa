/**
 * What changed after a signature (pdf-signing.md §8: ISA, shadow hide/replace/hide-and-replace, EAA, SSA).
 * The resolved objects of the signed revision are compared with those of the latest one, through the xref
 * (xref-only changes, header mismatches and freed objects included). Allowed: new signature fields with their
 * signature; form fill of fields that existed and were unlocked when signed, with appearances inside their
 * rectangles; DSS/timestamps; annotations only under DocMDP P=3. DocMDP and FieldMDP are enforced.
 */
import { isDict, isName, isRef, isStream, type PdfDict, type PdfValue } from '../../pdf/parse/pdf-lexer';
import type { ParsedPdf } from '../../pdf/parse/pdf-revisions';
import { RevisionView } from '../../pdf/parse/revision-view';
import { changedKeys, describe, dictOf, referencedNumbers, sameStreamData, sameValue, valueText } from './pdf-values';
import { walkFields } from './signature-structure';
import { drawnObjects, otherRoles } from './signed-closure';
import { owningField } from './sig-widgets';
import { checkOverlays, visibleRect, type Overlay } from './overlay-rule';

export interface ChangeReport {
  allowed: string[];
  disallowed: string[];
  /** True when the allowed changes include more than added signatures (form fill, annotations). */
  substantive: boolean;
}

export interface Locks {
  /** DocMDP P of a certification signature made at or before this revision, or null. */
  docMdp: number | null;
  /** Fully qualified names of fields locked (FieldMDP / SigFieldLock); 'all' locks every field. */
  fields: Set<string> | 'all';
}

interface FieldInfo { name: string; ft: string | null; ff: number; dict: PdfDict }

function refsOf(view: RevisionView, v: PdfValue | undefined): number[] {
  const arr = view.resolve(v);
  return Array.isArray(arr) ? arr.flatMap((x) => (isRef(x) ? [x.num] : [])) : [];
}

/** The signature field behind annotation/field `d` (its own or inherited /FT /Sig), or null. */
function sigField(view: RevisionView, num: number, d: PdfDict | null): PdfDict | null {
  if (!d) return null;
  const owner = owningField(view, num, d);
  return owner.ft === 'Sig' ? owner.dict : null;
}

/**
 * A signature widget with a value. Every such value is found and judged by findSignatures (issue 6, class 2), so
 * the widget itself is an allowed addition; whether its signature verifies decides the document's verdict.
 */
function isSignedSigField(view: RevisionView, num: number, d: PdfDict | null): boolean {
  const f = sigField(view, num, d);
  const v = f ? view.resolve(f.map.get('V')) : null;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && v.kind === 'dict' && v.map.has('ByteRange') && v.map.has('Contents');
}

/** An unsigned signature field that draws nothing (no /AP, or an empty /N stream): harmless, unlike SSA widgets. */
function isInvisibleEmptySigField(view: RevisionView, bytes: Uint8Array, num: number, d: PdfDict | null): boolean {
  const f = sigField(view, num, d);
  if (!d || !f || f.map.has('V')) return false;
  return visibleRect(view, d, bytes) === null;
}

/** Compare revision `signedIndex` with the latest revision. */
export function analyseChanges(pdf: ParsedPdf, signedIndex: number, locks: Locks): ChangeReport {
  const report: ChangeReport = { allowed: [], disallowed: [], substantive: false };
  const last = pdf.revisions[pdf.revisions.length - 1];
  const signed = pdf.revisions[signedIndex];
  if (!last || !signed || last.index === signed.index) return report;
  const bytes = pdf.bytes;
  for (const r of pdf.revisions.slice(signedIndex + 1)) {
    if (r.trailer.map.has('__broken')) report.disallowed.push(`bản sửa đổi thứ ${r.index + 1} (sau khi ký) có bảng xref hỏng, phải dựng lại`);
  }
  const vS = new RevisionView(pdf, signed);
  const vF = new RevisionView(pdf, last);
  const rootS = signed.trailer.map.get('Root');
  const rootF = last.trailer.map.get('Root');
  if (!isRef(rootS) || !isRef(rootF) || rootS.num !== rootF.num) report.disallowed.push('gốc tài liệu (/Root) bị thay thế sau khi ký');
  // Encryption added or changed afterwards would make viewers decrypt every string and stream differently.
  if (!sameValue(signed.trailer.map.get('Encrypt') ?? null, last.trailer.map.get('Encrypt') ?? null, pdf.bytes)) {
    report.disallowed.push('mã hóa tài liệu (/Encrypt trong trailer) bị thêm hoặc thay đổi sau khi ký');
  }

  // Roles of objects in the signed revision.
  const fields = new Map<number, FieldInfo>();
  const apOwner = new Map<number, number>();
  for (const f of walkFields(vS)) {
    if (f.num === null) continue;
    fields.set(f.num, f);
    const kids = refsOf(vS, f.dict.map.get('Kids'));
    for (const k of kids) { const kd = vS.dict({ kind: 'ref', num: k, gen: 0 }); if (kd) fields.set(k, { ...f, dict: kd }); }
  }
  for (const [num, f] of fields) {
    const ap = vS.dict(f.dict.map.get('AP'));
    for (const key of ['N', 'D', 'R']) {
      const n = ap?.map.get(key);
      if (isRef(n)) apOwner.set(n.num, num);
      const nd = vS.dict(n);
      if (nd && !isStream(vS.resolve(n))) for (const s of nd.map.values()) if (isRef(s)) apOwner.set(s.num, num);
    }
  }
  const pageNums = new Set(vS.pages().map((p) => p.num));
  const catalogNum = isRef(rootS) ? rootS.num : -1;
  const acroRef = vS.catalog()?.map.get('AcroForm');
  const acroNum = isRef(acroRef) ? acroRef.num : -1;
  const fieldsArr = vS.dict(acroRef)?.map.get('Fields');
  const fieldsArrNum = isRef(fieldsArr) ? fieldsArr.num : -1;

  const infoRef = signed.trailer.map.get('Info');
  const infoNum = isRef(infoRef) ? infoRef.num : -1;
  const metaRef = vS.catalog()?.map.get('Metadata');
  const metaNum = isRef(metaRef) ? metaRef.num : -1;
  const drNums = new Set<number>();
  const dr = vS.dict(vS.dict(acroRef)?.map.get('DR'));
  for (const v of dr?.map.values() ?? []) {
    if (isRef(v)) drNums.add(v.num);
    const inner = vS.dict(v);
    for (const x of inner?.map.values() ?? []) if (isRef(x)) drNums.add(x.num);
  }
  const referenced = new Set<number>();
  for (const [num, e] of signed.xref) if (e.type !== 'free') { const o = vS.get(num); if (o) referencedNumbers(o.value, referenced); }
  referencedNumbers(signed.trailer, referenced);

  // Class 1: what the signed pages draw. Allowed-change classes below only ever cover objects outside this set,
  // except the page's own /Annots, form fill of unlocked fields and signing of existing signature fields.
  const drawn = drawnObjects(vS);
  const overlays: Overlay[] = [];
  const annotArrayPage = new Map(vS.pages().flatMap((p) => { const a = p.dict.map.get('Annots'); return isRef(a) ? [[a.num, p.num] as const] : []; }));
  const annotArrays = new Set(annotArrayPage.keys());
  const widgetPage = new Map<number, number>();
  for (const p of vF.pages()) for (const a of refsOf(vF, p.dict.map.get('Annots'))) widgetPage.set(a, p.num);
  const overlayOf = (num: number, d: PdfDict, what: string, kind: Overlay['kind']): void => {
    const pageNum = widgetPage.get(num);
    const rect = visibleRect(vF, d, bytes);
    if (pageNum !== undefined && rect) overlays.push({ pageNum, rect, what, kind });
  };

  const newAnnots = (oldList: number[], newList: number[], where: string): void => {
    const missing = oldList.filter((n) => !newList.includes(n));
    if (missing.length > 0) report.disallowed.push(`${where}: chú thích ${missing.join(', ')} bị gỡ bỏ`);
    for (const n of newList.filter((x) => !oldList.includes(x))) {
      const d = vF.dict({ kind: 'ref', num: n, gen: 0 });
      if (d && isSignedSigField(vF, n, d)) {
        // A field the earlier signer already had in the document, at the same place, is where a signature was
        // expected (a form's "Chữ ký: ____" line): only a widget that is new or moved is judged as an overlay.
        const before = vS.dict({ kind: 'ref', num: n, gen: 0 });
        const moved = !before || !sameValue(before.map.get('Rect') ?? null, d.map.get('Rect') ?? null, bytes);
        if (moved) overlayOf(n, d, `chữ ký thêm sau (đối tượng ${n})`, 'signature');
        else if (!apInsideRect(d)) report.disallowed.push(`hình hiển thị của chữ ký (đối tượng ${n}) vượt ra ngoài khung của trường`);
        continue;
      }
      if (isInvisibleEmptySigField(vF, bytes, n, d)) continue; // reported with the field list
      const sub = d?.map.get('Subtype');
      const subName = isName(sub) ? sub.name : '?';
      if (locks.docMdp === 3 && subName !== 'Widget' && d) {
        report.allowed.push(`thêm chú thích ${subName} (đối tượng ${n}), được phép theo DocMDP P=3`);
        report.substantive = true;
        overlayOf(n, d, `chú thích ${subName} (đối tượng ${n})`, 'annotation');
      } else report.disallowed.push(`${where}: thêm chú thích ${subName} (đối tượng ${n}) không phải chữ ký hợp lệ`);
    }
  };

  const checkAcroForm = (oldD: PdfDict, newD: PdfDict): void => {
    for (const k of changedKeys(oldD, newD, bytes)) {
      if (k === 'Fields') checkFieldList(refsOf(vS, oldD.map.get('Fields')), refsOf(vF, newD.map.get('Fields')));
      else if (!['SigFlags', 'DR', 'DA'].includes(k)) report.disallowed.push(`AcroForm: khóa /${k} bị thay đổi`);
    }
  };
  const checkFieldList = (oldList: number[], newList: number[]): void => {
    const removed = oldList.filter((n) => !newList.includes(n));
    if (removed.length > 0) report.disallowed.push(`trường ${removed.join(', ')} bị gỡ khỏi biểu mẫu`);
    for (const n of newList.filter((x) => !oldList.includes(x))) {
      const d = vF.dict({ kind: 'ref', num: n, gen: 0 });
      if (isSignedSigField(vF, n, d)) report.allowed.push(`thêm trường chữ ký (đối tượng ${n})`);
      else if (isInvisibleEmptySigField(vF, bytes, n, d)) report.allowed.push(`thêm trường chữ ký trống, không hiển thị nội dung (đối tượng ${n})`);
      else report.disallowed.push(`thêm trường ${isName(d?.map.get('FT'), 'Sig') ? 'chữ ký không có chữ ký thật' : 'biểu mẫu'} (đối tượng ${n})`);
    }
  };
  const fieldLocked = (f: FieldInfo): string | null => {
    if (locks.docMdp === 1) return 'tài liệu được chứng thực không cho phép thay đổi (DocMDP P=1)';
    if (f.ff & 1) return `trường "${f.name}" chỉ đọc`;
    if (locks.fields === 'all' || locks.fields.has(f.name)) return `trường "${f.name}" đã bị khóa bởi chữ ký`;
    return null;
  };
  const apInsideRect = (d: PdfDict): boolean => {
    const rect = vF.resolve(d.map.get('Rect'));
    const ap = vF.dict(d.map.get('AP'));
    const n = ap ? vF.resolve(ap.map.get('N')) : null;
    if (!Array.isArray(rect) || !isStream(n)) return true;
    const bbox = vF.resolve(n.dict.map.get('BBox'));
    if (!Array.isArray(bbox)) return true;
    const [x1, y1, x2, y2] = rect.map(Number) as [number, number, number, number];
    const [b1, c1, b2, c2] = bbox.map(Number) as [number, number, number, number];
    return Math.abs(b2 - b1) <= Math.abs(x2 - x1) + 1 && Math.abs(c2 - c1) <= Math.abs(y2 - y1) + 1;
  };

  const nums = new Set([...signed.xref.keys(), ...last.xref.keys()]);
  for (const num of nums) {
    const eS = signed.xref.get(num);
    const eF = last.xref.get(num);
    if (JSON.stringify(eS) === JSON.stringify(eF)) continue;
    const oS = vS.get(num);
    const oF = vF.get(num);
    if (oF?.headerMismatch) { report.disallowed.push(`mục xref của đối tượng ${num} trỏ tới một đối tượng khác (số hiệu trong phần đầu không khớp)`); continue; }
    if (oS && !oF) { report.disallowed.push(`đối tượng ${num} (${describe(oS.value)}) bị xóa hoặc không còn đọc được sau khi ký`); continue; }
    if (!oS && oF) {
      if (referenced.has(num) && num !== 0) report.disallowed.push(`đối tượng ${num} đã được tham chiếu khi ký nhưng chỉ được định nghĩa sau khi ký`);
      continue;
    }
    if (!oS || !oF || sameValue(oS.value, oF.value, bytes)) continue;
    const dS = dictOf(oS.value);
    const dF = dictOf(oF.value);
    if (locks.docMdp === 1) { report.disallowed.push(`đối tượng ${num} bị thay đổi trong tài liệu chứng thực P=1`); continue; }
    const formRole = pageNums.has(num) || annotArrays.has(num) || fields.has(num) || apOwner.has(num);
    if (drawn.has(num) && !formRole) {
      // Acrobat drops the obsolete /Name of fonts and XObjects (PDF 1.0) when it saves: it draws nothing.
      const keys = dS && dF ? changedKeys(dS, dF, bytes) : [];
      if (keys.length > 0 && keys.every((k) => k === 'Name') && (!isStream(oS.value) || sameStreamData(oS.value, oF.value, bytes))) {
        report.allowed.push(`bỏ khóa /Name lỗi thời của đối tượng ${num} (không ảnh hưởng hiển thị)`);
        continue;
      }
      const roles = otherRoles(vS, num);
      report.disallowed.push(`đối tượng ${num} (${describe(oS.value)}) mà trang đã ký sử dụng bị thay đổi sau khi ký${roles.length > 0 ? ` (đối tượng này đồng thời là ${roles.join(', ')})` : ''}`);
      continue;
    }
    if (num === catalogNum && dS && dF) {
      for (const k of changedKeys(dS, dF, bytes)) {
        if (k === 'AcroForm' && isDict(dS.map.get('AcroForm')) && isDict(dF.map.get('AcroForm'))) checkAcroForm(dS.map.get('AcroForm') as PdfDict, dF.map.get('AcroForm') as PdfDict);
        else if (k === 'AcroForm' && !dS.map.has('AcroForm')) report.allowed.push('thêm biểu mẫu (AcroForm) cho chữ ký');
        else if (k === 'DSS') report.allowed.push('thêm dữ liệu kiểm tra dài hạn (DSS)');
        else if (k === 'Metadata') report.allowed.push('cập nhật siêu dữ liệu XMP (không hiển thị)');
        else report.disallowed.push(`danh mục tài liệu: khóa /${k} bị thay đổi`);
      }
    } else if (num === acroNum && dS && dF) checkAcroForm(dS, dF);
    else if (num === infoNum) report.allowed.push('cập nhật thông tin tài liệu (/Info, không hiển thị)');
    else if (num === metaNum) report.allowed.push('cập nhật siêu dữ liệu XMP (không hiển thị)');
    else if (drNums.has(num)) report.allowed.push(`cập nhật tài nguyên mặc định của biểu mẫu (/DR, đối tượng ${num})`);
    else if (num === fieldsArrNum) checkFieldList(refsOf(vS, oS.value), refsOf(vF, oF.value));
    else if (pageNums.has(num) && dS && dF) {
      for (const k of changedKeys(dS, dF, bytes)) {
        if (k === 'Annots') newAnnots(refsOf(vS, dS.map.get('Annots')), refsOf(vF, dF.map.get('Annots')), `trang (đối tượng ${num})`);
        else report.disallowed.push(`trang (đối tượng ${num}): /${k} bị thay đổi`);
      }
    } else if (annotArrays.has(num)) newAnnots(refsOf(vS, oS.value), refsOf(vF, oF.value), `danh sách chú thích ${num}`);
    else if (fields.has(num) && dS && dF) {
      const f = fields.get(num) as FieldInfo;
      const keys = changedKeys(dS, dF, bytes);
      const isSig = f.ft === 'Sig';
      // Signing an existing field may also set its /F flags (Acrobat sets Print|Locked).
      const allowedKeys = isSig ? (dS.map.has('V') ? ['AP'] : ['V', 'AP', 'F']) : ['V', 'AP', 'AS'];
      const extra = keys.filter((k) => !allowedKeys.includes(k));
      if (extra.length > 0) report.disallowed.push(`trường "${f.name}": /${extra.join(', /')} bị thay đổi sau khi ký`);
      else if (isSig) {
        if (dS.map.has('V') && keys.includes('V')) report.disallowed.push(`trường chữ ký "${f.name}" bị đổi sang chữ ký khác`);
        else if (!isSignedSigField(vF, num, dF)) report.disallowed.push(`trường chữ ký "${f.name}" hiển thị nội dung không có chữ ký hợp lệ (Sneaky Signature)`);
        else if (!apInsideRect(dF)) report.disallowed.push(`hình hiển thị của chữ ký "${f.name}" vượt ra ngoài khung của trường`);
        else report.allowed.push(`ký vào trường chữ ký có sẵn "${f.name}"`);
      } else {
        const why = fieldLocked(f);
        if (why) report.disallowed.push(`điền trường "${f.name}" không được phép: ${why}`);
        else if (!apInsideRect(dF)) report.disallowed.push(`hình hiển thị của trường "${f.name}" vượt ra ngoài khung của trường`);
        else {
          report.allowed.push(`điền trường "${f.name}": "${valueText(vS.resolve(dS.map.get('V')))}" → "${valueText(vF.resolve(dF.map.get('V')))}"`);
          report.substantive = true;
          overlayOf(num, dF, `trường "${f.name}"`, 'field');
        }
      }
    } else if (apOwner.has(num)) {
      // An appearance stream rewritten in place (same object number): the same rules as a form fill (issue 6, item 9).
      const owner = apOwner.get(num) as number;
      const f = fields.get(owner) as FieldInfo;
      const ownerF = vF.dict({ kind: 'ref', num: owner, gen: 0 });
      const why = f.ft === 'Sig' ? 'hình hiển thị của trường chữ ký bị thay đổi' : fieldLocked(f) ?? (ownerF && !apInsideRect(ownerF) ? 'hình vượt ra ngoài khung của trường' : null);
      if (why) report.disallowed.push(`hình hiển thị của trường "${f.name}" bị thay đổi: ${why}`);
      else {
        report.allowed.push(`cập nhật hình hiển thị của trường "${f.name}" (đối tượng ${num})`);
        report.substantive = true;
        if (ownerF) overlayOf(owner, ownerF, `trường "${f.name}"`, 'field');
      }
    } else report.disallowed.push(`đối tượng ${num} (${describe(oS.value)}) bị thay đổi sau khi ký`);
  }
  // Class 3: what was added or refilled must not hide what was signed (overlay-rule.ts).
  // A filled field keeps the rectangle the signer saw (the form showed the field there when it was signed, e.g. the
  // Art. 11 date field over the printed "ngày … tháng … năm"): what lies under it is listed as a warning, not a fault.
  const judged = checkOverlays(vS, overlays, (o) => o.kind === 'annotation' || o.kind === 'field');
  report.disallowed.push(...judged.disallowed.map((d) => `hình hiển thị che nội dung đã ký — ${d}`));
  report.allowed.push(...judged.warnings.map((w) => `cảnh báo: ${w}`));
  report.allowed = [...new Set(report.allowed)];
  report.disallowed = [...new Set(report.disallowed)];
  return report;
}
