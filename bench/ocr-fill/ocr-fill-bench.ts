/**
 * Bench of OCR and automatic fill (issue 9): a generated corpus of NĐ 30 documents (at least 50; varied types,
 * agencies, dates, urgency and secrecy marks, one- and two-line headers, 2–8 recipients, noise, resolution,
 * greyscale/bilevel, seals, ĐẾN stamps, handwritten gaps, blank back pages) read by extractFromPdf, scored field
 * by field against the generator's metadata. The reference is the bare `tesseract` CLI on the same page images
 * in the same run (interleaved, document by document, so both see the same machine load).
 *   OCR_FILL_DOCS=50 OCR_FILL_SEED=2026 npm run bench:ocr-fill
 * The corpus is cached in the temp folder by seed and size, so a second run skips the generation.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXTRACTED_FIELD_NAMES, TRUSTED_CONFIDENCE } from '../../src/shared/api/ocr-schemas';
import { extractFromPdf } from '../../src/main/scan/extract/extract-from-pdf';
import { randomDoc, seededRandom, type Nd30Doc } from '../../test/support/nd30-corpus/nd30-spec';
import { renderNd30Pdf } from '../../test/support/nd30-corpus/render-nd30-pdf';
import { scanLikePaper } from '../../test/support/nd30-corpus/degrade-scan';
import { scoreDocument, type FieldOutcome } from '../../test/support/nd30-corpus/score';

const run = promisify(execFile);
const DOCS = Math.max(50, Number(process.env.OCR_FILL_DOCS ?? 50));
const SEED = Number(process.env.OCR_FILL_SEED ?? 2026);
const dir = join(tmpdir(), `vanthu-ocr-fill-v3-${SEED}-${DOCS}`);

async function corpus(): Promise<Nd30Doc[]> {
  mkdirSync(dir, { recursive: true });
  const rnd = seededRandom(SEED);
  const docs: Nd30Doc[] = [];
  for (let i = 0; i < DOCS; i += 1) {
    const d = randomDoc(rnd, `ocr-fill-${SEED}-${i}`);
    docs.push(d);
    const file = join(dir, `${i}.pdf`);
    if (!existsSync(file)) {
      writeFileSync(file, await scanLikePaper(await renderNd30Pdf(d), d.degrade));
      process.stdout.write(`\rcorpus ${i + 1}/${DOCS}`);
    }
  }
  process.stdout.write('\n');
  return docs;
}

async function barePages(i: number): Promise<string[]> {
  const pageDir = join(dir, `pages-${i}`);
  if (!existsSync(pageDir)) {
    mkdirSync(pageDir);
    await run('pdfimages', ['-j', join(dir, `${i}.pdf`), join(pageDir, 'p')]);
  }
  return readdirSync(pageDir).sort().map((f) => join(pageDir, f));
}

const pct = (n: number, d: number): string => (d === 0 ? '0.0' : ((100 * n) / d).toFixed(1));

const docs = await corpus();
const outcomes: FieldOutcome[] = [];
let oursMs = 0;
let bareMs = 0;
let pages = 0;
for (const [i, d] of docs.entries()) {
  const images = await barePages(i);
  const t0 = performance.now();
  for (const img of images) await run('tesseract', [img, join(dir, 'bare-out'), '-l', 'vie']);
  const t1 = performance.now();
  const result = await extractFromPdf(new Uint8Array(readFileSync(join(dir, `${i}.pdf`))));
  const t2 = performance.now();
  bareMs += t1 - t0;
  oursMs += t2 - t1;
  pages += images.length;
  const scored = scoreDocument(d, result);
  outcomes.push(...scored);
  const wrong = scored.filter((o) => !o.right);
  process.stdout.write(`${String(i).padStart(3)} ${d.type.name.padEnd(12)} ${d.degrade.dpi}dpi ${d.degrade.mode.padEnd(7)} noise${d.degrade.noise}${d.degrade.handwritten ? ' hand' : ''}${d.degrade.denStamp ? ' ĐẾN' : ''}${d.degrade.blankBack ? ' back' : ''}: ${scored.length - wrong.length}/${scored.length}\n`);
  for (const w of wrong) process.stdout.write(`      ${w.confidence >= TRUSTED_CONFIDENCE ? 'SILENT ' : ''}${w.field} (${w.confidence}): ${JSON.stringify(w.actual)} ≠ ${JSON.stringify(w.expected)}\n`);
}
rmSync(join(dir, 'bare-out.txt'), { force: true });

process.stdout.write('\nfield            accuracy  silent  flagged(<0.8)\n');
for (const f of EXTRACTED_FIELD_NAMES) {
  const of = outcomes.filter((o) => o.field === f);
  const right = of.filter((o) => o.right).length;
  const silent = of.filter((o) => !o.right && o.confidence >= TRUSTED_CONFIDENCE).length;
  const flagged = of.filter((o) => o.confidence < TRUSTED_CONFIDENCE).length;
  process.stdout.write(`${f.padEnd(16)} ${pct(right, of.length).padStart(7)}%  ${String(silent).padStart(6)}  ${String(flagged).padStart(6)}\n`);
}
const acc = (f?: string): string => {
  const of = f ? outcomes.filter((o) => o.field === f) : outcomes;
  return pct(of.filter((o) => o.right).length, of.length);
};
const silentErrors = outcomes.filter((o) => !o.right && o.confidence >= TRUSTED_CONFIDENCE).length;
const ratio = oursMs / bareMs;
process.stdout.write(`\n${docs.length} documents, ${pages} pages; per page: extractFromPdf ${(oursMs / pages).toFixed(0)} ms, bare tesseract ${(bareMs / pages).toFixed(0)} ms\n`);
process.stdout.write(`RESULT ocr-fill accuracy=${acc()} number_accuracy=${acc('codeNotation')} date_accuracy=${acc('date')} silent_errors=${silentErrors} ratio=${ratio.toFixed(2)}\n`);
