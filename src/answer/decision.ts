import type { RetrievedChunk } from '../retrieve/hybridRetriever.js';
import type { FoundFigure } from '../text/findFigures.js';
import type { MetricMatch } from './metricMatcher.js';
import type { TableAnswer } from './tableAnswerer.js';
import type { TableFact } from './factAnswerer.js';
import type { FactComputation } from './factComputation.js';

/**
 * What the answering paths decided, before anything is worded: which table cells, registry entries or
 * sentence answer the question, what was computed from them, or why nothing does. One place
 * (phrase/wordAnswer.ts) turns a decision into the reply in the question's language; the figures and
 * sources of the reply are read off the same decision.
 */
export type Decision =
  | { kind: 'empty_question' }
  | { kind: 'question_too_long'; limit: number }
  /** A parsed table answers: a cell, an exact sum, a count of rows, rows to read, or a row/column it lacks. */
  | { kind: 'table'; answer: TableAnswer; page: number }
  /** One printed value of a table, read by its row label and period column (or a label's value). */
  | { kind: 'fact'; fact: TableFact }
  /** Facts computed with, exactly: a row's change between two periods, or rows added up. */
  | { kind: 'fact_computed'; computation: FactComputation }
  /**
   * Registry entries: the best, entries of the same quantity that print another figure (a conflict in
   * the report, shown side by side), the same metric in other years, and the exact change from the
   * year before when the question compares.
   */
  | { kind: 'metric'; shown: MetricMatch[]; conflict: boolean; otherYears: MetricMatch[]; change: MetricChange | null }
  /** A sentence; for a question for a name, the full name of the person it calls "Mr. Tollefsen", when the passage introduces them. */
  | { kind: 'passage'; hit: RetrievedChunk; sentence: string; page: number; figure: FoundFigure | null; fullName?: string }
  /** "A 和 B 加起来": each part's printed figure and their exact sum. */
  | { kind: 'passage_sum'; hit: RetrievedChunk; sentence: string; page: number; parts: Array<{ label: string; figure: FoundFigure }>; sum: string }
  /** The question names years no ingested report covers. */
  | { kind: 'years_not_covered'; covered: number[]; uncovered: number[] }
  /** The report does not say; `closest` is the best passage's place, as a hint. */
  | { kind: 'not_found'; closest: { section: string; page: number } | null };

export interface MetricChange {
  previous: MetricMatch;
  /** `best − previous`, exact, as a printed-style decimal ("-12.5", "300"). */
  difference: string;
}

/** Decisions that answer the question (the others say why it is not answered). */
export function isAnswer(decision: Decision): boolean {
  switch (decision.kind) {
    case 'table':
      return decision.answer.kind !== 'missing';
    case 'fact':
    case 'fact_computed':
    case 'metric':
    case 'passage':
    case 'passage_sum':
      return true;
    default:
      return false;
  }
}
