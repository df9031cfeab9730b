import type { ReportMeta } from '../../store/shapes.js';
import type { MetricLookup } from '../lookup/lookupService.js';
import type { MetricMatch } from '../metricMatcher.js';
import { printedFigure, shownName } from '../printedFigure.js';
import type { Language } from '../questionAnalysis.js';
import type { TableRef } from '../tableAnswerer.js';
import { PHRASES } from './phrases.js';
import { tableLabel } from './wordAnswer.js';

/**
 * Lookup results as plain text, one formatter per kind of result, for the terminal chat and the CLI
 * (Discord draws the same results as embeds and images).
 */

/** A metric match: the printed figure with year, section and page, then the sentence it was read from. */
export function metricMatchText(m: MetricMatch, language: Language): string {
  const line = PHRASES[language].metricLine(shownName(m.entry.name), printedFigure(m.entry), m.report.year, m.entry.section.id, m.entry.page);
  return `${line}\n    ${m.entry.evidence.trim()}`;
}

/** A metric lookup: its matches; when not confident, a sentence saying so and the closest ones. */
export function metricLookupText(lookup: MetricLookup, language: Language): string {
  const p = PHRASES[language];
  if (lookup.matches.length === 0) return p.metricNotFound(lookup.query);
  const lines = lookup.matches.map((m) => metricMatchText(m, language));
  return lookup.confident ? lines.join('\n') : [p.metricNotFound(lookup.query), p.closestMetrics, ...lines].join('\n');
}

/** One line per table for a list: its name (id and caption, once), year and first page, in the table's own language. */
export function tableListLine(ref: TableRef): string {
  const name = tableLabel(ref);
  return /\p{Script=Han}/u.test(name) ? `${name}（${ref.report.year}，第 ${ref.table.page} 页）` : `${name} (${ref.report.year}, page ${ref.table.page})`;
}

/** A whole table as text: its list line, header, rows and source note, cells joined by " | ". */
export function tableText(ref: TableRef): string {
  const { table } = ref;
  return [tableListLine(ref), table.header.join(' | '), ...table.rows.map((r) => r.join(' | ')), table.sourceNote ?? ''].join('\n').trim();
}

/** The ingested reports as an aligned text table: id, year, pages, tables, metrics, title, when ingested. */
export function reportsTable(reports: readonly ReportMeta[]): string {
  if (reports.length === 0) return '(no reports ingested yet)';
  const rows = [
    ['id', 'year', 'pages', 'tables', 'metrics', 'title', 'ingested'],
    ...reports.map((r) => [r.id, String(r.year), String(r.pages), String(r.counts.tables), String(r.counts.metrics), r.title, r.ingestedAt.slice(0, 16).replace('T', ' ')]),
  ];
  const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => width(row[c] ?? '')))) ?? [];
  return rows.map((row) => row.map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - width(cell)))).join('  ').trimEnd()).join('\n');
}
