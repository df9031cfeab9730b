import type { ReportSetSummary } from './reportSets.js';
import type { MetricOutcome, MetricSummary, QaSummary, QuestionOutcome, TableOutcome, TableSummary } from './score.js';

/** What `npm run eval` writes to bench-results/eval.json (and prints as a table). */

export interface OursResult {
  qa: QaSummary | null;
  metrics: MetricSummary | null;
  tables: TableSummary | null;
  /** Answer modes seen ("offline", "llm") and how often. */
  modes: Record<string, number>;
  /** Wall time of each batch process, index load and process start included. */
  wallMs: Record<string, number>;
  /** Broken parts of the run (CLI failed, bad JSON…); a non-empty list makes the exit code 1. */
  errors: string[];
}

export interface BaselineResult {
  description: string;
  pdf: string;
  chunks: number;
  buildMs: number;
  qa: QaSummary | null;
  metrics: MetricSummary | null;
  errors: string[];
}

export interface QuestionRow {
  id: string;
  kind: string;
  lang: string;
  question: string;
  gold: string | null;
  ours: QuestionOutcome | null;
  baseline: QuestionOutcome | null;
}

export interface MetricRow {
  id: string;
  query: string;
  gold: string;
  ours: MetricOutcome | null;
  baseline: MetricOutcome | null;
}

export interface EvalResult {
  generatedAt: string;
  goldDir: string;
  indexDir: string;
  cli: string;
  /** The scoring rules in words, so the JSON can be read without the code. */
  rules: Record<string, string>;
  ours: OursResult | null;
  baseline: BaselineResult | null;
  questions: QuestionRow[];
  metrics: MetricRow[];
  tables: TableOutcome[];
  /** The real-report sets (strict and loose per set); absent when skipped. */
  reportSets?: ReportSetSummary[];
}

export const SCORING_RULES: Record<string, string> = {
  text:
    'Compact form on both sides: NFKC, lower case, all whitespace removed, thousands separators (a comma between digits before exactly 3 digits) removed.',
  answer:
    'Primary score: an answerable question is right when found:true and the `answer` text contains the gold answer or one of answer_variants (compact form), and a gold starting/ending with a digit is not glued to further digits ("11" is not in "110", "95" not in "95.82"). found:false on an answerable question is wrong.',
  answerWithFigures: 'Secondary: the same test on the answer text plus every figure value+unit (joined with "|").',
  strict:
    'Strict (the figure a reader takes without reading on): the same test on the answer\'s first non-empty line plus every figure value+unit. The real-report sets (reportSets) are scored strict and loose alike, each report in an index of its own; their unanswerable questions (answer "") are right only when found:false.',
  abstention: 'Unanswerable (gold answer null) is right only when found:false; "all" counts these together with the answerable ones.',
  recall:
    'recall@5 over answerable questions with evidence: one of the first 5 sources[].text (compact, and punctuation and table cell separators "|" dropped too) contains the evidence, or the evidence contains the source (source ≥ 8 chars), or their longest common substring covers ≥ 60% of the evidence, or common runs of ≥ 8 characters together cover ≥ 60% of it (page footers the old text export left inside an excerpt).',
  metrics:
    'top-1 / top-3: the first / any of the first three matches has the gold value (compact; a unit printed inside the value is tolerated). Unit and qualifier match are reported for top-1 value hits.',
  tables: 'Gold rows equal to one of our rows of the table with the same id, cell for cell (compact cells), each of our rows used once.',
  latency: 'Nearest-rank p50/p95 of the `ms` each answer reports (ours) / of in-process embed+search time (baseline).',
  baseline:
    'Naive baseline: RecursiveCharacterTextSplitter(1000/200) over pdf-parse text of the same PDF, LocalHashEmbeddings, hnswlib top-5. Credited when the gold answer is inside any of its top-5 chunks (a retrieval hit, not an answer); it cannot abstain, so unanswerable questions count as wrong. Metric top-1/top-3 = gold value inside chunk 1 / chunks 1–3.',
};
