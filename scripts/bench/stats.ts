import { percentile as nearestRank } from '../eval/score.js';

/**
 * Summary statistics for timings. The bench machines are noisy (GUIDE.md "How we measure"), so
 * results are medians and percentiles over many samples, never one timing.
 */

/**
 * Nearest-rank percentile (0 < p ≤ 100), the definition `npm run eval` uses for its latency, so the
 * two commands' p50/p95 agree on the same samples; NaN when there are none.
 */
export function percentile(samples: readonly number[], p: number): number {
  return nearestRank(samples, p) ?? Number.NaN;
}

/** The middle value, or the mean of the two middle values for an even count; NaN when empty. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of samples) sum += x;
  return sum / samples.length;
}

/** Rounded to `digits` decimals, for printing and JSON (NaN stays NaN). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
