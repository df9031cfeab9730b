/**
 * Recall of an approximate nearest-neighbour search against the exact answer.
 *
 * Rows that are exact or near duplicates (copies of one report under other years) tie in score, and
 * then "the" true top k is arbitrary: strict recall by row number would punish the graph for
 * returning an equally good copy. Tie-aware recall (as ann-benchmarks counts it) credits any returned
 * row whose exact score reaches the k-th best exact score, within `epsilon`.
 */

export interface Scored {
  index: number;
  score: number;
}

/** Share of the exact top k (by row number) that the approximate search returned. */
export function strictRecall(found: readonly number[], exact: readonly Scored[], k: number): number {
  const truth = new Set(exact.slice(0, k).map((e) => e.index));
  if (truth.size === 0) return 1;
  const returned = new Set(found.slice(0, k));
  let hits = 0;
  for (const index of truth) if (returned.has(index)) hits += 1;
  return hits / truth.size;
}

/**
 * Share of the k slots filled with a row as good as the exact k-th: `exactScoreOf` re-scores each
 * returned row exactly (the graph's own distances are float32 and computed differently).
 */
export function tieAwareRecall(
  found: readonly number[],
  exact: readonly Scored[],
  k: number,
  exactScoreOf: (index: number) => number,
  epsilon = 1e-6,
): number {
  const want = Math.min(k, exact.length);
  if (want === 0) return 1;
  const threshold = exact[want - 1]!.score - epsilon;
  let hits = 0;
  for (const index of new Set(found.slice(0, k))) if (exactScoreOf(index) >= threshold) hits += 1;
  return Math.min(hits, want) / want;
}
