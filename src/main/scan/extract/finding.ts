/** One field as found on the page: a value, a confidence 0–1, its box and why it was doubted. */
import type { Box } from './layout';

export interface Finding<T> {
  value: T;
  confidence: number;
  box?: Box & { page: number };
  /** Vietnamese reasons for a low confidence. */
  warnings: string[];
}

/** A field that was not found: empty value, confidence 0. */
export function notFound<T>(value: T, warning?: string): Finding<T> {
  return { value, confidence: 0, warnings: warning ? [warning] : [] };
}

/** Lowers the confidence to at most `cap`, recording why. */
export function capConfidence<T>(f: Finding<T>, cap: number, warning: string): Finding<T> {
  if (f.confidence <= cap) return f;
  return { ...f, confidence: cap, warnings: [...f.warnings, warning] };
}
