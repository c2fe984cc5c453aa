/**
 * Retry delays of the outgoing queue: exponential (base · 2^(n−1)), capped, with "equal jitter" (half fixed, half
 * random) so many workstations coming back online after an outage do not hit the axis in step.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 5_000, capMs: 15 * 60_000 });

/** Delay before attempt `attempts + 1` after `attempts` failures (≥ 1). `random` ∈ [0, 1). */
export function backoffDelay(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(exp / 2 + random() * (exp / 2));
}
