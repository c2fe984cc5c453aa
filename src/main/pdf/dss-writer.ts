/**
 * PAdES B-LT document security store (ETSI EN 319 142-1 §5.4, pdf-signing.md §3.4): an incremental update that
 * adds to the catalog `/DSS << /Type /DSS /Certs [...] /CRLs [...] /OCSPs [...] /VRI << /<KEY> << /Cert /CRL /OCSP
 * >> >> >>`, where KEY is the uppercase hex SHA-1 of the signature's /Contents bytes (the whole hex string as
 * stored, padding included). The signed bytes stay an exact prefix; nothing a signature covers is touched, only the
 * catalog's /DSS entry and new stream objects (revision-diff.ts lists that as an allowed change). An existing DSS
 * is carried over: its arrays and VRI entries are kept and the new material appended.
 * The content here is DER the caller collected (ltv.ts); this module knows nothing about trust.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';
import { loadForUpdate, saveIncrement } from './pades-sign';

export interface VriMaterial {
  /** The decoded /Contents bytes of the signature (padding included), which name its VRI entry. */
  signatureContents: Uint8Array;
  certs: Uint8Array[];
  crls: Uint8Array[];
  ocsps: Uint8Array[];
}

/** Uppercase hex SHA-1 of the /Contents bytes: the VRI key of ETSI EN 319 142-1 §5.4.2.2. */
export function vriKey(signatureContents: Uint8Array): string {
  return createHash('sha1').update(signatureContents).digest('hex').toUpperCase();
}

function refsOf(value: PDFObject | undefined): PDFObject[] {
  return value instanceof PDFArray ? value.asArray() : [];
}

/**
 * Append one incremental update holding `entries` in the catalog's /DSS. Streams are Flate-compressed and shared:
 * the same DER (by SHA-256) is stored once. Errors: VALIDATION (encrypted input), INTERNAL (prefix broken).
 */
export async function appendDss(bytes: Uint8Array, entries: VriMaterial[]): Promise<Uint8Array> {
  const doc = await loadForUpdate(bytes);
  const ctx = doc.context;
  const old = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
  const streams = new Map<string, PDFRef>();
  const all = { Certs: refsOf(old?.get(PDFName.of('Certs'))), CRLs: refsOf(old?.get(PDFName.of('CRLs'))), OCSPs: refsOf(old?.get(PDFName.of('OCSPs'))) };
  const streamOf = (der: Uint8Array, into: PDFObject[]): PDFRef => {
    const key = createHash('sha256').update(der).digest('hex');
    let ref = streams.get(key);
    if (!ref) {
      ref = ctx.register(ctx.flateStream(der));
      streams.set(key, ref);
      into.push(ref);
    }
    return ref;
  };
  const vri = ctx.obj({});
  const oldVri = old?.lookupMaybe(PDFName.of('VRI'), PDFDict);
  for (const [k, v] of oldVri?.entries() ?? []) vri.set(k, v);
  for (const e of entries) {
    const item = ctx.obj({});
    const cert = e.certs.map((d) => streamOf(d, all.Certs));
    const crl = e.crls.map((d) => streamOf(d, all.CRLs));
    const ocsp = e.ocsps.map((d) => streamOf(d, all.OCSPs));
    if (cert.length > 0) item.set(PDFName.of('Cert'), ctx.obj(cert));
    if (crl.length > 0) item.set(PDFName.of('CRL'), ctx.obj(crl));
    if (ocsp.length > 0) item.set(PDFName.of('OCSP'), ctx.obj(ocsp));
    vri.set(PDFName.of(vriKey(e.signatureContents)), item);
  }
  const dss = ctx.obj({ Type: 'DSS', VRI: vri });
  if (all.Certs.length > 0) dss.set(PDFName.of('Certs'), ctx.obj(all.Certs));
  if (all.CRLs.length > 0) dss.set(PDFName.of('CRLs'), ctx.obj(all.CRLs));
  if (all.OCSPs.length > 0) dss.set(PDFName.of('OCSPs'), ctx.obj(all.OCSPs));
  doc.catalog.set(PDFName.of('DSS'), ctx.register(dss));
  return saveIncrement(doc, bytes);
}
