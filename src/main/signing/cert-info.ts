/**
 * Readable facts about an X.509 certificate: subject and issuer as UTF-8 text (Vietnamese kept), validity,
 * key usage, key algorithm. Built on @peculiar/x509, whose Name.toString keeps UTF8String values intact.
 */
import './reflect-shim';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { derView } from './der-view';

// Node's webcrypto is the WebCrypto the library expects; the cast bridges @types/node and the DOM typings.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

export interface CertFacts {
  subject: string;
  commonName: string;
  organization: string;
  issuer: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  keyUsage: string[];
  keyAlgorithm: 'RSA' | 'EC';
  isCa: boolean;
}

const KEY_USAGE_NAMES: ReadonlyArray<[number, string]> = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
];

function firstOf(name: x509.Name, type: string): string {
  const values = name.getField(type);
  return values[0] ?? '';
}

// The same few signer and CA certificates come back in file after file (every document of an agency carries its
// leader's and its seal's certificate): their facts are kept, keyed by the certificate's SHA-256, up to a bound.
const FACTS_CACHE_SIZE = 512;
const factsCache = new Map<string, CertFacts>();

const copyFacts = (f: CertFacts): CertFacts => ({ ...f, notBefore: new Date(f.notBefore), notAfter: new Date(f.notAfter), keyUsage: [...f.keyUsage] });

/** Parse a DER certificate into display facts (a fresh copy each call). Throws on malformed input. */
export function certFacts(der: Uint8Array): CertFacts {
  const key = createHash('sha256').update(der).digest('base64');
  const known = factsCache.get(key);
  if (known) {
    factsCache.delete(key); // most recently used last
    factsCache.set(key, known);
    return copyFacts(known);
  }
  const facts = parseFacts(der);
  if (factsCache.size >= FACTS_CACHE_SIZE) factsCache.delete(factsCache.keys().next().value as string);
  factsCache.set(key, facts);
  return copyFacts(facts);
}

function parseFacts(der: Uint8Array): CertFacts {
  const cert = new x509.X509Certificate(derView(der));
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  const bc = cert.getExtension(x509.BasicConstraintsExtension);
  const usages = ku ? KEY_USAGE_NAMES.filter(([flag]) => (ku.usages & flag) !== 0).map(([, n]) => n) : [];
  return {
    subject: cert.subject,
    commonName: firstOf(cert.subjectName, 'CN'),
    organization: firstOf(cert.subjectName, 'O'),
    issuer: cert.issuer,
    serialHex: cert.serialNumber.toLowerCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    keyUsage: usages,
    keyAlgorithm: cert.publicKey.algorithm.name === 'ECDSA' ? 'EC' : 'RSA',
    isCa: bc?.ca === true,
  };
}

/**
 * Key usage allows a document signature (digitalSignature or nonRepudiation). Without the extension RFC 5280
 * sets no limit, which is how the integrity-only check reads it; the full verification passes
 * `requireExtension` (ETSI EN 319 412-2 §4.3.2: a signing certificate must state its key usage, issue 6 item 6).
 */
export function allowsSigning(facts: CertFacts, options: { requireExtension?: boolean } = {}): boolean {
  if (facts.keyUsage.length === 0) return options.requireExtension !== true;
  return facts.keyUsage.includes('digitalSignature') || facts.keyUsage.includes('nonRepudiation');
}
