import { z } from 'zod';

/**
 * Shapes the eval reads: the gold files (eval/dev/*.jsonl, ../shared/eval) and the JSON lines of the
 * CLI contract (GUIDE.md "Contracts"). Unknown extra keys are allowed on both sides — gold lines carry
 * notes, and the contract may grow — but every key the scoring reads is checked.
 */

export const QA_KINDS = ['metric_list', 'figure_in_text', 'table_cell', 'narrative', 'multi_hop', 'unanswerable'] as const;

export const GoldQuestionSchema = z.object({
  id: z.string().min(1),
  lang: z.string().min(1),
  question: z.string().min(1),
  /** null: the report does not say, the right reply is `found: false`. */
  answer: z.string().min(1).nullable(),
  answer_variants: z.array(z.string().min(1)).default([]),
  // A string rather than the enum: a hidden set may add kinds, and they are reported as they come.
  kind: z.string().min(1),
  section: z.string().nullish(),
  /** Unanswerable questions carry null. */
  evidence: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  /** A follow-up: the conversation's earlier turns, oldest first (sent as the contract's JSON batch line). */
  history: z.array(z.object({ question: z.string(), answer: z.string() })).optional(),
});
export type GoldQuestion = z.infer<typeof GoldQuestionSchema>;

export const GoldMetricSchema = z.object({
  id: z.string().min(1),
  query: z.string().min(1),
  canonical: z.string().default(''),
  value: z.string().min(1),
  unit: z.string().nullish().transform((v) => v ?? ''),
  qualifier: z.string().nullish().transform((v) => v ?? ''),
  evidence: z.string().nullish().transform((v) => v ?? ''),
});
export type GoldMetric = z.infer<typeof GoldMetricSchema>;

export const GoldTableSchema = z.object({
  id: z.string().min(1),
  title: z.string().default(''),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type GoldTable = z.infer<typeof GoldTableSchema>;

export const FigureSchema = z.object({
  value: z.string(),
  unit: z.string(),
  page: z.number(),
  section: z.string(),
});

export const SourceSchema = z.object({
  report: z.string(),
  year: z.number(),
  section: z.string(),
  page: z.number(),
  text: z.string(),
  score: z.number(),
});

/** One line of `ask --json` (src/answer/types.ts `AskResult`). */
export const AskLineSchema = z.object({
  question: z.string(),
  found: z.boolean(),
  answer: z.string(),
  figures: z.array(FigureSchema),
  sources: z.array(SourceSchema),
  mode: z.enum(['offline', 'llm']),
  ms: z.number().nonnegative(),
});
export type AskLine = z.infer<typeof AskLineSchema>;

export const MetricMatchSchema = z.object({
  name: z.string(),
  value: z.string(),
  unit: z.string(),
  qualifier: z.string(),
  report: z.string(),
  year: z.number(),
  section: z.string(),
  page: z.number(),
  evidence: z.string(),
});
export type MetricMatch = z.infer<typeof MetricMatchSchema>;

/** One line of `metric --json`: matches best first. */
export const MetricLineSchema = z.object({
  query: z.string(),
  matches: z.array(MetricMatchSchema),
});
export type MetricLine = z.infer<typeof MetricLineSchema>;

/** One line of `tables --json`. */
export const TableLineSchema = z.object({
  id: z.string(),
  title: z.string(),
  report: z.string(),
  year: z.number(),
  page: z.number(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  source_note: z.string().nullish(),
});
export type TableLine = z.infer<typeof TableLineSchema>;
