/**
 * The TokenSession port (house rule 3): what the signing service needs from a USB token. The pkcs11js adapter
 * (pkcs11-token-session.ts) implements it; integration tests run it against SoftHSM2.
 *
 * The PIN crosses this port once, in `openSigner`, and is never logged, stored or returned (house rule 11).
 * A signer holds it in memory only while a batch runs, because keys with CKA_ALWAYS_AUTHENTICATE need a
 * context-specific login before every signature; `close()` drops it.
 */

/** PIN state from the token flags CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED, shown before the user types. */
export type PinState = 'ok' | 'count-low' | 'final-try' | 'locked';

export interface TokenInfo {
  /** Token label (the stable key: slot ids change, pdf-signing.md §4). */
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  pinState: PinState;
}

export type KeyAlgorithm = 'RSA' | 'EC';

export interface TokenCertificate {
  tokenLabel: string;
  keyLabel: string;
  /** CKA_ID as lowercase hex: links certificate and private key. */
  idHex: string;
  certDer: Uint8Array;
  /** Subject as UTF-8 text (Vietnamese diacritics kept), e.g. "CN=Nguyễn Văn An, O=…". */
  subject: string;
  /** The subject's common name alone, for lists. */
  commonName: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** Key usage names (digitalSignature, nonRepudiation, …). */
  keyUsage: string[];
  keyAlgorithm: KeyAlgorithm;
  /**
   * Whether a private key with the same CKA_ID exists. Null before login: tokens hide CKA_PRIVATE objects
   * until the user logs in, so a listing cannot know.
   */
  hasPrivateKey: boolean | null;
}

/** Which key to sign with: the token by label, the key by label or CKA_ID. */
export interface KeyRef {
  tokenLabel: string;
  keyLabel?: string;
  idHex?: string;
}

/**
 * A logged-in key, usable for several signatures with one PIN entry (batch signing).
 * `sign` takes the DER of the CMS signed attributes and returns the signature value in CMS form
 * (PKCS#1 v1.5 bytes for RSA, a DER ECDSA-Sig-Value for EC).
 */
export interface TokenSigner {
  readonly certificate: TokenCertificate;
  sign(tbs: Uint8Array): Promise<Uint8Array>;
  /** Log out, close the session. Idempotent. */
  close(): Promise<void>;
}

export interface TokenSession {
  /** Tokens present now. Errors: TOKEN_ABSENT (driver not loadable), INTERNAL. */
  listTokens(): Promise<TokenInfo[]>;
  /** Certificates on a token (public objects; no login needed). Errors: TOKEN_ABSENT. */
  listCertificates(tokenLabel: string): Promise<TokenCertificate[]>;
  /**
   * Log in with the PIN and find the key. Errors: TOKEN_ABSENT, PIN_INCORRECT (details.pinState tells the
   * tries left), PIN_LOCKED, NOT_FOUND (no such key), CERT_EXPIRED (the certificate is outside its validity).
   */
  openSigner(key: KeyRef, pin: string, now: Date): Promise<TokenSigner>;
  /** Close every session and C_Finalize the module. Always call it. */
  close(): Promise<void>;
}
