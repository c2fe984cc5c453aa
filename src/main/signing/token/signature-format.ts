/**
 * Byte formats between a token and CMS: the DigestInfo prefix for raw CKM_RSA_PKCS, and the DER wrapping of a
 * raw ECDSA r‖s (CKM_ECDSA returns the two integers concatenated; CMS wants ECDSA-Sig-Value, RFC 5480 §2.2 /
 * RFC 3279 §2.2.3). Verified equivalences: pdf-signing.md §4.
 */

/** DER prefix of DigestInfo { sha256, OCTET STRING(32) } (RFC 8017 §9.2 note 1). */
export const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from(Buffer.from('3031300d060960864801650304020105000420', 'hex'));

/** DigestInfo for a 32-byte SHA-256 digest, the input of CKM_RSA_PKCS when CKM_SHA256_RSA_PKCS is missing. */
export function sha256DigestInfo(digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new Error('SHA-256 digest must be 32 bytes');
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
  out.set(SHA256_DIGEST_INFO_PREFIX, 0);
  out.set(digest, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  let n = length;
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n >>= 8;
  }
  return [0x80 | bytes.length, ...bytes];
}

function derInteger(raw: Uint8Array): number[] {
  let start = 0;
  while (start < raw.length - 1 && raw[start] === 0) start += 1;
  const body = Array.from(raw.subarray(start));
  if ((body[0] ?? 0) & 0x80) body.unshift(0);
  return [0x02, ...derLength(body.length), ...body];
}

/** Wrap a raw ECDSA signature r‖s (equal halves) as DER SEQUENCE { INTEGER r, INTEGER s }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error('raw ECDSA signature must have two equal halves');
  const half = raw.length / 2;
  const body = [...derInteger(raw.subarray(0, half)), ...derInteger(raw.subarray(half))];
  return Uint8Array.from([0x30, ...derLength(body.length), ...body]);
}
