import { z } from 'zod';

/**
 * Shapes of the gold files the eval reads (eval/dev/*.jsonl, ../shared/eval). The CLI's JSON lines are
 * read with the CLI's own schemas (src/answer/types.ts, src/cli/contract.ts). Unknown extra keys are
 * allowed — gold lines carry notes, and the contract may grow — but every key the scoring reads is checked.
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
