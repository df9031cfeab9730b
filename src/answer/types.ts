import { z } from 'zod';

/**
 * What the answering side returns. `AskResult` is the JSON contract of `ask --json` (GUIDE.md); the
 * chat layers format the same object, and the eval reads it back through these schemas.
 */

export const FigureRefSchema = z.object({
  /** Exactly as printed in the report ("47.15", "4200", "第 17 位" → "17"). */
  value: z.string(),
  unit: z.string(),
  page: z.number(),
  /** Section id: "1.1.2", "前言", "案例 3-7", "表 1-1". */
  section: z.string(),
  /** A word the report prints with the figure ("超", "余", "以上"), when it has one: "20余项" is not "20项". */
  qualifier: z.string().optional(),
});
export type FigureRef = z.infer<typeof FigureRefSchema>;

export const SourceRefSchema = z.object({
  report: z.string(),
  year: z.number(),
  section: z.string(),
  page: z.number(),
  /** The passage as printed (display text). */
  text: z.string(),
  score: z.number(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const AnswerModeSchema = z.enum(['offline', 'llm']);
export type AnswerMode = z.infer<typeof AnswerModeSchema>;

export const AskResultSchema = z.object({
  question: z.string(),
  found: z.boolean(),
  answer: z.string(),
  figures: z.array(FigureRefSchema),
  sources: z.array(SourceRefSchema),
  mode: AnswerModeSchema,
  /** Time to answer inside the process, index already loaded. */
  ms: z.number().nonnegative(),
});
export type AskResult = z.infer<typeof AskResultSchema>;

/** One earlier turn of a conversation (a Discord thread, a terminal session), oldest first. */
export const TurnSchema = z.object({ question: z.string(), answer: z.string() });
export type Turn = z.infer<typeof TurnSchema>;

export interface AskOptions {
  /** Restrict to one report id. */
  report?: string;
  /** Restrict to one report year. */
  year?: number;
  history?: Turn[];
  /** Model mode only: receives the answer text as it streams (the full text so far). */
  onPartial?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

/** A numbered piece of evidence handed to the model, and the only place its figures may come from. */
export interface Evidence {
  /** 1-based, as cited in the answer: [1], [2]… */
  n: number;
  report: string;
  year: number;
  section: string;
  page: number;
  text: string;
}
