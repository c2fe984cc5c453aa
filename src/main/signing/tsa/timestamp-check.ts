/**
 * Verification of a signature timestamp (PAdES B-T, RFC 3161 token in the unsigned attribute
 * id-aa-signatureTimeStampToken): the imprint is the hash of this SignerInfo's signature value, the token's CMS
 * signature verifies (message-digest over the TSTInfo included), the TSA certificate carries the critical
 * timeStamping extended key usage and, unless integrity-only, chains to the configured anchors at the time it
 * states. A bad token never proves a time: the caller treats the signature as at best "unknown".
 */
import type { X509Certificate } from 'node:crypto';
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import '../cert-info';
import { certFacts } from '../cert-info';
import { OID } from '../cms/cades-builder';
import { buildChain, toX509, type ChainSources } from '../verify/chain';
import { tstInfoOf } from './tsa-client';
import { derView } from '../der-view';

export const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const IMPRINT_HASHES: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

export interface TimestampCheck {
  /** The time the TSA vouches for; null when the token is not acceptable. */
  time: Date | null;
  /** Common name of the TSA certificate, for the verdict text. */
  tsa: string | null;
  /** Vietnamese reasons why the token proves nothing (empty when it is good). */
  problems: string[];
}

/** Chain inputs for the TSA certificate; null = integrity-only (no chain check). */
export type TimestampTrust = Omit<ChainSources, 'pool'> & { pool: Uint8Array[] } | null;

function tsaCertIssues(cert: X509Certificate): string[] {
  const problems: string[] = [];
  try {
    const eku = new x509.X509Certificate(cert.raw).getExtension(x509.ExtendedKeyUsageExtension);
    if (!eku || !eku.usages.map(String).includes(TIME_STAMPING_EKU)) problems.push('chứng thư số của máy chủ dấu thời gian không có mục đích timeStamping');
    else if (!eku.critical) problems.push('mục đích timeStamping trong chứng thư số TSA phải được đánh dấu critical (RFC 3161 §2.3)');
  } catch {
    problems.push('chứng thư số của máy chủ dấu thời gian hỏng');
  }
  return problems;
}

/** Check `tokenDer` against the signature value it should stamp. */
export async function checkTimestamp(tokenDer: Uint8Array, signatureValue: Uint8Array, trust: TimestampTrust): Promise<TimestampCheck> {
  const out: TimestampCheck = { time: null, tsa: null, problems: [] };
  let parsed: ReturnType<typeof tstInfoOf>;
  try {
    parsed = tstInfoOf(tokenDer);
  } catch {
    out.problems.push('dấu thời gian không đúng định dạng RFC 3161');
    return out;
  }
  const { signedData, tstInfo } = parsed;
  const alg = IMPRINT_HASHES[tstInfo.messageImprint.hashAlgorithm.algorithmId];
  if (!alg) {
    out.problems.push('dấu thời gian dùng thuật toán băm yếu hoặc không hỗ trợ');
    return out;
  }
  const expected = createHash(alg).update(signatureValue).digest();
  if (!expected.equals(Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    out.problems.push('dấu thời gian không được cấp cho chữ ký này (message imprint không khớp)');
    return out;
  }
  let tsaCert: X509Certificate | null = null;
  try {
    // PKI.js checks the TSTInfo imprint against `data` again, then message-digest and the TSA signature.
    const v = await signedData.verify({ signer: 0, checkChain: false, extendedMode: true, data: derView(signatureValue).slice().buffer });
    if (!v.signatureVerified || !v.signerCertificate) throw new Error('signature');
    tsaCert = toX509(new Uint8Array(v.signerCertificate.toSchema().toBER(false)));
  } catch {
    out.problems.push('chữ ký của máy chủ dấu thời gian không đúng (dấu thời gian bị sửa hoặc thiếu chứng thư số TSA)');
  }
  if (!tsaCert) return out;
  try { out.tsa = certFacts(new Uint8Array(tsaCert.raw)).commonName || tsaCert.subject; } catch { out.tsa = tsaCert.subject; }
  out.problems.push(...tsaCertIssues(tsaCert));
  const genTime = tstInfo.genTime;
  if (trust) {
    const tokenCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new Uint8Array(c.toSchema().toBER(false)));
    // The TSA's path is validated at genTime (ETSI EN 319 102-1 §5.4: the time the token claims for itself).
    const chain = await buildChain(tsaCert, { ...trust, pool: [...tokenCerts, ...trust.pool], at: genTime });
    if (!chain.trusted) out.problems.push(`không xây dựng được chuỗi chứng thư của máy chủ dấu thời gian "${out.tsa}" tới gốc tin cậy`);
    else if (chain.expired.length > 0) out.problems.push('chứng thư số của máy chủ dấu thời gian không còn hiệu lực tại thời điểm cấp dấu thời gian');
    else out.problems.push(...chain.problems);
  }
  if (out.problems.length === 0) out.time = genTime;
  return out;
}
