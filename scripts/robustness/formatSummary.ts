import path from 'node:path';
import { FAILING_CATEGORIES, type Category, type FileResult } from './runRobustness.js';

/** Always shown, in this order, even at 0: the figures the issue asks for. */
const HEADLINE: readonly Category[] = ['ok', 'encrypted', 'no_text_layer', 'corrupt', 'too_large', 'timeout', 'crash', 'other'];
/** Shown after the headline rows when any file falls in them. */
const MORE: readonly Category[] = ['no_year', 'empty', 'not_pdf', 'unsupported_type', 'not_found'];
const LABEL: Record<Category, string> = {
  ok: 'ok',
  encrypted: 'encrypted',
  no_text_layer: 'no text layer',
  corrupt: 'corrupt',
  too_large: 'too large',
  timeout: 'timeout',
  crash: 'crash',
  other: 'other',
  empty: 'empty',
  not_pdf: 'not a PDF',
  unsupported_type: 'unsupported type',
  not_found: 'not found',
  no_year: 'no report year',
};
const EXAMPLES = 3;
const SLOWEST = 5;

export interface RunFacts {
  dir: string;
  skipped: readonly string[];
  wallMs: number;
  concurrency: number;
  timeoutMs: number;
  heapMb: number;
  maxRssMb: number;
}

export function countByCategory(results: readonly FileResult[]): Map<Category, FileResult[]> {
  const by = new Map<Category, FileResult[]>();
  for (const result of results) by.set(result.category, [...(by.get(result.category) ?? []), result]);
  return by;
}

export function failures(results: readonly FileResult[]): FileResult[] {
  return results.filter((result) => FAILING_CATEGORIES.has(result.category));
}

/** The summary printed on stdout: the category table, timing, the slowest files, then every failure. */
export function formatSummary(results: readonly FileResult[], facts: RunFacts): string {
  const name = (result: FileResult) => path.relative(facts.dir, result.file) || result.file;
  const by = countByCategory(results);
  const rows = [...HEADLINE, ...MORE.filter((category) => by.has(category))];
  const width = Math.max(...rows.map((category) => LABEL[category].length));
  const out: string[] = [];
  const skipped = facts.skipped.length === 0 ? 'none skipped' : `${facts.skipped.length} skipped (not *.pdf): ${facts.skipped.slice(0, EXAMPLES).join(', ')}${facts.skipped.length > EXAMPLES ? ', …' : ''}`;
  out.push(`robustness: ${results.length} PDFs in ${facts.dir} (${skipped})`);
  out.push('');
  out.push(`${'category'.padEnd(width)}  count  examples`);
  for (const category of rows) {
    const inCategory = by.get(category) ?? [];
    const examples = inCategory.slice(0, EXAMPLES).map(name).join(', ');
    const more = inCategory.length > EXAMPLES ? ', …' : '';
    out.push(`${LABEL[category].padEnd(width)}  ${String(inCategory.length).padStart(5)}  ${examples}${more}`.trimEnd());
  }
  out.push('');
  const seconds = facts.wallMs / 1000;
  const rate = seconds > 0 ? results.length / seconds : 0;
  out.push(
    `time: ${seconds.toFixed(1)} s wall, ${rate.toFixed(2)} files/s, concurrency ${facts.concurrency}, ` +
      `bounds ${facts.timeoutMs / 1000} s, ${facts.heapMb} MB heap, ${facts.maxRssMb} MB resident`,
  );
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST);
  out.push(`slowest: ${slowest.map((result) => `${name(result)} ${(result.ms / 1000).toFixed(1)} s (${LABEL[result.category]})`).join(', ')}`);

  const failed = failures(results);
  if (failed.length > 0) {
    out.push('');
    out.push(`${failed.length} files failed (timeout, crash or other):`);
    for (const result of failed) {
      out.push(`- ${name(result)}: ${LABEL[result.category]}${result.stage ? ` in ${result.stage}` : ''} — ${result.detail ?? ''}`);
      if (result.stack) out.push(...result.stack.split('\n').slice(0, 8).map((line) => `    ${line.trim()}`));
    }
  }
  return out.join('\n');
}
