/**
 * What the answering side returns. `AskResult` is the JSON contract of `ask --json` (GUIDE.md); the
 * chat layers format the same object.
 */

export interface FigureRef {
  /** Exactly as printed in the report ("63.93", "6000", "第 28 位" → "28"). */
  value: string;
  unit: string;
  page: number;
  /** Section id: "1.1.2", "前言", "案例 1-25", "表 1-1". */
  section: string;
}

export interface SourceRef {
  report: string;
  year: number;
  section: string;
  page: number;
  /** The passage as printed (display text). */
  text: string;
  score: number;
}

export type AnswerMode = 'offline' | 'llm';

export interface AskResult {
  question: string;
  found: boolean;
  answer: string;
  figures: FigureRef[];
  sources: SourceRef[];
  mode: AnswerMode;
  ms: number;
}

/** One earlier turn of a conversation (a Discord thread, a terminal session), oldest first. */
export interface Turn {
  question: string;
  answer: string;
}

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
