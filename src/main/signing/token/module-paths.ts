/**
 * Where PKCS#11 drivers of the tokens used in Vietnamese agencies usually live. The user may always browse for
 * another file; this list only drives auto-detection. Every name here is justified by a public source:
 *
 * - eTPKCS11.dll / libeTPkcs11.so: SafeNet Authentication Client (eToken 5110), the token VGCA hands to agencies
 *   (pdf-signing.md §4: provincial guides; DLL name from ebourg/jsign#189). Linux name from the SAC packages.
 * - bit4xpki.dll / libbit4xpki.so: Bit4id tokens, also issued by VGCA (ctt-gob-es/clienteafirma#111).
 * - vnpt-ca_csp11.dll, vnptca_p11_v8.dll: VNPT-CA middleware; viettel-ca_v6.dll, viettel-ca_v5.dll, viettel-ca.dll:
 *   Viettel-CA; BkavCA.dll: BKAV-CA; eps2003csp11.dll: Feitian ePass2003 used by several public CAs;
 *   SignatureP11.dll: FPT-CA. These names recur in the candidate lists of several independent public Vietnamese
 *   signing integrations (TokenManager/ECUS installs, web-signing plugins), which is the best evidence available;
 *   Ban Cơ yếu (BCY/VGCA) tokens use the SafeNet and Bit4id drivers above.
 * - opensc-pkcs11.so: OpenSC, the generic driver on Debian/Ubuntu (package opensc), for cards it supports.
 * - libsofthsm2.so: SoftHSM2, the software token used for tests and training (package softhsm2).
 */
import { existsSync } from 'node:fs';
import { win32 } from 'node:path';

export interface ModuleCandidate {
  path: string;
  /** Short vendor name shown next to the path. */
  vendor: string;
}

const WINDOWS_DLLS: ReadonlyArray<[string, string]> = [
  ['eTPKCS11.dll', 'SafeNet eToken (VGCA)'],
  ['bit4xpki.dll', 'Bit4id (VGCA)'],
  ['vnpt-ca_csp11.dll', 'VNPT-CA'],
  ['vnptca_p11_v8.dll', 'VNPT-CA'],
  ['viettel-ca_v6.dll', 'Viettel-CA'],
  ['viettel-ca_v5.dll', 'Viettel-CA'],
  ['viettel-ca.dll', 'Viettel-CA'],
  ['BkavCA.dll', 'BKAV-CA'],
  ['eps2003csp11.dll', 'Feitian ePass2003'],
  ['SignatureP11.dll', 'FPT-CA'],
];

const LINUX_PATHS: ReadonlyArray<[string, string]> = [
  ['/usr/lib/libeTPkcs11.so', 'SafeNet eToken (VGCA)'],
  ['/usr/lib/bit4id/libbit4xpki.so', 'Bit4id (VGCA)'],
  ['/usr/lib/libbit4xpki.so', 'Bit4id (VGCA)'],
  ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', 'OpenSC'],
  ['/usr/lib/softhsm/libsofthsm2.so', 'SoftHSM2 (thử nghiệm)'],
];

/** Every candidate path for a platform, present or not (absolute paths only: pkcs11js#68, graphene#140). */
export function candidateModules(platform: NodeJS.Platform, systemRoot = 'C:\\Windows'): ModuleCandidate[] {
  if (platform === 'win32') {
    return WINDOWS_DLLS.map(([file, vendor]) => ({ path: win32.join(systemRoot, 'System32', file), vendor }));
  }
  return LINUX_PATHS.map(([path, vendor]) => ({ path, vendor }));
}

/** The candidates that exist on this machine, in the order above. */
export function detectModules(
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  systemRoot = process.env.SystemRoot ?? 'C:\\Windows',
): ModuleCandidate[] {
  return candidateModules(platform, systemRoot).filter((c) => exists(c.path));
}
