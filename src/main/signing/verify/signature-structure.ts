/**
 * Find every signature of a PDF and check its structure (pdf-signing.md §8: USF, SWA): ByteRange exactly four
 * non-negative integers, a = 0, b = the offset of "<" of this /Sig's own /Contents, c = just after its ">",
 * c + d = the end of a revision; Contents a non-empty hex string. Signature dictionaries that no field points
 * at (orphans) are reported too. Missing or malformed pieces are problems, never skipped.
 */
import { decodeTextString, isDict, isName, isRef, isString, type PdfDict, type PdfString, type PdfValue } from '../../pdf/parse/pdf-lexer';
import type { ParsedPdf } from '../../pdf/parse/pdf-revisions';
import { RevisionView } from '../../pdf/parse/revision-view';
import { signatureWidgets } from './sig-widgets';

export interface Transform {
  method: string;
  /** DocMDP P value. */
  p?: number;
  /** FieldMDP action and fields. */
  action?: string;
  fields?: string[];
}

export interface FoundSignature {
  fieldName: string;
  fieldNum: number | null;
  sigNum: number | null;
  sig: PdfDict | null;
  subFilter: string;
  byteRange: number[] | null;
  contents: PdfString | null;
  /** Index of the revision the signature covers (null when it covers none exactly). */
  revision: number | null;
  transforms: Transform[];
  /** /Lock of the signature field (SigFieldLock), as a FieldMDP-like transform. */
  lock: Transform | null;
  claimedTime: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  isDocTimeStamp: boolean;
  orphan: boolean;
  /** Structure problems in Vietnamese; any problem makes the signature invalid. */
  problems: string[];
}

function text(v: PdfValue | undefined): string | null {
  return isString(v) ? decodeTextString(v) : null;
}

function readTransforms(view: RevisionView, sig: PdfDict): Transform[] {
  const refs = view.resolve(sig.map.get('Reference'));
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((r) => {
    const d = view.dict(r);
    if (!d) return [];
    const method = view.resolve(d.map.get('TransformMethod'));
    const params = view.dict(d.map.get('TransformParams'));
    const t: Transform = { method: isName(method) ? method.name : '' };
    const p = view.resolve(params?.map.get('P'));
    if (typeof p === 'number') t.p = p;
    else if (t.method === 'DocMDP') t.p = 2; // default P is 2 (ISO 32000-1 Table 254)
    const action = view.resolve(params?.map.get('Action'));
    if (isName(action)) t.action = action.name;
    const fields = view.resolve(params?.map.get('Fields'));
    if (Array.isArray(fields)) t.fields = fields.flatMap((f) => { const s = text(view.resolve(f) ?? undefined); return s === null ? [] : [s]; });
    return [t];
  });
}

function readLock(view: RevisionView, field: PdfDict): Transform | null {
  const lock = view.dict(field.map.get('Lock'));
  if (!lock) return null;
  const action = view.resolve(lock.map.get('Action'));
  const fields = view.resolve(lock.map.get('Fields'));
  return {
    method: 'FieldMDP',
    action: isName(action) ? action.name : 'All',
    fields: Array.isArray(fields) ? fields.flatMap((f) => { const s = text(view.resolve(f) ?? undefined); return s === null ? [] : [s]; }) : [],
  };
}

/** Every terminal field of the AcroForm with its full name and inherited /FT. */
export function walkFields(view: RevisionView): Array<{ num: number | null; name: string; ft: string | null; dict: PdfDict; ff: number }> {
  const out: Array<{ num: number | null; name: string; ft: string | null; dict: PdfDict; ff: number }> = [];
  const acro = view.dict(view.catalog()?.map.get('AcroForm'));
  const seen = new Set<number>();
  const walk = (v: PdfValue, prefix: string, ft: string | null, ff: number, depth: number): void => {
    if (depth > 32) return;
    const num = isRef(v) ? v.num : null;
    if (num !== null) { if (seen.has(num)) return; seen.add(num); }
    const d = view.dict(v);
    if (!d) return;
    const t = text(view.resolve(d.map.get('T')) ?? undefined);
    const name = t === null ? prefix : prefix ? `${prefix}.${t}` : t;
    const ftHere = view.resolve(d.map.get('FT'));
    const ffHere = view.resolve(d.map.get('Ff'));
    const kind = isName(ftHere) ? ftHere.name : ft;
    const flags = typeof ffHere === 'number' ? ffHere : ff;
    const kids = view.resolve(d.map.get('Kids'));
    const fieldKids = Array.isArray(kids) ? kids.filter((k) => { const kd = view.dict(k); return kd !== null && kd.map.has('T'); }) : [];
    if (fieldKids.length > 0) for (const k of fieldKids) walk(k, name, kind, flags, depth + 1);
    else out.push({ num, name, ft: kind, dict: d, ff: flags });
  };
  const fields = view.resolve(acro?.map.get('Fields'));
  if (Array.isArray(fields)) for (const f of fields) walk(f, '', null, 0, 0);
  return out;
}

/** A signature value by any of its marks: /Type /Sig or /DocTimeStamp, or a /ByteRange (with or without /Filter). */
function isSigDict(d: PdfDict): boolean {
  const type = d.map.get('Type');
  return isName(type, 'Sig') || isName(type, 'DocTimeStamp') || d.map.has('ByteRange');
}

function checkStructure(pdf: ParsedPdf, s: FoundSignature, view: RevisionView): void {
  // Problems found before (an orphan, a widget outside /Fields) do not stop the structure check: such a value is
  // still verified and its revision analysed, so the verdict says everything that is wrong with it.
  const before = s.problems.length;
  const br = s.sig ? view.resolve(s.sig.map.get('ByteRange')) : null;
  const contents = s.sig ? s.sig.map.get('Contents') : undefined;
  if (!Array.isArray(br) || br.length === 0) s.problems.push('thiếu hoặc rỗng /ByteRange');
  else if (br.length !== 4 || br.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n < 0)) s.problems.push('/ByteRange không gồm đúng bốn số nguyên không âm');
  else s.byteRange = br as number[];
  if (!isString(contents)) s.problems.push(isRef(contents) ? '/Contents là tham chiếu gián tiếp' : 'thiếu /Contents');
  else if (!contents.hex) s.problems.push('/Contents không phải chuỗi hex');
  else if (contents.bytes.length === 0 || contents.bytes.every((b) => b === 0)) s.problems.push('/Contents rỗng (không có CMS)');
  else s.contents = contents;
  if (s.sigNum !== null && view.revision.xref.get(s.sigNum)?.type !== 'offset') s.problems.push('từ điển chữ ký nằm trong object stream');
  if (s.sigNum === null) s.problems.push('từ điển chữ ký không phải đối tượng gián tiếp');
  if (!s.byteRange || !s.contents || s.problems.length > before) return;
  const [a, b, c, d] = s.byteRange as [number, number, number, number];
  if (a !== 0) s.problems.push('ByteRange không bắt đầu từ byte 0');
  if (b !== s.contents.start || c !== s.contents.end) s.problems.push('khoảng trống giữa hai đoạn ByteRange không đúng bằng /Contents của chính chữ ký này (Signature Wrapping)');
  if (c + d > pdf.bytes.length) s.problems.push('ByteRange vượt quá cuối tệp');
  const rev = pdf.revisions.find((r) => r.end === c + d || r.eofAt === c + d);
  if (rev) s.revision = rev.index;
  if (rev && s.fieldNum !== null && s.sigNum !== null) {
    // The signer signed a revision in which this field already carried this value: a value moved to another
    // field (or widget) afterwards shows a signature where the signer never put one.
    const v = new RevisionView(pdf, rev).dict({ kind: 'ref', num: s.fieldNum, gen: 0 })?.map.get('V');
    if (!isRef(v) || v.num !== s.sigNum) s.problems.push('trường chữ ký chưa mang chữ ký này trong bản sửa đổi mà chữ ký bảo vệ (chữ ký bị chuyển sang trường khác sau khi ký)');
  }
  else if (s.problems.length === before) s.problems.push('ByteRange không kết thúc ở ranh giới một bản sửa đổi');
}

/**
 * All signatures of the latest revision, in the order of the revisions they cover: the signature fields of the
 * AcroForm, every /Sig widget on a page even when the form does not list it (issue 6, class 2), and every
 * signature dictionary anywhere in the file that nothing points at (orphans). Each one is judged.
 */
export function findSignatures(pdf: ParsedPdf): FoundSignature[] {
  const last = pdf.revisions[pdf.revisions.length - 1];
  if (!last) return [];
  const view = new RevisionView(pdf, last);
  const found: FoundSignature[] = [];
  const linked = new Set<number>();
  const fieldNums = new Set<number>();
  const add = (name: string, fieldNum: number | null, v: PdfValue | undefined, lock: Transform | null, problem?: string): void => {
    if (v === undefined || v === null) return;
    const sigNum = isRef(v) ? v.num : null;
    if (sigNum !== null) {
      const earlier = linked.has(sigNum) ? found.find((x) => x.sigNum === sigNum) : undefined;
      if (earlier) {
        // One genuine signature value lent to a second field or widget: the second one shows a signature it never had.
        earlier.problems.push(`giá trị chữ ký (đối tượng ${sigNum}) được dùng cho nhiều trường chữ ký (${earlier.fieldName}, ${name})`);
        return;
      }
      linked.add(sigNum);
    }
    const s = makeSig(view, name, fieldNum, sigNum, view.dict(v), lock, false);
    if (problem) s.problems.push(problem);
    found.push(s);
  };
  for (const f of walkFields(view)) {
    if (f.num !== null) fieldNums.add(f.num);
    if (f.ft !== 'Sig') continue;
    add(f.name, f.num, f.dict.map.get('V'), readLock(view, f.dict));
  }
  for (const w of signatureWidgets(view)) {
    if (fieldNums.has(w.fieldNum)) continue;
    const t = text(view.resolve(w.field.map.get('T')) ?? undefined);
    add(t ?? `(tiện ích ${w.widgetNum})`, w.fieldNum, w.field.map.get('V'), readLock(view, w.field),
      'tiện ích chữ ký trên trang không thuộc danh sách trường của biểu mẫu (AcroForm /Fields)');
  }
  for (const [num, entry] of last.xref) {
    if (entry.type === 'free' || linked.has(num)) continue;
    const obj = view.get(num);
    if (obj && isDict(obj.value) && isSigDict(obj.value)) {
      found.push(makeSig(view, `(mồ côi ${num})`, null, num, obj.value, null, true));
    }
  }
  for (const s of found) checkStructure(pdf, s, view);
  const holes = found.flatMap((s) => (s.byteRange ? [{ s, from: s.byteRange[1] ?? 0, to: s.byteRange[2] ?? 0 }] : []));
  for (const h of holes) for (const o of holes) if (h !== o && h.from < o.to && o.from < h.to) h.s.problems.push('ByteRange chồng lên /Contents của chữ ký khác');
  return found.sort((x, y) => (x.revision ?? Infinity) - (y.revision ?? Infinity));
}

function makeSig(view: RevisionView, fieldName: string, fieldNum: number | null, sigNum: number | null, sig: PdfDict | null, lock: Transform | null, orphan: boolean): FoundSignature {
  const sub = sig ? view.resolve(sig.map.get('SubFilter')) : null;
  const type = sig ? view.resolve(sig.map.get('Type')) : null;
  return {
    fieldName, fieldNum, sigNum, sig, subFilter: isName(sub) ? sub.name : '', byteRange: null, contents: null, revision: null,
    transforms: sig ? readTransforms(view, sig) : [], lock,
    claimedTime: sig ? text(view.resolve(sig.map.get('M')) ?? undefined) : null,
    name: sig ? text(view.resolve(sig.map.get('Name')) ?? undefined) : null,
    reason: sig ? text(view.resolve(sig.map.get('Reason')) ?? undefined) : null,
    location: sig ? text(view.resolve(sig.map.get('Location')) ?? undefined) : null,
    isDocTimeStamp: isName(type, 'DocTimeStamp'), orphan,
    problems: sig ? (orphan ? ['từ điển chữ ký không gắn với trường chữ ký nào (mồ côi)'] : []) : ['trường chữ ký trỏ tới đối tượng không phải từ điển chữ ký'],
  };
}
