/**
 * The objects a signed revision draws or prints (issue 6, class 1 "shared objects"): everything reachable from
 * its pages (content streams, resources, fonts, XObjects, annotations and their appearances, the page tree that
 * pages inherit from), the optional-content configuration that decides what is visible, and — when the form asks
 * viewers to regenerate appearances (/NeedAppearances) — the form's default resources. A change to any of these
 * objects after signing changes what the signer saw, whatever other role the object also plays (/Info, the XMP
 * /Metadata, AcroForm /DR): an allowed-change class may only ever cover objects outside this set
 * (pdf-signing.md §8, "Shadow hide/replace": resource and font objects must never change).
 */
import { isDict, isRef, type PdfValue } from '../../pdf/parse/pdf-lexer';
import type { RevisionView } from '../../pdf/parse/revision-view';
import { inherited } from './content-boxes';
import { budgetFor } from '../../pdf/parse/pdf-limits';

/** More objects than this reachable from the pages is treated like a bomb by the caller's object bound. */
const MAX_CLOSURE = 2_000_000;

/**
 * Keys that do not lead to anything drawn: back-links (/Parent, /P, /IRT), navigation and actions (/Dest, /A, /AA,
 * /Next, /B), the signature value of a field (/V of a /Sig field is judged as a signature, not as a drawing; its
 * /Reference may point back at the catalog), thumbnails and metadata. Objects outside the drawn set still only
 * change in the allowed classes of revision-diff.ts: this list narrows what counts as *drawn*, not what may change.
 */
const NOT_DRAWN = new Set(['Parent', 'P', 'IRT', 'Dest', 'A', 'AA', 'Next', 'B', 'V', 'Thumb', 'Metadata', 'StructParent', 'StructParents', 'PieceInfo', 'Lock', 'SV']);

function refsToFollow(v: PdfValue, out: Set<number>): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) { for (const x of v) refsToFollow(x, out); return; }
  if (v.kind === 'ref') out.add(v.num);
  else if (v.kind === 'dict' || v.kind === 'stream') {
    const d = v.kind === 'dict' ? v : v.dict;
    for (const [k, x] of d.map) if (!NOT_DRAWN.has(k)) refsToFollow(x, out);
  }
}

/** Object numbers reachable from `roots` through the references that can lead to something drawn. */
export function reachable(view: RevisionView, roots: PdfValue[]): Set<number> {
  const seen = new Set<number>();
  const queue: number[] = [];
  const push = (v: PdfValue): void => {
    const refs = new Set<number>();
    refsToFollow(v, refs);
    for (const n of refs) if (!seen.has(n)) { seen.add(n); queue.push(n); }
  };
  for (const r of roots) push(r);
  const budget = budgetFor(view.pdf.bytes);
  while (queue.length > 0 && seen.size < MAX_CLOSURE) {
    budget.check();
    const num = queue.pop() as number;
    const obj = view.get(num);
    if (obj) push(obj.value);
  }
  return seen;
}

/** The set of object numbers whose content the signed revision `view` draws, prints or makes visible. */
export function drawnObjects(view: RevisionView): Set<number> {
  const pages = view.pages();
  const roots: PdfValue[] = pages.map((p) => ({ kind: 'ref', num: p.num, gen: 0 }) as PdfValue);
  // Attributes a page inherits from its page-tree ancestors (ISO 32000-1 §7.7.3.4) are drawn too.
  for (const p of pages) for (const key of ['Resources', 'MediaBox', 'CropBox', 'Rotate']) {
    const v = inherited(view, p.dict, key);
    if (v !== undefined && !p.dict.map.has(key)) roots.push(v);
  }
  const catalog = view.catalog();
  const oc = catalog?.map.get('OCProperties');
  if (oc !== undefined) roots.push(oc);
  const acro = view.dict(catalog?.map.get('AcroForm'));
  if (acro && view.resolve(acro.map.get('NeedAppearances')) === true) {
    const dr = acro.map.get('DR');
    if (dr !== undefined) roots.push(dr);
  }
  const set = reachable(view, roots);
  // The page dictionaries themselves are in the set (their /Annots may change only in the allowed ways).
  for (const p of view.pages()) set.add(p.num);
  return set;
}

/** Other roles an object plays in the signed revision, for a verdict that says what the attacker relied on. */
export function otherRoles(view: RevisionView, num: number): string[] {
  const roles: string[] = [];
  const info = view.revision.trailer.map.get('Info');
  if (isRef(info) && info.num === num) roles.push('/Info');
  const catalog = view.catalog();
  const meta = catalog?.map.get('Metadata');
  if (isRef(meta) && meta.num === num) roles.push('/Metadata');
  const acro = view.dict(catalog?.map.get('AcroForm'));
  const dr = acro ? view.resolve(acro.map.get('DR')) : null;
  if (isDict(dr)) {
    const inDr = new Set<number>();
    const drRef = acro?.map.get('DR');
    if (isRef(drRef)) inDr.add(drRef.num);
    for (const v of dr.map.values()) {
      if (isRef(v)) inDr.add(v.num);
      const inner = view.dict(v);
      for (const x of inner?.map.values() ?? []) if (isRef(x)) inDr.add(x.num);
    }
    if (inDr.has(num)) roles.push('/AcroForm /DR');
  }
  return roles;
}
