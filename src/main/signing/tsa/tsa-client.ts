/**
 * RFC 3161 client for PAdES B-T (pdf-signing.md §3.4): a TimeStampReq over the SHA-256 of the SignerInfo
 * signature value, with a random nonce and certReq true, POSTed as application/timestamp-query. The answer is
 * bounded in size and time and checked before use (status granted, imprint and nonce echoed, a SignedData with a
 * TSTInfo). Every failure is TSA_UNAVAILABLE with a Vietnamese message, so nothing is signed half-way.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppFailure } from '../../../shared/api/result';
import { isSafeExternalUrl } from '../../util/safe-path';
import { OID } from '../cms/cades-builder';
import { derView } from '../der-view';
import { readBounded } from './bounded-fetch';

/** id-ct-TSTInfo (RFC 3161 §2.4.2). */
export const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
/** Largest TimeStampResp accepted (a token with a short chain is 3–6 kB). */
export const MAX_TSA_RESPONSE_BYTES = 64 * 1024;

export interface TsaOptions {
  url: string;
  timeoutMs?: number;
  fetcher?: typeof fetch;
}

function unavailable(message: string, cause?: unknown): AppFailure {
  const detail = cause instanceof Error ? cause.message : undefined;
  return new AppFailure('TSA_UNAVAILABLE', message, detail ? { cause: detail } : undefined);
}

/** Parse a TimeStampToken (ContentInfo of SignedData) and return its TSTInfo. Throws on malformed input. */
export function tstInfoOf(tokenDer: Uint8Array): { signedData: pkijs.SignedData; tstInfo: pkijs.TSTInfo } {
  const ci = pkijs.ContentInfo.fromBER(derView(tokenDer));
  if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
  const signedData = new pkijs.SignedData({ schema: ci.content });
  const eci = signedData.encapContentInfo;
  if (eci.eContentType !== TST_INFO_OID || !eci.eContent) throw new Error('no TSTInfo');
  const tstInfo = pkijs.TSTInfo.fromBER(derView(new Uint8Array(eci.eContent.getValue())));
  return { signedData, tstInfo };
}

/**
 * Ask the TSA at `options.url` for a token over SHA-256(`signatureValue`); returns the token DER.
 * Errors: VALIDATION (the URL), TSA_UNAVAILABLE (unreachable, slow, too large, refused, or a wrong answer).
 */
export async function requestTimestamp(signatureValue: Uint8Array, options: TsaOptions): Promise<Uint8Array> {
  const url = isSafeExternalUrl(options.url);
  if (!url) throw new AppFailure('VALIDATION', 'Địa chỉ máy chủ dấu thời gian (TSA) không hợp lệ: cần http:// hoặc https://');
  const imprint = createHash('sha256').update(signatureValue).digest();
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] ?? 0) & 0x7f; // positive INTEGER
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce) }),
    certReq: true,
  });
  let body: Uint8Array;
  try {
    const res = await (options.fetcher ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: Buffer.from(req.toSchema().toBER(false)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: 'error',
    });
    if (!res.ok) throw unavailable(`Máy chủ dấu thời gian ${url.host} trả lời lỗi HTTP ${res.status}`);
    body = await readBounded(res, MAX_TSA_RESPONSE_BYTES);
  } catch (err) {
    if (err instanceof AppFailure) throw err.code === 'TOO_LARGE' ? unavailable(`Máy chủ dấu thời gian ${url.host} trả lời quá lớn`) : err;
    throw unavailable(`Không kết nối được máy chủ dấu thời gian ${url.host}`, err);
  }
  return checkResponse(body, imprint, nonce, url.host);
}

function checkResponse(body: Uint8Array, imprint: Buffer, nonce: Buffer, host: string): Uint8Array {
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(derView(body));
  } catch (err) {
    throw unavailable(`Máy chủ dấu thời gian ${host} trả lời không đúng định dạng RFC 3161`, err);
  }
  const status = resp.status.status;
  if ((status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) || !resp.timeStampToken) {
    const text = resp.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw unavailable(`Máy chủ dấu thời gian ${host} từ chối cấp dấu thời gian (trạng thái ${status}${text ? `: ${text}` : ''})`);
  }
  const token = new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
  let tst: pkijs.TSTInfo;
  try {
    tst = tstInfoOf(token).tstInfo;
  } catch (err) {
    throw unavailable(`Dấu thời gian của ${host} không chứa TSTInfo hợp lệ`, err);
  }
  const mi = tst.messageImprint;
  if (mi.hashAlgorithm.algorithmId !== OID.sha256 || !Buffer.from(mi.hashedMessage.valueBlock.valueHexView).equals(imprint)) {
    throw unavailable(`Dấu thời gian của ${host} không khớp chữ ký vừa tạo (message imprint sai)`);
  }
  const echoed = tst.nonce ? Buffer.from(tst.nonce.valueBlock.valueHexView) : null;
  if (!echoed || !stripZeros(echoed).equals(stripZeros(nonce))) throw unavailable(`Dấu thời gian của ${host} không trả lại đúng nonce`);
  return token;
}

function stripZeros(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i += 1;
  return b.subarray(i);
}
