/**
 * Independent judges of what we sign (pdf-signing.md §7): poppler pdfsig with an NSS database trusting the test
 * root, qpdf --check, and openssl cms -verify on each CMS with its ByteRange content. pdfsig exits 0 whatever
 * the verdict, so its text is parsed.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSignatures } from '../../../src/main/signing/verify/signature-structure';
import { parseRevisions } from '../../../src/main/pdf/parse/pdf-revisions';
import { toPem } from './test-pki';

export interface PdfsigSignature {
  field: string;
  signatureValid: boolean;
  certificateTrusted: boolean;
  total: boolean;
  raw: string;
}

/** An NSS database in `dir` that trusts `rootDer` for signing. */
export function nssDbTrusting(dir: string, rootDer: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const pem = join(dir, 'root.pem');
  writeFileSync(pem, toPem(rootDer));
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password'], { stdio: 'pipe' });
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'TestRoot', '-t', 'CT,C,C', '-i', pem], { stdio: 'pipe' });
  return `sql:${dir}`;
}

/**
 * Run pdfsig and split its report per signature. Asynchronous on purpose: pdfsig asks the loopback OCSP
 * responder, which runs in this process and must keep serving while pdfsig waits.
 */
export async function pdfsig(file: string, nssdir: string): Promise<PdfsigSignature[]> {
  const stdout = await new Promise<string>((resolve) => {
    execFile('pdfsig', ['-nssdir', nssdir, file], { encoding: 'utf8', timeout: 30_000 }, (_err, out) => resolve(out));
  });
  const blocks = stdout.split(/^Signature #\d+:$/m).slice(1);
  return blocks.map((raw) => ({
    field: /Signature Field Name: (.*)/.exec(raw)?.[1]?.trim() ?? '',
    signatureValid: raw.includes('Signature Validation: Signature is Valid.'),
    certificateTrusted: raw.includes('Certificate Validation: Certificate is Trusted.'),
    total: raw.includes('- Total document signed'),
    raw,
  }));
}

/** qpdf --check: exit status 0 and no warnings. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const res = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  const output = `${res.stdout}${res.stderr}`;
  return { ok: res.status === 0 && !/WARNING|damaged/i.test(output), output };
}

/** openssl cms -verify of every signature's CMS against its signed bytes; returns one result per signature. */
export function opensslVerifyAll(bytes: Uint8Array, rootDer: Uint8Array, dir: string): Array<{ ok: boolean; output: string }> {
  mkdirSync(dir, { recursive: true });
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, toPem(rootDer));
  return findSignatures(parseRevisions(bytes)).map((s, i) => {
    const [a = 0, b = 0, c = 0, d = 0] = s.byteRange ?? [];
    const sig = join(dir, `sig${i}.der`);
    const data = join(dir, `data${i}.bin`);
    writeFileSync(sig, s.contents?.bytes ?? new Uint8Array());
    writeFileSync(data, Buffer.concat([Buffer.from(bytes.subarray(a, a + b)), Buffer.from(bytes.subarray(c, c + d))]));
    const res = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', data, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
    return { ok: res.status === 0 && /Verification successful/.test(res.stderr), output: res.stderr };
  });
}
