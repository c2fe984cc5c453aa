/**
 * A loopback OCSP responder and CRL server for the test PKI, on 127.0.0.1 with a random port.
 * POST /ocsp answers RFC 6960 requests signed by the intermediate (a CA-signed response, RFC 6960 §4.2.2.2);
 * GET /crl serves the intermediate's CRL. Start it first (so its URL can go into the certificates), then
 * hand it the PKI with `use(pki)`.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TestIdentity, TestPki } from './test-pki';

export interface OcspResponder {
  ocspUrl: string;
  crlUrl: string;
  /** Number of OCSP requests answered (lets a test prove a live fetch happened, or did not). */
  readonly requests: number;
  use(pki: TestPki): void;
  close(): Promise<void>;
}

function toCert(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der);
}

async function buildResponse(pki: TestPki, requestDer: Uint8Array): Promise<Uint8Array> {
  const request = pkijs.OCSPRequest.fromBER(requestDer);
  const issuer = toCert(pki.intermediate.certDer);
  const now = new Date();
  const revokedSerial = pki.revoked.serialHex.toLowerCase();
  const responses = request.tbsRequest.requestList.map((req) => {
    const serial = Buffer.from(req.reqCert.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+/, '');
    const isRevoked = serial === revokedSerial.replace(/^0+/, '');
    const certStatus = isRevoked
      ? new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 1 },
          value: [new asn1js.GeneralizedTime({ valueDate: new Date(now.getTime() - 2 * 86_400_000) })],
        })
      : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
    return new pkijs.SingleResponse({
      certID: req.reqCert,
      certStatus,
      thisUpdate: new Date(now.getTime() - 60_000),
      nextUpdate: new Date(now.getTime() + 86_400_000),
    });
  });
  const spki = issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const keyHash = createHash('sha1').update(spki).digest();
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: new asn1js.OctetString({ valueHex: new Uint8Array(keyHash) }),
      producedAt: now,
      responses,
    }),
    certs: [issuer],
  });
  await basic.sign(pki.intermediate.keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: '1.3.6.1.5.5.7.48.1.1',
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

/**
 * A CA-signed OCSP answer of `issuer` for `subject` with chosen times (revocation-at-a-time tests): good, or
 * revoked at `revokedAt` (RFC 6960 §4.2.1 RevokedInfo.revocationTime).
 */
export async function ocspAnswer(
  issuer: TestIdentity,
  subject: TestIdentity,
  times: { thisUpdate: Date; nextUpdate: Date; revokedAt?: Date },
  /** A delegated responder (RFC 6960 §4.2.2.2): it signs, is named by key and travels in `certs`. */
  responder?: TestIdentity,
): Promise<Uint8Array> {
  const issuerCert = toCert(issuer.certDer);
  const certID = await pkijs.CertID.create(toCert(subject.certDer), { hashAlgorithm: 'SHA-256', issuerCertificate: issuerCert });
  const certStatus = times.revokedAt
    ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: times.revokedAt })] })
    : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
  const signerCert = responder ? toCert(responder.certDer) : issuerCert;
  const keyHash = createHash('sha1').update(signerCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: new asn1js.OctetString({ valueHex: new Uint8Array(keyHash) }),
      producedAt: times.thisUpdate,
      responses: [new pkijs.SingleResponse({ certID, certStatus, thisUpdate: times.thisUpdate, nextUpdate: times.nextUpdate })],
    }),
    certs: [signerCert],
  });
  await basic.sign((responder ?? issuer).keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

/** Start the responder on a random loopback port. */
export async function startOcspResponder(): Promise<OcspResponder> {
  let pki: TestPki | null = null;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (!pki) { res.writeHead(503).end(); return; }
        if (req.method === 'GET' && req.url === '/crl-root') {
          res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(pki.rootCrlDer));
          return;
        }
        if (req.method === 'GET' && req.url === '/crl') {
          res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(pki.crlDer));
          return;
        }
        const getPrefix = '/ocsp/';
        if ((req.method === 'POST' && req.url === '/ocsp') || (req.method === 'GET' && req.url?.startsWith(getPrefix))) {
          requests += 1;
          // RFC 6960 A.1: GET carries the DER request base64- and then URL-encoded in the path.
          const der = req.method === 'GET' ? Buffer.from(decodeURIComponent(req.url?.slice(getPrefix.length) ?? ''), 'base64') : Buffer.concat(chunks);
          const body = await buildResponse(pki, new Uint8Array(der));
          // NSS's small HTTP client wants a plain Content-Length body and a closed connection.
          res.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': body.length, connection: 'close' }).end(Buffer.from(body));
          return;
        }
        res.writeHead(404).end();
      })().catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    ocspUrl: `${base}/ocsp`,
    crlUrl: `${base}/crl`,
    get requests() { return requests; },
    use(next) { pki = next; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
