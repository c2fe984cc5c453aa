/**
 * A loopback RFC 3161 time-stamping authority for the test PKI, on 127.0.0.1 with a random port. Its
 * certificate is issued by the test intermediate with the extended key usage timeStamping marked critical
 * (RFC 3161 §2.3); answers carry a TSTInfo built with PKI.js, signed with content-type, message-digest and
 * signing-certificate-v2 (RFC 5816). `mode` switches it to failure behaviours for negative tests.
 */
import '../../../src/main/signing/reflect-shim';
import { createHash, webcrypto } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import { OID, signingCertificateV2, sortedAttributes } from '../../../src/main/signing/cms/cades-builder';
import { TST_INFO_OID } from '../../../src/main/signing/tsa/tsa-client';
import type { TestPki } from './test-pki';

export const TSA_NAME = 'Máy chủ dấu thời gian thử nghiệm';
const RSA_ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

/**
 * - ok: a granted token; - reject: status rejection; - garbage: a body that is not DER;
 * - bloated: a granted token stuffed with 40 extra certificates (does not fit the /Contents reserve);
 * - wrong-imprint: a token over other data; - slow: never answers.
 */
export type TsaMode = 'ok' | 'reject' | 'garbage' | 'bloated' | 'wrong-imprint' | 'slow';

export interface TestTsa {
  url: string;
  certDer: Uint8Array;
  mode: TsaMode;
  readonly requests: number;
  close(): Promise<void>;
}

async function issueTsaCert(pki: TestPki, eku: boolean): Promise<{ der: Uint8Array; key: webcrypto.CryptoKey }> {
  const keys = (await webcrypto.subtle.generateKey(RSA_ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: `02${now.toString(16).slice(-8)}`,
    subject: `CN=${TSA_NAME}, O=Phòng thử nghiệm, C=VN`,
    issuer: pki.intermediate.cert.subject,
    // Long before today, so a TSA clock set months back (the revocation-at-a-time tests) is inside it.
    notBefore: new Date(now - 800 * 86_400_000),
    notAfter: new Date(now + 365 * 86_400_000),
    publicKey: keys.publicKey,
    signingKey: pki.intermediate.keys.privateKey,
    signingAlgorithm: RSA_ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      // A TSA certificate without it (eku false) is what a verifier must refuse.
      new x509.ExtendedKeyUsageExtension([eku ? x509.ExtendedKeyUsage.timeStamping : x509.ExtendedKeyUsage.emailProtection], true),
      await x509.AuthorityKeyIdentifierExtension.create(pki.intermediate.keys.publicKey),
    ],
  });
  return { der: new Uint8Array(cert.rawData), key: keys.privateKey };
}

async function token(req: pkijs.TimeStampReq, certDer: Uint8Array, key: webcrypto.CryptoKey, serial: number, mode: TsaMode, extra: Uint8Array, clock: () => Date): Promise<pkijs.ContentInfo> {
  const cert = pkijs.Certificate.fromBER(certDer);
  const imprint = mode === 'wrong-imprint'
    ? new pkijs.MessageImprint({ hashAlgorithm: req.messageImprint.hashAlgorithm, hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(7) }) })
    : req.messageImprint;
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.3161.1',
    messageImprint: imprint,
    serialNumber: new asn1js.Integer({ value: serial }),
    genTime: new Date(Math.floor(clock().getTime() / 1000) * 1000),
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(req.nonce ? { nonce: req.nonce } : {}),
  });
  const tstDer = new Uint8Array(tst.toSchema().toBER(false));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: sortedAttributes([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: TST_INFO_OID })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: new Uint8Array(createHash('sha256').update(tstDer).digest()) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert, certDer)] }),
    ]),
  });
  const certificates = req.certReq ? [cert] : [];
  if (mode === 'bloated') for (let i = 0; i < 40; i += 1) certificates.push(pkijs.Certificate.fromBER(extra));
  const sd = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: TST_INFO_OID, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
    signerInfos: [new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      signedAttrs,
    })],
    ...(certificates.length > 0 ? { certificates } : {}),
  });
  await sd.sign(key, 0, 'SHA-256');
  return new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
}

/**
 * Start the TSA on a random loopback port, signing with a fresh certificate from `pki`'s intermediate;
 * `options.eku: false` gives that certificate no timeStamping usage; `options.clock` sets genTime (default now).
 */
export async function startTestTsa(pki: TestPki, options: { eku?: boolean; clock?: () => Date } = {}): Promise<TestTsa> {
  const clock = options.clock ?? (() => new Date());
  const { der, key } = await issueTsaCert(pki, options.eku !== false);
  let requests = 0;
  let serial = 1;
  const state = { mode: 'ok' as TsaMode };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') { res.writeHead(400).end(); return; }
        requests += 1;
        if (state.mode === 'slow') return; // the client's timeout has to end this
        if (state.mode === 'garbage') { res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('not der'); return; }
        const tsReq = pkijs.TimeStampReq.fromBER(new Uint8Array(Buffer.concat(chunks)));
        const resp = state.mode === 'reject'
          ? new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, statusStrings: [new asn1js.Utf8String({ value: 'thử nghiệm từ chối' })] }) })
          : new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }), timeStampToken: await token(tsReq, der, key, serial++, state.mode, pki.intermediate.certDer, clock) });
        const body = Buffer.from(resp.toSchema().toBER(false));
        res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': body.length }).end(body);
      })().catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/tsa`,
    certDer: der,
    get mode() { return state.mode; },
    set mode(m: TsaMode) { state.mode = m; },
    get requests() { return requests; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
