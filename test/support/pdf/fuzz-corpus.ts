/**
 * The seed corpus of the verifier fuzz runs: the attack samples (read from ../shared at run time, never copied)
 * and files we sign ourselves (one signature, Art. 11 number fill, two signatures, an xref-stream draft).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { signPdf } from '../../../src/main/pdf/pades-sign';
import { fillNumberDate, prepareNumberDateFields } from '../../../src/main/pdf/number-date-fields';
import { createTestPki } from '../pki/test-pki';
import { softSigner } from '../pki/soft-signer';
import { makeDraftPdf } from '../pki/sample-documents';

const SAMPLES = join(import.meta.dirname, '../../../../shared/pdf-attack-samples');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.pdf') ? [p] : [];
  });
}

/** Attack samples up to `maxBytes` each, plus our own signed files. */
export async function fuzzCorpus(maxBytes = 400_000): Promise<Uint8Array[]> {
  const samples = walk(SAMPLES).sort().map((f) => new Uint8Array(readFileSync(f))).filter((b) => b.length <= maxBytes);
  const pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  const signer = softSigner(pki.personal, [pki.intermediate.certDer]);
  const place = { fieldName: 'KyDuyet', pageIndex: 0, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() };
  const one = await signPdf(await prepareNumberDateFields(await makeDraftPdf()), place, signer);
  const filled = await fillNumberDate(one, '12', '2026-03-05');
  const two = await signPdf(filled, { ...place, fieldName: 'KySoCoQuan', rect: { x: 300, y: 90, width: 100, height: 100 } }, signer);
  const streams = await signPdf(await makeDraftPdf({ objectStreams: true }), place, signer);
  return [...samples, one, filled, two, streams];
}
