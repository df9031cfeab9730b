import type { ReportIndex } from '../../store/loadReportIndex.js';
import type { LoadedReport } from '../../store/reportFiles.js';
import { compact } from '../../text/normalize.js';
import { reportSubject } from '../../text/reportSubject.js';
import type { Tokenizer } from '../../text/tokenize.js';
import { MetricMatcher, type MetricFilter, type MetricMatch, type RegistryEntry } from '../metricMatcher.js';
import { printedFigure } from '../printedFigure.js';
import type { TableRef } from '../tableAnswerer.js';

/**
 * Metric and table lookups with one policy for every front end — Discord's /metric and /table with
 * their autocomplete, the terminal chat's /metric and /table, the CLI's `metric` — and for the
 * answering paths, which read the same registry.
 */

/**
 * Below this share of the query covered by the best entry's name, the lookup is not confident: the
 * entry may be about something else ("停车位" → "岗位"), so front ends offer the matches as the closest
 * metrics rather than as the answer.
 */
export const LOOKUP_MIN_QUERY_COVERAGE = 0.4;

export interface MetricLookup {
  query: string;
  /** Best first; an entry extracted twice (same report, name and printed figure) is listed once. */
  matches: MetricMatch[];
  /** The best match covers enough of the query to be shown as the answer. */
  confident: boolean;
}

export interface MetricLookupOptions {
  limit?: number;
  years?: ReadonlySet<number>;
  reportIds?: ReadonlySet<string>;
}

/** "表6-1", "6-1", "表 6-1" all name the same table. */
const tableKey = (text: string) => compact(text).replace(/^表/u, '');

/** Separates table id and report id in a chosen autocomplete value. */
export const TABLE_VALUE_SEPARATOR = '|';

export class LookupService {
  /** Every parsed table, newest report first. */
  readonly tables: TableRef[];
  /** One registry matcher per report: a question about this year never scans a hundred years' entries. */
  private readonly matchers = new Map<string, MetricMatcher>();
  /** Registry entries by report and exact name+unit: the same metric in another year, found in O(1). */
  private readonly byName = new Map<string, MetricMatch['entry'][]>();
  private readonly subjects = new Map<string, string | null>();

  constructor(
    private readonly index: ReportIndex,
    private readonly tokenizer: Tokenizer,
  ) {
    for (const r of index.reports) {
      for (const entry of r.metrics) {
        const key = nameKey(r.meta.id, entry.name, entry.unit);
        const list = this.byName.get(key) ?? [];
        list.push(entry);
        this.byName.set(key, list);
      }
    }
    this.tables = index.reports.flatMap((r) => r.tables.map((table) => ({ table, report: r.meta })));
  }

  /** The noun a report calls itself by ("公司", "学校"), read from its prose on first use; null if none stands out. */
  subjectOf(report: LoadedReport): string | null {
    if (!this.subjects.has(report.meta.id)) this.subjects.set(report.meta.id, reportSubject(report.chunks.filter((c) => c.kind !== 'table_rows').map((c) => c.text)));
    return this.subjects.get(report.meta.id) ?? null;
  }

  /**
   * A report's registry matcher, built on the first lookup in that report: it needs the report's
   * subject, read from its prose, and a hundred reports loaded need not all be read for one question.
   */
  private matcherOf(report: LoadedReport): MetricMatcher {
    let matcher = this.matchers.get(report.meta.id);
    if (!matcher) {
      matcher = new MetricMatcher(report.metrics.map((entry) => ({ entry, report: report.meta })), this.tokenizer, this.subjectOf(report));
      this.matchers.set(report.meta.id, matcher);
    }
    return matcher;
  }

  /** Registry matches across the reports the filter allows, best first (the answering paths' view: no cut). */
  matchMetrics(query: string, limit: number, filter: MetricFilter = {}): MetricMatch[] {
    const matches: MetricMatch[] = [];
    for (const r of this.index.reports) {
      if ((filter.reportIds && !filter.reportIds.has(r.meta.id)) || (filter.years && !filter.years.has(r.meta.year))) continue;
      matches.push(...this.matcherOf(r).match(query, limit, { section: filter.section }));
    }
    return matches.sort((a, b) => b.score - a.score || b.report.year - a.report.year).slice(0, limit);
  }

  /**
   * A metric lookup as staff see it, best first, with one verdict every front end follows: confident
   * when the best name covers enough of the query, else the matches are only the closest metrics. An
   * entry extracted twice (same report, name and printed figure) is listed once; a name printed with
   * two different figures stays twice, since that is the report contradicting itself and the reader
   * should see it. A query that names no year looks in the newest report.
   */
  lookupMetric(query: string, options: MetricLookupOptions = {}): MetricLookup {
    const limit = options.limit ?? 5;
    const latest = this.index.reports[0]?.meta.year;
    const years = options.years ?? (options.reportIds || latest === undefined || this.index.reports.length < 2 ? undefined : new Set([latest]));
    const seen = new Set<string>();
    const out: MetricMatch[] = [];
    for (const m of this.matchMetrics(query, limit * 2, { years, reportIds: options.reportIds })) {
      const key = `${m.report.id}\u0000${compact(m.entry.name)}\u0000${printedFigure(m.entry)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
      if (out.length >= limit) break;
    }
    return { query, matches: out, confident: (out[0]?.queryCoverage ?? 0) >= LOOKUP_MIN_QUERY_COVERAGE };
  }

  /** The same metric (name and unit) in another report, or null. */
  sameMetricIn(report: LoadedReport, best: MetricMatch): MetricMatch | null {
    const entry = this.byName.get(nameKey(report.meta.id, best.entry.name, best.entry.unit))?.[0];
    return entry ? { entry, report: report.meta, score: best.score, queryCoverage: best.queryCoverage, entryCoverage: best.entryCoverage } : null;
  }

  /** The same metric (name and unit) in every report that has it, newest year first. */
  metricAcrossYears(best: MetricMatch): RegistryEntry[] {
    const out: RegistryEntry[] = [];
    for (const r of this.index.reports) {
      const entry = r.meta.id === best.report.id ? best.entry : this.sameMetricIn(r, best)?.entry;
      if (entry) out.push({ entry, report: r.meta });
    }
    return out.sort((a, b) => b.report.year - a.report.year);
  }

  /** Other metrics a lookup came close to, one per name, for "did you mean". */
  closeMetrics(matches: readonly MetricMatch[], limit: number): MetricMatch[] {
    const names = new Set<string>();
    const best = matches[0];
    if (best) names.add(compact(best.entry.name));
    const out: MetricMatch[] = [];
    for (const m of matches) {
      const name = compact(m.entry.name);
      if (names.has(name)) continue;
      names.add(name);
      out.push(m);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Metric names for what has been typed: names containing it first, then the registry's own ranking; one per name. */
  suggestMetrics(typed: string, limit: number): RegistryEntry[] {
    const query = compact(typed);
    const seen = new Set<string>();
    const out: RegistryEntry[] = [];
    const add = ({ entry, report }: RegistryEntry) => {
      const key = compact(entry.name);
      if (seen.has(key) || out.length >= limit) return;
      seen.add(key);
      out.push({ entry, report });
    };
    for (const r of this.index.reports) {
      for (const entry of r.metrics) {
        if (query === '' || compact(entry.name).includes(query)) add({ entry, report: r.meta });
      }
    }
    if (query !== '') for (const match of this.lookupMetric(typed, { limit: limit * 2 }).matches) add(match);
    return out;
  }

  /** Tables whose id or caption contains what has been typed, ids matching from the start first. */
  suggestTables(typed: string, limit: number): TableRef[] {
    const query = tableKey(typed);
    return this.tables
      .map((ref, order) => {
        const id = tableKey(ref.table.id);
        const rank = query === '' ? 1 : id.startsWith(query) ? 0 : id.includes(query) || compact(ref.table.title).includes(compact(typed)) ? 1 : 2;
        return { ref, rank, order };
      })
      .filter((s) => s.rank < 2)
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, limit)
      .map((s) => s.ref);
  }

  /** The value a suggestion carries: table id and report id, so the same id in two years stays apart. */
  tableValue(ref: TableRef, maxLength: number): string {
    const full = `${ref.table.id}${TABLE_VALUE_SEPARATOR}${ref.report.id}`;
    return full.length <= maxLength ? full : ref.table.id.slice(0, maxLength);
  }

  /** The table a value names: a chosen "id|report", else a typed id or caption (newest report first). */
  findTable(value: string): TableRef | null {
    const at = value.lastIndexOf(TABLE_VALUE_SEPARATOR);
    if (at > 0) {
      const id = value.slice(0, at);
      const report = value.slice(at + 1);
      const exact = this.tables.find((t) => t.table.id === id && t.report.id === report);
      if (exact) return exact;
    }
    const typed = at > 0 ? value.slice(0, at) : value;
    const key = tableKey(typed);
    if (key === '') return null;
    return (
      this.tables.find((t) => tableKey(t.table.id) === key) ??
      this.tables.find((t) => compact(t.table.title) === compact(typed)) ??
      this.tables.find((t) => compact(t.table.title).includes(compact(typed))) ??
      null
    );
  }
}

function nameKey(reportId: string, name: string, unit: string): string {
  return `${reportId}\u0000${compact(name)}\u0000${unit}`;
}
