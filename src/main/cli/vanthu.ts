/**
 * `vanthu` command line for IT officers' batch work (issue 3):
 *   vanthu verify FILE... [--json] [--trust DIR] [--integrity-only] [--offline]
 *   vanthu sign --module LIB --token LABEL --key-label LABEL --in IN.pdf --out OUT.pdf
 *               --role personal|organization [--number N --notation K --date YYYY-MM-DD] [--image PNG] [--trust DIR]
 * The PIN comes only from the environment variable VANTHU_PIN, never from an argument. Output is written
 * atomically after self-verification, so a failure leaves no partial file.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/api/result';
import { addDocumentTimestamp } from '../pdf/pades-sign';
import { writeFileAtomic } from '../signing/atomic-file';
import { addLtv } from '../signing/ltv';
import { cmsSignerOf, hasPersonalSignature, selfVerify, signOrganization, signPersonal, signTextOnly } from '../signing/issue-flow';
import { fillNumberDate } from '../pdf/number-date-fields';
import { Pkcs11TokenSession } from '../signing/token/pkcs11-token-session';
import { loadTrustDir, TrustStore } from '../signing/trust-store';
import type { TrustContext } from '../signing/verify/trust-check';
import { verifyPdf, type PdfVerification } from '../signing/verify/verify-pdf';
import { requestTimestamp } from '../signing/tsa/tsa-client';
import { isSafeExternalUrl } from '../util/safe-path';
import { SIGN_USAGE, VERIFY_USAGE, mainUsage } from './usage';

const VERDICT_VI: Record<PdfVerification['verdict'], string> = {
  valid: 'hợp lệ',
  'valid-with-allowed-changes': 'hợp lệ, có thay đổi được phép',
  invalid: 'không hợp lệ',
  unknown: 'chưa xác định',
  unsigned: 'chưa ký số',
};

function dataDir(): string {
  return process.env.VANTHU_DATA_DIR ?? join(homedir(), '.vanthu');
}

function trustContext(trustDir: string | undefined, offline: boolean): TrustContext {
  const base = dataDir();
  const fromDir = trustDir ? loadTrustDir(trustDir) : null;
  const store = new TrustStore(join(base, 'trust'));
  return {
    anchors: fromDir ? fromDir.anchors : store.anchors(),
    intermediates: fromDir ? fromDir.intermediates : store.intermediates(),
    revocationCacheDir: join(base, 'revocation-cache'),
    allowLiveFetch: !offline,
  };
}

async function verifyCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    json: { type: 'boolean' }, trust: { type: 'string' }, 'integrity-only': { type: 'boolean' }, offline: { type: 'boolean' },
  } });
  if (positionals.length === 0) throw new AppFailure('VALIDATION', 'Cần ít nhất một tệp PDF: vanthu verify FILE...');
  const ctx = values['integrity-only'] ? undefined : trustContext(values.trust, values.offline === true);
  let allGood = true;
  for (const file of positionals) {
    let result: PdfVerification;
    try {
      result = await verifyPdf(new Uint8Array(readFileSync(file)), { integrityOnly: values['integrity-only'] === true, trust: ctx });
    } catch (err) {
      result = { verdict: 'invalid', reasons: [`không đọc được tệp: ${(err as Error).message}`], signatures: [] };
    }
    if (result.verdict !== 'valid' && result.verdict !== 'valid-with-allowed-changes') allGood = false;
    if (values.json) {
      out(JSON.stringify({
        file, verdict: result.verdict, reasons: result.reasons,
        signatures: result.signatures.map((s) => ({ field: s.field, signer: s.signer, organization: s.organization, time: s.time, revision: s.revision, revisions: s.revisions, verdict: s.verdict, reasons: s.reasons, allowedChanges: s.allowedChanges, chain: s.chain, revocation: s.revocation })),
      }));
    } else {
      out(`${file}: ${VERDICT_VI[result.verdict]}`);
      for (const s of result.signatures) out(`  - ${s.signer ?? s.field} (${s.time ?? 'không rõ thời điểm'}), bản sửa đổi ${s.revision ?? '?'}/${s.revisions}: ${VERDICT_VI[s.verdict]}${s.reasons.length ? ` — ${s.reasons.join('; ')}` : ''}`);
      for (const r of result.reasons) out(`  ${r}`);
    }
  }
  return allGood ? 0 : 1;
}

async function signCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: {
    module: { type: 'string' }, token: { type: 'string' }, 'key-label': { type: 'string' }, in: { type: 'string' }, out: { type: 'string' },
    role: { type: 'string' }, number: { type: 'string' }, notation: { type: 'string' }, date: { type: 'string' }, image: { type: 'string' },
    trust: { type: 'string' }, offline: { type: 'boolean' }, tsa: { type: 'string' }, ltv: { type: 'boolean' }, lta: { type: 'boolean' },
  } });
  for (const k of ['module', 'token', 'key-label', 'in', 'out', 'role'] as const) if (!values[k]) throw new AppFailure('VALIDATION', `Thiếu --${k}`);
  if (values.role !== 'personal' && values.role !== 'organization') throw new AppFailure('VALIDATION', '--role phải là personal hoặc organization');
  const pin = process.env.VANTHU_PIN;
  if (!pin) throw new AppFailure('VALIDATION', 'Đặt mã PIN trong biến môi trường VANTHU_PIN (không truyền qua tham số)');
  // PAdES B-T when a time-stamp server is named; checked like the tsaUrl setting (http/https, no credentials).
  const tsaUrl = values.tsa === undefined ? null : isSafeExternalUrl(values.tsa);
  if (tsaUrl === false) throw new AppFailure('VALIDATION', '--tsa phải là địa chỉ http:// hoặc https:// của máy chủ cấp dấu thời gian');
  // PAdES B-LT / B-LTA (issue 6, "Beyond the anchors"): the revocation answers are fetched now, so not offline.
  const longTerm = values.ltv === true || values.lta === true;
  if (longTerm && values.offline === true) throw new AppFailure('VALIDATION', '--ltv/--lta cần kết nối để lấy dữ liệu thu hồi: không dùng cùng --offline');
  if (values.lta === true && !tsaUrl) throw new AppFailure('VALIDATION', '--lta cần --tsa (dấu thời gian cho tài liệu)');
  const input = new Uint8Array(readFileSync(values.in as string));
  const image = values.image ? new Uint8Array(readFileSync(values.image)) : undefined;
  const ctx = values.trust || longTerm ? trustContext(values.trust, values.offline === true) : undefined;
  if (longTerm && ctx?.anchors.length === 0) throw new AppFailure('VALIDATION', '--ltv/--lta cần chứng thư gốc tin cậy (--trust THƯ_MỤC hoặc đã nhập trong ứng dụng)');
  const session = new Pkcs11TokenSession({ modulePath: values.module as string });
  const now = new Date();
  try {
    const token = await session.openSigner({ tokenLabel: values.token as string, keyLabel: values['key-label'] as string }, pin, now);
    try {
      const signerCert = new X509Certificate(Buffer.from(token.certificate.certDer));
      const chain = (ctx?.intermediates ?? []).filter((der) => signerCert.checkIssued(new X509Certificate(Buffer.from(der))));
      const signer = cmsSignerOf(token, chain);
      if (tsaUrl) signer.timestamp = (signatureValue) => requestTimestamp(signatureValue, { url: tsaUrl.href });
      let bytes: Uint8Array;
      if (values.role === 'personal') bytes = await signPersonal(input, signer, { now, ...(image ? { image } : {}) });
      else {
        if (await hasPersonalSignature(input)) {
          const filled = values.number && values.date ? await fillNumberDate(input, values.number, values.date) : input;
          bytes = await signOrganization(filled, signer, { now, ...(image ? { sealImage: image } : {}) });
        } else {
          const line = values.number ? `Số: ${values.number}${values.notation ? `/${values.notation}` : ''}` : (values.notation ?? 'Bản sao điện tử');
          bytes = await signTextOnly(input, signer, { now, firstLine: line });
        }
      }
      const check = await selfVerify(bytes, ctx ? { trust: ctx } : { integrityOnly: true }).catch((err: unknown) => {
        if (err instanceof AppFailure && /thu hồi/.test(err.message)) throw new AppFailure('CERT_REVOKED', 'Chứng thư số của người ký đã bị thu hồi: không ký');
        throw err;
      });
      let level = '';
      if (longTerm && ctx) {
        // Nothing is written unless every certificate of every path has a "good" answer (ltv.ts).
        const lt = await addLtv(bytes, ctx);
        if (!lt) throw new AppFailure('INTEGRITY', 'Chưa đủ chuỗi chứng thư và dữ liệu thu hồi cho PAdES B-LT: không ghi tệp');
        bytes = values.lta === true && tsaUrl ? await addDocumentTimestamp(lt, (signed) => requestTimestamp(signed, { url: tsaUrl.href })) : lt;
        level = values.lta === true ? ' (PAdES B-LTA)' : ' (PAdES B-LT)';
      }
      writeFileAtomic(values.out as string, bytes);
      out(`Đã ký ${values.out as string}: ${VERDICT_VI[check.verdict]}${level}`);
      // Offline signing (issue 6, item 8): the missing revocation check is said, never taken for a good one.
      for (const w of check.warnings) out(`Cảnh báo: ${w}`);
      return 0;
    } finally {
      await token.close();
    }
  } finally {
    await session.close();
  }
}

/** Whether an argument list asks for help. */
function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/** node:util parseArgs errors (unknown option, missing value) are usage errors, not internal ones. */
function isParseArgsError(e: unknown): e is Error {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code.startsWith('ERR_PARSE_ARGS');
}

/** The Vietnamese reading of a parseArgs error (its own message is English). */
function parseArgsMessage(e: Error): string {
  const name = (/'([^']+)'/.exec(e.message)?.[1] ?? '').replace(/ <value>$/, '');
  if (/argument missing/.test(e.message)) return `thiếu giá trị cho tùy chọn ${name}`;
  const code = (e as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `tùy chọn không hợp lệ: ${name}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `tham số thừa: ${name}`;
  return `giá trị không hợp lệ cho tùy chọn ${name}`.trim();
}

const OTHER_COMMANDS = ['  vanthu edxml check TỆP... [--json]   kiểm tra gói edXML', '  vanthu extract TỆP.pdf... [--json]   đọc các trường đăng ký từ văn bản quét'];

/** Run the CLI; returns the exit code. Errors are printed in Vietnamese with their code. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), err: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(mainUsage(OTHER_COMMANDS));
    return 0;
  }
  const commandUsage = command === 'verify' ? VERIFY_USAGE : command === 'sign' ? SIGN_USAGE : null;
  if (commandUsage && wantsHelp(rest)) {
    out(commandUsage);
    return 0;
  }
  try {
    if (command === 'verify') return await verifyCommand(rest, out);
    if (command === 'sign') return await signCommand(rest, out);
    if (command === 'edxml') return await (await import('./edxml-command')).edxmlCommand(rest, out, err);
    if (command === 'extract') return await (await import('./extract-command')).extractCommand(rest, out, err);
    err(command === undefined ? 'Thiếu lệnh.' : `Lệnh không hợp lệ: ${command}`);
    err(mainUsage(OTHER_COMMANDS));
    return 2;
  } catch (e) {
    if (isParseArgsError(e) || (e instanceof AppFailure && e.code === 'VALIDATION' && commandUsage)) {
      err(`Lỗi: ${isParseArgsError(e) ? parseArgsMessage(e) : (e as Error).message}`);
      err(commandUsage ?? mainUsage(OTHER_COMMANDS));
      return 2;
    }
    if (e instanceof AppFailure) {
      const extra = e.details?.pinState ? ` (trạng thái PIN: ${String(e.details.pinState)})` : '';
      err(`Lỗi ${e.code}: ${e.message}${extra}`);
      return e.code === 'VALIDATION' ? 2 : 1;
    }
    err(`Lỗi INTERNAL: ${(e as Error).message}`);
    return 1;
  }
}
