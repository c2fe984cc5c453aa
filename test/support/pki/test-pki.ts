/**
 * A test PKI generated at run time (never committed): root, intermediate, a personal certificate with a
 * Vietnamese name, an organization certificate (ECDSA P-256, to exercise the DER-wrapping path), a revoked one,
 * an expired one, and a CRL of the intermediate. Everything is built with @peculiar/x509 on node:crypto's
 * WebCrypto. `ocspUrl`/`crlUrl` are written into the end-entity certificates so the loopback responder of
 * ocsp-responder.ts can answer for them.
 */
import '../../../src/main/signing/reflect-shim';
import { webcrypto, createPrivateKey, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const RSA_ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const EC_ALG = { name: 'ECDSA', namedCurve: 'P-256' };
const EC_SIGN = { name: 'ECDSA', hash: 'SHA-256' };

export interface TestIdentity {
  cert: x509.X509Certificate;
  certDer: Uint8Array;
  keys: webcrypto.CryptoKeyPair;
  /** The private key as a node KeyObject (for import into SoftHSM2). */
  privateKey: KeyObject;
  serialHex: string;
}

export interface TestPki {
  root: TestIdentity;
  intermediate: TestIdentity;
  personal: TestIdentity;
  organization: TestIdentity;
  revoked: TestIdentity;
  expired: TestIdentity;
  /** DER CRL issued by the intermediate, listing `revoked`. */
  crlDer: Uint8Array;
  /** DER CRL issued by the root (nothing revoked), for the intermediate's status. */
  rootCrlDer: Uint8Array;
  ocspUrl: string;
  crlUrl: string;
}

export const PERSONAL_NAME = 'Nguyễn Văn An';
export const ORGANIZATION_NAME = 'Ủy ban nhân dân xã Thử Nghiệm';

async function toIdentity(cert: x509.X509Certificate, keys: webcrypto.CryptoKeyPair): Promise<TestIdentity> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    cert,
    certDer: new Uint8Array(cert.rawData),
    keys,
    privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    serialHex: cert.serialNumber,
  };
}

let serialCounter = 0x1000;
function nextSerial(): string {
  serialCounter += 1;
  return `01${serialCounter.toString(16).padStart(6, '0')}`;
}

export interface IssueOptions {
  subject: string;
  issuer: TestIdentity | null;
  keyAlg: 'rsa' | 'ec';
  ca: boolean;
  notBefore: Date;
  notAfter: Date;
  ocspUrl?: string;
  crlUrl?: string | undefined;
  caIssuersUrl?: string | undefined;
  /** Key usage flags; null leaves the extension out (a signer without key usage). Default by role. */
  keyUsage?: number | null;
  /** basicConstraints pathLenConstraint of a CA (default 1); null = no limit. */
  pathLength?: number | null;
  /** The hash the issuer signs this certificate with (SHA-1 for the weak-chain cases). */
  signatureHash?: 'SHA-256' | 'SHA-1';
  /** Extra extensions (name constraints, an unknown critical extension). */
  extra?: x509.Extension[];
}

/** Issue one certificate with `opts` (every odd case of the chain tests is made here). */
export async function issueCertificate(opts: IssueOptions): Promise<TestIdentity> {
  return issue(opts);
}

async function issue(opts: IssueOptions): Promise<TestIdentity> {
  const keys = (await webcrypto.subtle.generateKey(opts.keyAlg === 'rsa' ? RSA_ALG : EC_ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const usage = opts.keyUsage !== undefined ? opts.keyUsage
    : opts.ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const pathLength = opts.pathLength === null ? undefined : opts.pathLength ?? 1;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(opts.ca, opts.ca ? pathLength : undefined, true),
    ...(usage === null ? [] : [new x509.KeyUsagesExtension(usage, true)]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ...(opts.extra ?? []),
  ];
  if (opts.issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(opts.issuer.keys.publicKey));
  if (opts.ocspUrl || opts.caIssuersUrl) {
    extensions.push(new x509.AuthorityInfoAccessExtension({
      ...(opts.ocspUrl ? { ocsp: [new x509.GeneralName('url', opts.ocspUrl)] } : {}),
      ...(opts.caIssuersUrl ? { caIssuers: [new x509.GeneralName('url', opts.caIssuersUrl)] } : {}),
    }));
  }
  if (opts.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([opts.crlUrl]));
  const signer = opts.issuer ?? null;
  const hash = opts.signatureHash ?? 'SHA-256';
  // WebCrypto binds the hash to an RSA key, so a SHA-1 signature needs the issuer's key imported for SHA-1.
  const issuingKey = signer ? signer.keys.privateKey : keys.privateKey;
  const signingKey = hash === 'SHA-1' && issuingKey.algorithm.name !== 'ECDSA'
    ? await webcrypto.subtle.importKey('pkcs8', await webcrypto.subtle.exportKey('pkcs8', issuingKey), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign'])
    : issuingKey;
  const signingAlgorithm = (signer ? signer.keys.privateKey.algorithm.name : keys.privateKey.algorithm.name) === 'ECDSA' ? { ...EC_SIGN, hash } : { ...RSA_ALG, hash };
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: opts.subject,
    issuer: signer ? signer.cert.subject : opts.subject,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm,
    extensions,
  });
  return toIdentity(cert, keys);
}

/**
 * Build the whole test PKI. `ocspUrl` and `crlUrl` go into the end-entity certificates (pass the loopback
 * responder's address; any URL works when the test does not fetch).
 */
export async function createTestPki(options: { ocspUrl: string; crlUrl: string; now?: Date }): Promise<TestPki> {
  const now = options.now ?? new Date();
  const day = 86_400_000;
  // The CAs started long ago, so that proofs of existence months back (receipts, timestamps) fall inside them.
  const long = { notBefore: new Date(now.getTime() - 800 * day), notAfter: new Date(now.getTime() + 3650 * day) };
  const endEntity = { notBefore: new Date(now.getTime() - 10 * day), notAfter: new Date(now.getTime() + 365 * day) };
  const urls = { ocspUrl: options.ocspUrl, crlUrl: options.crlUrl };
  // The signing certificates point to the CRL only: poppler/NSS 3.87 reports "Unknown issue with Certificate"
  // for any certificate with an OCSP AIA answered by this responder (openssl ocsp accepts the same answers;
  // without the AIA pdfsig says "Certificate is Trusted"). The revoked and expired ones carry the OCSP AIA,
  // so both revocation paths of the verifier are exercised.
  const crlOnly = { crlUrl: options.crlUrl };
  const root = await issue({ subject: 'CN=Gốc thử nghiệm Văn thư số, O=Phòng thử nghiệm, C=VN', issuer: null, keyAlg: 'rsa', ca: true, ...long });
  // The intermediate's status comes from the root's CRL (an ARL) at <crlUrl>-root.
  const intermediate = await issue({ subject: 'CN=CA trung gian thử nghiệm, O=Phòng thử nghiệm, C=VN', issuer: root, keyAlg: 'rsa', ca: true, ...long, crlUrl: `${options.crlUrl}-root` });
  const personal = await issue({
    subject: `CN=${PERSONAL_NAME}, T=Chủ tịch, O=${ORGANIZATION_NAME}, L=Lai Châu, C=VN`,
    issuer: intermediate, keyAlg: 'rsa', ca: false, ...endEntity, ...crlOnly,
  });
  const organization = await issue({ subject: `CN=${ORGANIZATION_NAME}, L=Lai Châu, C=VN`, issuer: intermediate, keyAlg: 'ec', ca: false, ...endEntity, ...crlOnly });
  const revoked = await issue({ subject: 'CN=Trần Thị Bị Thu Hồi, C=VN', issuer: intermediate, keyAlg: 'rsa', ca: false, ...endEntity, ...urls });
  const expired = await issue({
    subject: 'CN=Lê Văn Hết Hạn, C=VN', issuer: intermediate, keyAlg: 'rsa', ca: false,
    notBefore: new Date(now.getTime() - 400 * day), notAfter: new Date(now.getTime() - 35 * day), ...urls,
  });
  const crl = await x509.X509CrlGenerator.create({
    issuer: intermediate.cert.subject,
    thisUpdate: new Date(now.getTime() - day),
    nextUpdate: new Date(now.getTime() + 7 * day),
    entries: [{ serialNumber: revoked.serialHex, revocationDate: new Date(now.getTime() - 2 * day), reason: x509.X509CrlReason.keyCompromise }],
    signingKey: intermediate.keys.privateKey,
    signingAlgorithm: RSA_ALG,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(intermediate.keys.publicKey)],
  });
  const arl = await x509.X509CrlGenerator.create({
    issuer: root.cert.subject,
    thisUpdate: new Date(now.getTime() - day),
    nextUpdate: new Date(now.getTime() + 30 * day),
    signingKey: root.keys.privateKey,
    signingAlgorithm: RSA_ALG,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(root.keys.publicKey)],
  });
  return { root, intermediate, personal, organization, revoked, expired, crlDer: new Uint8Array(crl.rawData), rootCrlDer: new Uint8Array(arl.rawData), ...urls };
}

/**
 * A personal RSA certificate issued by `issuer` whose AIA names `caIssuersUrl` (RFC 5280 §4.2.2.1), for the
 * tests of intermediates fetched from AIA. It points to `crlUrl` for revocation like the other signing
 * certificates.
 */
export async function issueWithCaIssuers(issuer: TestIdentity, caIssuersUrl: string, crlUrl: string, now = new Date()): Promise<TestIdentity> {
  const day = 86_400_000;
  return issue({
    subject: 'CN=Phạm Thị Thử AIA, O=Ủy ban nhân dân xã Thử Nghiệm, C=VN', issuer, keyAlg: 'rsa', ca: false,
    notBefore: new Date(now.getTime() - day), notAfter: new Date(now.getTime() + 365 * day), crlUrl, caIssuersUrl,
  });
}

/** PEM text of a DER certificate (for openssl, certutil and pdfsig). */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** A CRL of `issuer` with the given times and entries (for revocation-at-a-time tests). */
export async function makeCrl(issuer: TestIdentity, opts: { thisUpdate: Date; nextUpdate: Date; entries?: Array<{ serialHex: string; revocationDate: Date }> }): Promise<Uint8Array> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.cert.subject,
    thisUpdate: opts.thisUpdate,
    nextUpdate: opts.nextUpdate,
    entries: (opts.entries ?? []).map((e) => ({ serialNumber: e.serialHex, revocationDate: e.revocationDate, reason: x509.X509CrlReason.keyCompromise })),
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: issuer.keys.privateKey.algorithm.name === 'ECDSA' ? EC_SIGN : RSA_ALG,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey)],
  });
  return new Uint8Array(crl.rawData);
}
