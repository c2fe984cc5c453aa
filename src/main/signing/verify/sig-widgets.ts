/**
 * Signature widgets wherever they sit (issue 6, class 2 "fake signature widgets"). A widget of type /Sig that is
 * listed only in a page's /Annots and not in AcroForm /Fields still draws its appearance: it must be found and
 * judged like any signature, never skipped. The field type may be inherited from a parent field (/Parent chain).
 */
import { isName, isRef, type PdfDict } from '../../pdf/parse/pdf-lexer';
import type { RevisionView } from '../../pdf/parse/revision-view';

export interface SigWidget {
  /** Object number of the widget annotation. */
  widgetNum: number;
  /** Object number of the field that owns it (the widget itself when merged). */
  fieldNum: number;
  /** Field dictionary (merged widget or parent field). */
  field: PdfDict;
  widget: PdfDict;
  pageNum: number;
}

/** The owning field of a widget: itself when it has /T or /FT, else the nearest /Parent that has them. */
export function owningField(view: RevisionView, widgetNum: number, widget: PdfDict): { num: number; dict: PdfDict; ft: string | null } {
  let num = widgetNum;
  let dict = widget;
  for (let depth = 0; depth < 32; depth += 1) {
    const ft = dict.map.get('FT');
    if (isName(ft)) return { num, dict, ft: ft.name };
    const parent = dict.map.get('Parent');
    const pd = isRef(parent) ? view.dict(parent) : null;
    if (!isRef(parent) || !pd) break;
    num = parent.num;
    dict = pd;
  }
  return { num: widgetNum, dict: widget, ft: null };
}

/** Every widget annotation of type /Sig on every page of `view`. */
export function signatureWidgets(view: RevisionView): SigWidget[] {
  const out: SigWidget[] = [];
  const seen = new Set<number>();
  for (const page of view.pages()) {
    const annots = view.resolve(page.dict.map.get('Annots'));
    if (!Array.isArray(annots)) continue;
    for (const a of annots) {
      if (!isRef(a) || seen.has(a.num)) continue;
      seen.add(a.num);
      const d = view.dict(a);
      if (!d || !isName(d.map.get('Subtype'), 'Widget')) continue;
      const owner = owningField(view, a.num, d);
      if (owner.ft !== 'Sig') continue;
      out.push({ widgetNum: a.num, fieldNum: owner.num, field: owner.dict, widget: d, pageNum: page.num });
    }
  }
  return out;
}
