/**
 * The trust store (standards.md §6, ../shared/trust/README.md): the product pins the SHA-256 fingerprints of the
 * Ban Cơ yếu G2 root, its G2 intermediate and the Vietnam National Root CA (assets/trust/pins.json) and ships
 * no certificate files. An administrator imports each certificate from its official address or a file
 * (.crt/.cer/.pem/.der/.p7b); a certificate whose fingerprint matches no pin is refused and nothing changes.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { AppFailure } from '../../shared/api/result';
import { assetPath } from '../pdf/appearance';
import { writeFileAtomic } from './atomic-file';
import { derView } from './der-view';

export interface Pin {
  sha256: string;
  role: 'anchor' | 'intermediate';
  name: string;
  url: string;
}

/** The pinned fingerprints shipped in assets/trust/pins.json. */
export function loadPins(): Pin[] {
  const p = assetPath('trust/pins.json');
  if (!p) throw new AppFailure('INTERNAL', '[trust] thiếu assets/trust/pins.json');
  return (JSON.parse(readFileSync(p, 'utf8')) as { pins: Pin[] }).pins;
}

/** SHA-256 of a DER certificate, uppercase hex without colons (the form of the pins). */
export function fingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase();
}

/** Certificates in PEM (one or more), DER, or a PKCS#7 bundle (.p7b, DER or PEM). Throws VALIDATION otherwise. */
export function parseCertificates(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const pems = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)];
  const blobs = pems.length > 0 ? pems.map((m) => ({ label: m[1] ?? '', der: new Uint8Array(Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64')) })) : [{ label: '', der: bytes }];
  const out: Uint8Array[] = [];
  for (const { label, der } of blobs) {
    if (label !== 'PKCS7') {
      try {
        new X509Certificate(Buffer.from(der));
        out.push(der);
        continue;
      } catch {
        // not a single certificate: maybe a bundle
      }
    }
    try {
      const ci = pkijs.ContentInfo.fromBER(derView(der));
      const sd = new pkijs.SignedData({ schema: ci.content });
      for (const c of sd.certificates ?? []) if (c instanceof pkijs.Certificate) out.push(new Uint8Array(c.toSchema().toBER(false)));
    } catch {
      throw new AppFailure('VALIDATION', 'Tệp không chứa chứng thư số (cần .crt, .cer, .pem, .der hoặc .p7b)');
    }
  }
  if (out.length === 0) throw new AppFailure('VALIDATION', 'Tệp không chứa chứng thư số nào');
  return out;
}

export class TrustStore {
  private readonly pins: Pin[];
  private readonly dir: string;

  constructor(dir: string, pins?: Pin[]) {
    this.dir = dir;
    this.pins = pins ?? loadPins();
  }

  /**
   * Import the certificates of a file or download. Every certificate must match a pin; otherwise the whole
   * import is refused (VALIDATION) and the store is unchanged. Returns the pins now satisfied.
   */
  importCertificates(bytes: Uint8Array): Pin[] {
    const certs = parseCertificates(bytes);
    const matched = certs.map((der) => ({ der, pin: this.pins.find((p) => p.sha256 === fingerprint(der)) }));
    const bad = matched.find((m) => !m.pin);
    if (bad) {
      throw new AppFailure('VALIDATION', `Chứng thư số có dấu vân tay SHA-256 ${fingerprint(bad.der)} không khớp chứng thư gốc nào được ghim: không nhập`, { fingerprint: fingerprint(bad.der) });
    }
    mkdirSync(this.dir, { recursive: true });
    for (const m of matched) writeFileAtomic(join(this.dir, `${fingerprint(m.der)}.der`), m.der);
    return matched.map((m) => m.pin as Pin);
  }

  /** Download from the official address (plain HTTP is fine: the pin, not the transport, protects it). */
  async importFromUrl(url: string, fetcher: typeof fetch = fetch): Promise<Pin[]> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AppFailure('VALIDATION', 'Địa chỉ tải chứng thư số không hợp lệ');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AppFailure('VALIDATION', 'Chỉ tải chứng thư số qua http hoặc https');
    const res = await fetcher(parsed, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new AppFailure('AXIS_UNREACHABLE', `Không tải được ${parsed.href} (${res.status})`);
    return this.importCertificates(new Uint8Array(await res.arrayBuffer()));
  }

  private stored(role: Pin['role']): Uint8Array[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.flatMap((n) => {
      const pin = this.pins.find((p) => `${p.sha256}.der` === n && p.role === role);
      if (!pin) return [];
      const der = new Uint8Array(readFileSync(join(this.dir, n)));
      return fingerprint(der) === pin.sha256 ? [der] : [];
    });
  }

  /** Imported anchors (re-checked against their pins on every read). */
  anchors(): Uint8Array[] {
    return this.stored('anchor');
  }

  intermediates(): Uint8Array[] {
    return this.stored('intermediate');
  }
}

/**
 * Certificates of a directory given on the command line (`vanthu verify --trust DIR`): self-signed ones become
 * anchors, the others intermediates. This is an explicit choice by an IT officer, not the product store.
 */
export function loadTrustDir(dir: string): { anchors: Uint8Array[]; intermediates: Uint8Array[] } {
  const out = { anchors: [] as Uint8Array[], intermediates: [] as Uint8Array[] };
  for (const n of readdirSync(dir)) {
    if (!/\.(crt|cer|pem|der|p7b)$/i.test(n)) continue;
    for (const der of parseCertificates(new Uint8Array(readFileSync(join(dir, n))))) {
      const c = new X509Certificate(Buffer.from(der));
      (c.checkIssued(c) && c.verify(c.publicKey) ? out.anchors : out.intermediates).push(der);
    }
  }
  return out;
}
