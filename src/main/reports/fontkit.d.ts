// fontkit 2 ships no typings. Only `create` is used (by PDFDocument.registerFontkit, pdf-signing.md §1.4), and it
// is typed as @cantoo/pdf-lib expects it, so no cast is needed where the module is registered.
declare module 'fontkit' {
  import type { PDFDocument } from '@cantoo/pdf-lib';
  type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
  export const create: Fontkit['create'];
}
