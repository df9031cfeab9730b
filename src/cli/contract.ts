import { z } from 'zod';
import type { MetricMatch } from '../answer/metricMatcher.js';
import { TurnSchema } from '../answer/types.js';
import type { ParsedTable, ReportMeta } from '../store/shapes.js';

/**
 * The JSON lines of the CLI contract (GUIDE.md "Contracts") that are not an answer: `metric --json`,
 * `tables --json`, and the lines of an `ask --batch` file. `ask --json` prints `AskResultSchema`
 * (src/answer/types.ts). Scripts that read the CLI (the eval) validate against these same schemas.
 */

export const MetricMatchLineSchema = z.object({
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
export type MetricMatchLine = z.infer<typeof MetricMatchLineSchema>;

/** One line of `metric --json`: matches best first. */
export const MetricLineSchema = z.object({ query: z.string(), matches: z.array(MetricMatchLineSchema) });
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

/** A line of an `ask --batch` file that is JSON: a question with the conversation before it. */
export const BatchQuestionSchema = z.object({ question: z.string(), history: z.array(TurnSchema).optional() });
export type BatchQuestion = z.infer<typeof BatchQuestionSchema>;

export function metricMatchLine(m: MetricMatch): MetricMatchLine {
  return {
    name: m.entry.name,
    value: m.entry.value,
    unit: m.entry.unit,
    qualifier: m.entry.qualifier,
    report: m.report.id,
    year: m.report.year,
    section: m.entry.section.id,
    page: m.entry.page,
    evidence: m.entry.evidence,
  };
}

export function tableLine(table: ParsedTable, report: Pick<ReportMeta, 'id' | 'year'>): TableLine {
  return {
    id: table.id,
    title: table.title,
    report: report.id,
    year: report.year,
    page: table.page,
    header: table.header,
    rows: table.rows,
    source_note: table.sourceNote,
  };
}
