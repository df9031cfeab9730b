import type { AskResult as AskLine } from '../../src/answer/types.js';
import type { MetricMatchLine as MetricMatch, TableLine } from '../../src/cli/contract.js';
import type { GoldMetric, GoldQuestion, GoldTable } from './schemas.js';

/**
 * Scoring rules of `npm run eval` (GUIDE.md "How we measure"). Pure functions, no I/O, so the tests
 * pin every rule with concrete values.
 *
 * Text comparison ("compact form"): NFKC on both sides, lower case, every whitespace character
 * removed (pdf text layers put spaces around figures and wraps put newlines inside phrases), and
 * thousands separators removed (a comma between digits followed by exactly three digits: "10,750" →
 * "10750"; NFKC has already turned the full-width "，" into ",").
 *
 * Answer containment: a reply counts when its compact form contains the compact gold answer or any
 * compact `answer_variants`, with one guard the GUIDE leaves implicit: a gold figure must not be
 * glued to more digits — gold "11" is not found in "110" or "2011", gold "95" not in "95.82%", gold
 * "0.43%" not in "10.43%". Without it every short count would be "found" in some year or page number.
 */

// ─── text ────────────────────────────────────────────────────────────────────────────────────────

const WHITESPACE = /\s+/gu;
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/gu;
const DIGIT = /^\d$/u;

export function compactForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE, '').replace(THOUSANDS_SEPARATOR, '');
}

const isDigit = (char: string | undefined): boolean => char !== undefined && DIGIT.test(char);

/** Whether the match of `needle` at `at` in `hay` (both compact) runs into more digits on either side. */
function gluedToDigits(hay: string, at: number, needle: string): boolean {
  if (isDigit(needle[0])) {
    const before = hay[at - 1];
    if (isDigit(before)) return true;
    if (before === '.' && isDigit(hay[at - 2])) return true;
  }
  if (isDigit(needle[needle.length - 1])) {
    const after = hay[at + needle.length];
    if (isDigit(after)) return true;
    if (after === '.' && isDigit(hay[at + needle.length + 1])) return true;
  }
  return false;
}

/** `reply` contains `gold` under the compact form and the digit guard (see the module comment). */
export function containsFigure(reply: string, gold: string): boolean {
  const hay = compactForMatch(reply);
  const needle = compactForMatch(gold);
  if (needle.length === 0) return false;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (!gluedToDigits(hay, at, needle)) return true;
  }
  return false;
}

/** The gold answer and its variants; empty for an unanswerable question. */
export function goldForms(question: Pick<GoldQuestion, 'answer' | 'answer_variants'>): string[] {
  return question.answer === null ? [] : [question.answer, ...question.answer_variants];
}

export function matchesGold(reply: string, question: Pick<GoldQuestion, 'answer' | 'answer_variants'>): boolean {
  return goldForms(question).some((form) => containsFigure(reply, form));
}

/**
 * The secondary reply: the answer text plus every figure's value and unit. Figures are joined with
 * "|" (which the compact form keeps) so two bare values cannot fuse into a third number.
 */
export function replyWithFigures(line: Pick<AskLine, 'answer' | 'figures'>): string {
  return [line.answer, ...line.figures.map((f) => `${f.value}${f.unit}`)].join('|');
}

/** The strict reply: the answer's first non-empty line and its figures — what a reader takes without reading on. */
export function strictReply(line: Pick<AskLine, 'answer' | 'figures'>): string {
  const first = line.answer.split('\n').find((l) => l.trim() !== '') ?? '';
  return replyWithFigures({ answer: first, figures: line.figures });
}

export function snippet(text: string, length = 60): string {
  const flat = text.replace(WHITESPACE, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : flat;
}

// ─── evidence recall ─────────────────────────────────────────────────────────────────────────────

export const RECALL_K = 5;
/** Share of the evidence's characters a source must cover in one common run (differently cut chunks). */
export const EVIDENCE_OVERLAP = 0.6;
/** A source inside the evidence counts only from this length on (a bare "11" is inside most evidence). */
export const MIN_SOURCE_INSIDE_EVIDENCE = 8;
/** Shortest common run that counts towards run coverage (shorter ones — "湖南化工" — are everywhere). */
export const MIN_COMMON_RUN = 8;

const PUNCTUATION_OR_CELL_SEPARATOR = /[\p{P}|]/gu;

/**
 * Compact form for evidence: also without punctuation and "|". Sources may print a table row as
 * "a | 董建国、肖爱武 | c" where the old text export has the cells on separate lines; separators and
 * punctuation are layout, like the whitespace already dropped, and say nothing about where a passage is.
 */
export function compactEvidence(text: string): string {
  return compactForMatch(text).replace(PUNCTUATION_OR_CELL_SEPARATOR, '');
}

/** Length of the longest common substring (by UTF-16 unit; the report's text is all in the BMP). */
export function longestCommonSubstring(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // One DP row over the shorter string; prev[j] = common run ending at a[i-1], b[j-1].
  const [outer, inner] = a.length >= b.length ? [a, b] : [b, a];
  let prev = new Uint32Array(inner.length + 1);
  let curr = new Uint32Array(inner.length + 1);
  let best = 0;
  for (let i = 1; i <= outer.length; i += 1) {
    const c = outer.charCodeAt(i - 1);
    for (let j = 1; j <= inner.length; j += 1) {
      if (c === inner.charCodeAt(j - 1)) {
        const run = prev[j - 1]! + 1;
        curr[j] = run;
        if (run > best) best = run;
      } else curr[j] = 0;
    }
    [prev, curr] = [curr, prev];
  }
  return best;
}

/**
 * Share of `a`'s characters that lie inside some run of ≥ `minRun` characters also found in `b`.
 * The gold evidence is cut from the old text export, which left running page footers inside passages
 * that straddle a page ("…建设\n高等职业教育质量报告（2024 年度）\n第 82 页\n“湖湘”文化…"); a clean
 * source matches both halves but no single run covers 60% of the excerpt.
 */
export function runCoverage(a: string, b: string, minRun = MIN_COMMON_RUN): number {
  if (a.length === 0) return 0;
  // longest[i] = longest prefix of a[i..] occurring in b, from the suffix DP run[i][j] = run[i+1][j+1] + 1.
  const longest = new Uint32Array(a.length);
  let next = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    const c = a.charCodeAt(i);
    let best = 0;
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const run = c === b.charCodeAt(j) ? next[j + 1]! + 1 : 0;
      curr[j] = run;
      if (run > best) best = run;
    }
    longest[i] = best;
    [next, curr] = [curr, next];
  }
  let covered = 0;
  let reach = 0; // first index not yet covered by a qualifying run starting at or before i
  for (let i = 0; i < a.length; i += 1) {
    if (longest[i]! >= minRun) reach = Math.max(reach, i + longest[i]!);
    if (i < reach) covered += 1;
  }
  return covered / a.length;
}

export type EvidenceRule = 'source_contains_evidence' | 'evidence_contains_source' | 'overlap';

/**
 * Whether one source passage holds the gold evidence. Evidence strings are excerpts of the old text
 * export (wrapped lines, table cells one per line), sources are chunks cut by whoever retrieved them,
 * so three ways count, tried in this order on the compact forms (`compactEvidence`: also without punctuation and "|"):
 *  1. the source contains the whole evidence;
 *  2. the evidence contains the whole source, when the source has ≥ 8 characters (a chunk smaller
 *     than the excerpt, e.g. one table row of a multi-row excerpt);
 *  3. overlap: one common run covers ≥ 60% of the evidence's characters (the excerpt straddles the
 *     source's edge, or the extractor ordered wrapped cells differently), or common runs of ≥ 8
 *     characters together cover ≥ 60% of it (a page footer the old export left inside the excerpt).
 */
export function evidenceRule(evidence: string, source: string): EvidenceRule | null {
  const e = compactEvidence(evidence);
  const s = compactEvidence(source);
  if (e.length === 0 || s.length === 0) return null;
  if (s.includes(e)) return 'source_contains_evidence';
  if (s.length >= MIN_SOURCE_INSIDE_EVIDENCE && e.includes(s)) return 'evidence_contains_source';
  if (longestCommonSubstring(e, s) >= EVIDENCE_OVERLAP * e.length) return 'overlap';
  if (runCoverage(e, s) >= EVIDENCE_OVERLAP) return 'overlap';
  return null;
}

export interface EvidenceHit {
  /** 1-based rank of the first source that holds the evidence. */
  rank: number;
  rule: EvidenceRule;
}

/** The first of the top `k` sources holding the evidence, or null (recall@k miss). */
export function findEvidence(evidence: string, sources: readonly string[], k = RECALL_K): EvidenceHit | null {
  for (const [i, source] of sources.slice(0, k).entries()) {
    const rule = evidenceRule(evidence, source);
    if (rule) return { rank: i + 1, rule };
  }
  return null;
}

// ─── per question ────────────────────────────────────────────────────────────────────────────────

export interface QuestionOutcome {
  id: string;
  kind: string;
  lang: string;
  answerable: boolean;
  /** Primary score: answerable → found and the answer text holds the gold; unanswerable → found:false. */
  correct: boolean;
  /** Same, with the figures' values+units added to the answer text (answerable only; else = correct). */
  correctWithFigures: boolean;
  /** Strict: the gold in the answer's first line or a figure (answerable only; else = correct). */
  correctStrict: boolean;
  found: boolean;
  /** Recall@5 of the gold evidence; null when there is none to find (unanswerable, or no evidence). */
  evidence: EvidenceHit | null | 'n/a';
  ms: number;
  /** First 60 characters of the reply, for the failure list. */
  snippet: string;
}

export function scoreAsk(gold: GoldQuestion, line: AskLine): QuestionOutcome {
  const answerable = gold.answer !== null;
  const correct = answerable ? line.found && matchesGold(line.answer, gold) : !line.found;
  const correctWithFigures = answerable ? line.found && matchesGold(replyWithFigures(line), gold) : correct;
  const correctStrict = answerable ? line.found && matchesGold(strictReply(line), gold) : correct;
  return {
    id: gold.id,
    kind: gold.kind,
    lang: gold.lang,
    answerable,
    correct,
    correctWithFigures,
    correctStrict,
    found: line.found,
    evidence: answerable && gold.evidence.trim() !== '' ? findEvidence(gold.evidence, line.sources.map((s) => s.text)) : 'n/a',
    ms: line.ms,
    snippet: `${line.found ? '' : '[found:false] '}${snippet(line.answer)}`,
  };
}

/**
 * The naive baseline's "answer" is its top-k chunks: credited when any one chunk holds the gold (a
 * retrieval hit, not an answer a person was given). It never abstains, so an unanswerable question is
 * always wrong for it.
 */
export function scoreChunks(gold: GoldQuestion, chunks: readonly string[], ms: number): QuestionOutcome {
  const answerable = gold.answer !== null;
  const correct = answerable && chunks.some((chunk) => matchesGold(chunk, gold));
  return {
    id: gold.id,
    kind: gold.kind,
    lang: gold.lang,
    answerable,
    correct,
    correctWithFigures: correct,
    // Its "answer" is five chunks: there is no first line to hold it to.
    correctStrict: false,
    found: true,
    evidence: answerable && gold.evidence.trim() !== '' ? findEvidence(gold.evidence, chunks) : 'n/a',
    ms,
    snippet: snippet(chunks[0] ?? ''),
  };
}

// ─── metrics ─────────────────────────────────────────────────────────────────────────────────────

/** The value with a trailing copy of its own unit dropped ("84.28%" with unit "%" → "84.28"). */
function valueCore(value: string, unit: string): string {
  const v = compactForMatch(value);
  const u = compactForMatch(unit);
  return u !== '' && v.endsWith(u) && v.length > u.length ? v.slice(0, -u.length) : v;
}

/**
 * Value match: equal compact values (separators and spaces removed), also when one side printed the
 * unit inside the value ("84.28%" vs "84.28" + "%").
 */
export function metricValueMatches(match: Pick<MetricMatch, 'value' | 'unit'>, gold: Pick<GoldMetric, 'value' | 'unit'>): boolean {
  if (valueCore(match.value, match.unit) === valueCore(gold.value, gold.unit)) return true;
  return compactForMatch(match.value + match.unit) === compactForMatch(gold.value + gold.unit);
}

export function metricUnitMatches(match: Pick<MetricMatch, 'unit'>, gold: Pick<GoldMetric, 'unit'>): boolean {
  return compactForMatch(match.unit) === compactForMatch(gold.unit);
}

export interface MetricOutcome {
  id: string;
  query: string;
  top1: boolean;
  top3: boolean;
  /** Top-1 value and unit both match; null when not measurable (the baseline has no units). */
  top1Unit: boolean | null;
  /** Top-1 value and qualifier (超/近/…) both match; null when not measurable. */
  top1Qualifier: boolean | null;
  snippet: string;
}

export function scoreMetric(gold: GoldMetric, matches: readonly MetricMatch[]): MetricOutcome {
  const first = matches[0];
  const top1 = first !== undefined && metricValueMatches(first, gold);
  return {
    id: gold.id,
    query: gold.query,
    top1,
    top3: matches.slice(0, 3).some((m) => metricValueMatches(m, gold)),
    top1Unit: top1 && first !== undefined && metricUnitMatches(first, gold),
    top1Qualifier: top1 && first !== undefined && compactForMatch(first.qualifier) === compactForMatch(gold.qualifier),
    snippet: first ? snippet(`${first.name} ${first.qualifier}${first.value}${first.unit}`) : '[no match]',
  };
}

/** Baseline metric lookup: the gold value (digit guard applied) inside chunk 1, or inside chunks 1–3. */
export function scoreMetricChunks(gold: GoldMetric, chunks: readonly string[]): MetricOutcome {
  return {
    id: gold.id,
    query: gold.query,
    top1: chunks[0] !== undefined && containsFigure(chunks[0], gold.value),
    top3: chunks.slice(0, 3).some((chunk) => containsFigure(chunk, gold.value)),
    top1Unit: null,
    top1Qualifier: null,
    snippet: snippet(chunks[0] ?? ''),
  };
}

// ─── tables ──────────────────────────────────────────────────────────────────────────────────────

export interface TableOutcome {
  id: string;
  /** Our tables with this id (compact comparison); their rows are pooled. */
  found: boolean;
  headerMatch: boolean;
  goldRows: number;
  /** Gold rows equal to one of our rows cell for cell (compact cells); each of ours is used once. */
  matchedRows: number;
  /** Our rows not matched by a gold row (extra or broken rows). */
  extraRows: number;
}

const rowKey = (row: readonly string[]): string => JSON.stringify(row.map(compactForMatch));

export function scoreTable(gold: GoldTable, ours: readonly TableLine[]): TableOutcome {
  const mine = ours.filter((t) => compactForMatch(t.id) === compactForMatch(gold.id));
  const pool = new Map<string, number>();
  for (const row of mine.flatMap((t) => t.rows)) pool.set(rowKey(row), (pool.get(rowKey(row)) ?? 0) + 1);
  let matchedRows = 0;
  for (const row of gold.rows) {
    const key = rowKey(row);
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      pool.set(key, left - 1);
      matchedRows += 1;
    }
  }
  const ourRows = mine.reduce((n, t) => n + t.rows.length, 0);
  return {
    id: gold.id,
    found: mine.length > 0,
    headerMatch: mine.some((t) => rowKey(t.header) === rowKey(gold.header)),
    goldRows: gold.rows.length,
    matchedRows,
    extraRows: ourRows - matchedRows,
  };
}

// ─── aggregates ──────────────────────────────────────────────────────────────────────────────────

export interface Rate {
  hits: number;
  n: number;
  /** hits / n, null when n = 0. */
  rate: number | null;
}

export function rate(hits: number, n: number): Rate {
  return { hits, n, rate: n === 0 ? null : hits / n };
}

function countRate<T>(items: readonly T[], hit: (item: T) => boolean): Rate {
  return rate(items.filter(hit).length, items.length);
}

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or below it
 * (p95 of 1..20 is 19, p50 of 1..4 is 2). Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

export interface QaSummary {
  /** Every question: answerable right + unanswerable abstained. */
  all: Rate;
  answerable: Rate;
  /** Answerable, with the figures' values+units counted as part of the reply. */
  answerableWithFigures: Rate;
  /** Answerable, the gold in the first line or a figure. */
  answerableStrict: Rate;
  /** Unanswerable questions that came back found:false. */
  abstention: Rate;
  /** Answerable questions that came back found:false (already wrong in `answerable`). */
  falseAbstention: Rate;
  /** Answerable questions with evidence whose evidence is in the first 5 sources. */
  recallAt5: Rate;
  byKind: Record<string, Rate>;
  byLang: Record<string, Rate>;
  latencyMs: { p50: number | null; p95: number | null };
}

function groupRates(outcomes: readonly QuestionOutcome[], key: (o: QuestionOutcome) => string): Record<string, Rate> {
  const groups = new Map<string, QuestionOutcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return Object.fromEntries([...groups].map(([name, group]) => [name, countRate(group, (o) => o.correct)]));
}

export function summarizeQa(outcomes: readonly QuestionOutcome[]): QaSummary {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const withEvidence = answerable.filter((o) => o.evidence !== 'n/a');
  const ms = outcomes.map((o) => o.ms);
  return {
    all: countRate(outcomes, (o) => o.correct),
    answerable: countRate(answerable, (o) => o.correct),
    answerableWithFigures: countRate(answerable, (o) => o.correctWithFigures),
    answerableStrict: countRate(answerable, (o) => o.correctStrict),
    abstention: countRate(unanswerable, (o) => o.correct),
    falseAbstention: countRate(answerable, (o) => !o.found),
    recallAt5: countRate(withEvidence, (o) => o.evidence !== null && o.evidence !== 'n/a'),
    byKind: groupRates(outcomes, (o) => o.kind),
    byLang: groupRates(outcomes, (o) => o.lang),
    latencyMs: { p50: percentile(ms, 50), p95: percentile(ms, 95) },
  };
}

export interface MetricSummary {
  top1: Rate;
  top3: Rate;
  /** Top-1 value and unit right; null for a side that has no units. */
  top1WithUnit: Rate | null;
  top1WithQualifier: Rate | null;
}

export function summarizeMetrics(outcomes: readonly MetricOutcome[]): MetricSummary {
  const measurable = outcomes.every((o) => o.top1Unit !== null);
  return {
    top1: countRate(outcomes, (o) => o.top1),
    top3: countRate(outcomes, (o) => o.top3),
    top1WithUnit: measurable ? countRate(outcomes, (o) => o.top1Unit === true) : null,
    top1WithQualifier: measurable ? countRate(outcomes, (o) => o.top1Qualifier === true) : null,
  };
}

export interface TableSummary {
  tables: Rate;
  rows: Rate;
  headers: Rate;
}

export function summarizeTables(outcomes: readonly TableOutcome[]): TableSummary {
  return {
    tables: countRate(outcomes, (o) => o.found),
    rows: rate(
      outcomes.reduce((n, o) => n + o.matchedRows, 0),
      outcomes.reduce((n, o) => n + o.goldRows, 0),
    ),
    headers: countRate(outcomes, (o) => o.headerMatch),
  };
}
