/**
 * Bounds on the work one untrusted PDF may cause in the verifier (issue 6, item 7; architecture.md "Sizes are
 * bounded before anything is read into memory"): file size, revisions, xref entries (declared against what the
 * file could really hold), inflated bytes per stream and in total, and wall time. A file over a bound is refused
 * with a typed error (PdfLimitError) and a Vietnamese reason; it is never judged "hợp lệ".
 */

export type PdfLimitKind = 'file-size' | 'revisions' | 'xref' | 'inflate' | 'objects' | 'time';

export class PdfLimitError extends Error {
  readonly limit: PdfLimitKind;
  constructor(limit: PdfLimitKind, message: string) {
    super(message);
    this.limit = limit;
    this.name = 'PdfLimitError';
  }
}

export interface PdfLimits {
  maxFileBytes: number;
  maxRevisions: number;
  /** Entries of all xref sections together, and per section at most one per 8 bytes of file (+ slack). */
  maxXrefEntries: number;
  maxStreamBytes: number;
  maxInflatedTotal: number;
  /** Wall-clock budget for one verification. */
  maxMillis: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxFileBytes: 150 * 1024 * 1024,
  maxRevisions: 1_000,
  maxXrefEntries: 2_000_000,
  maxStreamBytes: 64 * 1024 * 1024,
  maxInflatedTotal: 512 * 1024 * 1024,
  maxMillis: 30_000,
};

/** Work counters of one verification; `check()` throws once the time budget is spent. */
export class PdfBudget {
  readonly limits: PdfLimits;
  private readonly deadline: number;
  private inflated = 0;
  private xrefEntries = 0;
  private ticks = 0;

  constructor(limits: PdfLimits = DEFAULT_PDF_LIMITS, now: () => number = Date.now) {
    this.limits = limits;
    this.deadline = now() + limits.maxMillis;
    this.now = now;
  }

  private readonly now: () => number;

  /** Cheap enough to call in inner loops: looks at the clock every 1024 calls. */
  check(): void {
    this.ticks += 1;
    if ((this.ticks & 1023) === 0 && this.now() > this.deadline) {
      throw new PdfLimitError('time', `kiểm tra vượt quá ${Math.round(this.limits.maxMillis / 1000)} giây`);
    }
  }

  /** The largest output one more inflate may produce. */
  inflateAllowance(): number {
    const left = this.limits.maxInflatedTotal - this.inflated;
    if (left <= 0) throw new PdfLimitError('inflate', `tổng dữ liệu giải nén vượt quá ${this.limits.maxInflatedTotal / 1024 / 1024} MB`);
    return Math.min(left, this.limits.maxStreamBytes);
  }

  addInflated(n: number): void {
    this.inflated += n;
  }

  /** Count `n` declared xref entries of a file of `fileBytes` bytes. */
  addXrefEntries(n: number, fileBytes: number): void {
    this.xrefEntries += n;
    // Each object takes at least a few bytes somewhere in the file (even compressed in an object stream).
    const plausible = Math.max(10_000, fileBytes);
    if (n > plausible || this.xrefEntries > this.limits.maxXrefEntries) {
      throw new PdfLimitError('xref', `bảng xref khai báo ${n} đối tượng, không tương xứng với tệp ${fileBytes} byte`);
    }
  }
}

const budgets = new WeakMap<Uint8Array, PdfBudget>();

/** The budget attached to the bytes of a file being verified (a fresh default one if none was attached). */
export function budgetFor(bytes: Uint8Array): PdfBudget {
  let b = budgets.get(bytes);
  if (!b) {
    // Outside a verification (no budget attached) sizes are still bounded, time is not.
    b = new PdfBudget({ ...DEFAULT_PDF_LIMITS, maxMillis: Number.POSITIVE_INFINITY });
    budgets.set(bytes, b);
  }
  return b;
}

/** Rethrow a limit error caught by code that otherwise tolerates an unreadable stream. */
export function rethrowLimit(err: unknown): void {
  if (err instanceof PdfLimitError) throw err;
}

/** Attach `budget` to `bytes` for every parse step that follows. */
export function attachBudget(bytes: Uint8Array, budget: PdfBudget): void {
  budgets.set(bytes, budget);
}
