/**
 * Bounds on an incoming package (architecture.md "Sizes are bounded before anything is read into memory";
 * issue 8). Every violation is a typed rejection with a Vietnamese reason (rejection.ts).
 */
import { MAX_FILE_BYTES } from '../../api/limits';

export interface EdxmlLimits {
  /** Bytes of the whole package file. */
  maxPackageBytes: number;
  /** Element nesting depth (the real layout needs 8). */
  maxDepth: number;
  /** Elements in the whole package. */
  maxElements: number;
  /** Characters of text in one element other than an attachment's base64 (also bounds comments, attributes, DTD text). */
  maxTextChars: number;
  /** Attachments in one package. */
  maxAttachments: number;
  /** Decoded (and unzipped) bytes of one attachment. */
  maxAttachmentBytes: number;
  /** Entries read from one zipped attachment before giving up (only one file entry is accepted). */
  maxZipEntries: number;
  /** Bytes inflated from one zipped attachment. */
  maxZipTotalBytes: number;
  /** Inflated ÷ compressed bytes beyond which a zipped attachment counts as a zip bomb (checked past 1 MiB). */
  maxZipRatio: number;
}

/**
 * Defaults: a 100 MiB file (the store's bound) in base64 is about 134 MiB, so a package up to 160 MiB passes;
 * the PVN gateway limits packages to 50 MB (§1.4), the axis's own limit is unknown.
 */
export const DEFAULT_EDXML_LIMITS: Readonly<EdxmlLimits> = Object.freeze({
  maxPackageBytes: 160 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 20_000,
  maxTextChars: 1024 * 1024,
  maxAttachments: 50,
  maxAttachmentBytes: MAX_FILE_BYTES,
  maxZipEntries: 8,
  maxZipTotalBytes: MAX_FILE_BYTES,
  maxZipRatio: 200,
});

/** The defaults with `overrides` applied (non-positive or non-integer overrides are ignored). */
export function resolveLimits(overrides: Partial<EdxmlLimits> = {}): EdxmlLimits {
  const out: EdxmlLimits = { ...DEFAULT_EDXML_LIMITS };
  for (const key of Object.keys(out) as Array<keyof EdxmlLimits>) {
    const v = overrides[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) out[key] = v;
  }
  return out;
}
