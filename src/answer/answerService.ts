import type { Embedder } from '../embed/embedder.js';
import type { ReportMeta } from '../store/shapes.js';
import type { LoadedReport } from '../store/reportFiles.js';
import { tableRowText } from '../text/tableRowText.js';
import type { Chunk, MetricEntry } from '../store/shapes.js';
import type { ReportIndex } from '../store/loadReportIndex.js';
import type { Logger } from '../log.js';
import { HybridRetriever, type RetrievalFilter, type RetrievedChunk } from '../retrieve/hybridRetriever.js';
import { compact } from '../text/normalize.js';
import type { Tokenizer } from '../text/tokenize.js';
import { exactDifference } from './exactArithmetic.js';
import { printedFigure } from './printedFigure.js';
import { answerExtractively, coverageOf, weightedTerms, type ExtractiveAnswer, type TermWeights } from './extractiveAnswerer.js';
import { resolveFollowUp } from './followUp.js';
import { MetricMatcher, type MetricFilter, type MetricMatch } from './metricMatcher.js';
import { analyseQuestion, type Language, type QuestionAnalysis } from './questionAnalysis.js';
import { answerFromTables, type TableAnswer, type TableRef } from './tableAnswerer.js';
import type { AskOptions, AskResult, Evidence, FigureRef, SourceRef } from './types.js';

/** Longer questions are refused: nobody types 500 characters to ask for one figure, and it bounds cost. */
export const MAX_QUESTION_CHARS = 500;
const SOURCES_SHOWN = 5;
/** A registry entry answers only when its name covers this much of the question's weight. */
const METRIC_MIN_QUERY_COVERAGE = 0.62;
const METRIC_MIN_SCORE = 0.4;
/** The best sentence must cover this much of the question's weight, or the report is taken not to say. */
const EXTRACTIVE_MIN_COVERAGE = 0.6;
/** Two registry entries this close in score, for the same quantity, are both shown (a conflict). */
const CONFLICT_SCORE_GAP = 0.25;
/** A metric is listed for at most this many years (the newest), so an answer stays readable in chat. */
const YEARS_SHOWN = 6;

/** The model side, as the service sees it (src/answer/model implements it). */
export interface ModelAnswerPort {
  answer(
    question: string,
    evidence: Evidence[],
    options: { history?: AskOptions['history']; onPartial?: (text: string) => void; signal?: AbortSignal; allowedFigures?: string[] },
  ): Promise<{ kind: 'answer'; text: string; cited: number[] } | { kind: 'not_found' } | { kind: 'failed'; reason: string; detail: string }>;
}

export interface AnswerServiceDeps {
  index: ReportIndex;
  tokenizer: Tokenizer;
  embedder: Embedder;
  logger: Logger;
  model?: ModelAnswerPort | null;
  /** Vector share in fusion; offline the lexical list is the stronger signal. */
  vectorWeight?: number;
}

interface Draft {
  found: boolean;
  answer: string;
  figures: FigureRef[];
  /** Passages the answer stands on, shown first among the sources. */
  primary: Array<{ report: ReportMeta; chunk: Chunk | null; section: string; page: number; text: string }>;
}

const sectionLabel = (language: Language, section: string, page: number) =>
  language === 'zh' ? `（${section}，第 ${page} 页）` : ` (section ${section}, page ${page})`;


/**
 * Answers a question about the ingested reports: exact paths first (a parsed table, the metric
 * registry), then the best sentence of the best passages; says so when the report does not say.
 * With a model configured, the model writes the answer from the same evidence and every figure it
 * prints is checked against that evidence, else the extractive answer stands.
 */
export class AnswerService {
  readonly retriever: HybridRetriever;
  /** One registry matcher per report: a question about this year never scans a hundred years' entries. */
  private readonly matchers = new Map<string, MetricMatcher>();
  readonly tables: TableRef[];
  private readonly weights: TermWeights;
  /** Registry entries by report and exact name+unit: the same metric in another year, found in O(1). */
  private readonly byName = new Map<string, MetricMatch['entry'][]>();

  constructor(private readonly deps: AnswerServiceDeps) {
    const { index, tokenizer, embedder } = deps;
    this.retriever = new HybridRetriever(index, embedder, tokenizer, deps.vectorWeight ?? 0.3);
    for (const r of index.reports) {
      this.matchers.set(r.meta.id, new MetricMatcher(r.metrics.map((entry) => ({ entry, report: r.meta })), tokenizer));
    }
    this.tables = index.reports.flatMap((r) => r.tables.map((table) => ({ table, report: r.meta })));
    // Term weights from the one BM25 index over every report (shared statistics).
    const maxIdf = Math.max(1, this.retriever.maxIdf);
    this.weights = { weight: (term) => this.retriever.idfOf(term) ?? maxIdf };
    for (const r of index.reports) {
      for (const entry of r.metrics) {
        const key = nameKey(r.meta.id, entry.name, entry.unit);
        const list = this.byName.get(key) ?? [];
        list.push(entry);
        this.byName.set(key, list);
      }
    }
  }

  get index(): ReportIndex {
    return this.deps.index;
  }

  /** Registry lookup for `/metric` and `metric --json`: best first. */
  lookupMetric(query: string, limit = 5, filter: { years?: ReadonlySet<number>; reportIds?: ReadonlySet<string> } = {}): MetricMatch[] {
    return this.matchMetrics(query, limit, this.newestFirst(filter));
  }

  private matchMetrics(query: string, limit: number, filter: MetricFilter): MetricMatch[] {
    const matches: MetricMatch[] = [];
    for (const r of this.index.reports) {
      if ((filter.reportIds && !filter.reportIds.has(r.meta.id)) || (filter.years && !filter.years.has(r.meta.year))) continue;
      matches.push(...(this.matchers.get(r.meta.id)?.match(query, limit, { section: filter.section }) ?? []));
    }
    return matches.sort((a, b) => b.score - a.score || b.report.year - a.report.year).slice(0, limit);
  }

  /**
   * A question that names no year is about the newest report: without a filter, the newest year is
   * searched (other years then come in through `sameMetricIn`); with one, the filter stands.
   */
  private newestFirst<T extends RetrievalFilter>(filter: T): T {
    const latest = this.index.reports[0]?.meta.year;
    if (filter.years || filter.reportIds || latest === undefined || this.index.reports.length < 2) return filter;
    return { ...filter, years: new Set([latest]) };
  }

  async ask(rawQuestion: string, options: AskOptions = {}): Promise<AskResult> {
    const started = performance.now();
    // Control characters and chat mentions (<@id>, <#channel>, @everyone) are not part of a question.
    const question = rawQuestion
      .replace(/[\u0000-\u001f\u007f]+/gu, ' ')
      .replace(/<[@#][!&]?\d+>|@(?:everyone|here)\b/gu, ' ')
      .trim();
    const base = { question: rawQuestion, mode: 'offline' as const };
    const language: Language = analyseQuestion(question.slice(0, 200), this.deps.tokenizer).language;
    if (question.length === 0 || !/[\p{L}\p{N}]/u.test(question)) {
      return { ...base, found: false, answer: language === 'zh' ? '请输入一个关于报告的问题。' : 'Please ask a question about the report.', figures: [], sources: [], ms: elapsed(started) };
    }
    if (question.length > MAX_QUESTION_CHARS) {
      const answer = language === 'zh' ? `问题太长（超过 ${MAX_QUESTION_CHARS} 字），请缩短后再问。` : `The question is too long (over ${MAX_QUESTION_CHARS} characters); please shorten it.`;
      return { ...base, found: false, answer, figures: [], sources: [], ms: elapsed(started) };
    }

    const resolved = resolveFollowUp(question, options.history);
    const analysis = analyseQuestion(resolved, this.deps.tokenizer);
    const filter = this.filterFor(analysis, options);
    const newest = this.newestFirst(filter);
    const hits = await this.retriever.search(analysis.matchText, 10, newest);
    // Passages of the newest report first; older years only when it does not say.
    const olderHits = async () => (newest === filter ? hits : this.retriever.search(analysis.matchText, 10, filter));
    const draft =
      this.fromTable(analysis, filter) ??
      this.fromRegistry(analysis, filter) ??
      this.fromPassages(analysis, hits) ??
      (newest === filter ? null : this.fromPassages(analysis, await olderHits())) ??
      this.notFound(analysis, hits);
    const sources = this.sources(draft, hits);

    let result: AskResult = { ...base, found: draft.found, answer: draft.answer, figures: draft.figures, sources, ms: 0 };
    if (this.deps.model && draft.found !== undefined) result = await this.withModel(result, draft, analysis, options);
    return { ...result, ms: elapsed(started) };
  }

  private filterFor(analysis: QuestionAnalysis, options: AskOptions): RetrievalFilter {
    const filter: { reportIds?: Set<string>; years?: Set<number> } = {};
    if (options.report) filter.reportIds = new Set([options.report]);
    const reportYears = new Set(this.index.reports.map((r) => r.meta.year));
    if (options.year !== undefined) filter.years = new Set([options.year]);
    else if (reportYears.size > 1) {
      // A year narrows the search only when it is the year of an ingested report; "2024年全国…比赛"
      // in a single-report index is part of a name, not a filter.
      const named = analysis.years.filter((y) => reportYears.has(y));
      if (named.length > 0) filter.years = new Set(named);
    }
    return filter;
  }

  /** The question names a year no report covers, and the passage does not mention it either. */
  private yearMismatch(analysis: QuestionAnalysis, text: string, report: ReportMeta): boolean {
    if (analysis.years.length === 0) return false;
    return analysis.years.every((y) => y !== report.year && !compact(text).includes(String(y)));
  }

  private fromTable(analysis: QuestionAnalysis, filter: RetrievalFilter): Draft | null {
    // A cell is read from the latest report unless the question or the caller names another.
    const latest = this.index.reports[0]?.meta.year;
    const years = filter.years ?? (filter.reportIds || latest === undefined ? undefined : new Set([latest]));
    const tables = this.tables.filter((t) => (!filter.reportIds || filter.reportIds.has(t.report.id)) && (!years || years.has(t.report.year)));
    const answer = answerFromTables(tables, analysis, this.deps.tokenizer);
    if (!answer) return null;
    return this.tableDraft(answer, analysis.language);
  }

  private tableDraft(answer: TableAnswer, language: Language): Draft {
    const { table, report } = answer;
    const label = `${table.id} ${table.title}`;
    const chunk = this.tableChunk(report, table.id, answer.rows[0]);
    // The page the (first) answering row is printed on; a table can run over several pages.
    const rowIndex = answer.rows[0] ? table.rows.indexOf(answer.rows[0]) : -1;
    const rowPage = rowIndex >= 0 ? table.rowPages?.[rowIndex] : undefined;
    const primary = [{ report, chunk, section: table.id, page: rowPage ?? chunk?.pageStart ?? table.page, text: chunk?.text ?? label }];
    const where = sectionLabel(language, table.id, primary[0]?.page ?? table.page);
    if (answer.missing) {
      const text =
        language === 'zh'
          ? `报告的${label}中没有“${answer.missing}”的数据${where}。`
          : `${label} in the report has no data for "${answer.missing}"${where}.`;
      return { found: false, answer: text, figures: [], primary };
    }
    const header = table.header[answer.column] ?? '';
    const page = primary[0]?.page ?? table.page;
    const figures: FigureRef[] = [];
    if (answer.value !== null) {
      figures.push({ value: answer.value, unit: '', page, section: table.id });
      const rowLine = answer.rows.length === 1 ? `\n> ${table.header.join(' | ')}\n> ${(answer.rows[0] ?? []).join(' | ')}` : '';
      const counted = answer.computation?.startsWith('共 ') ?? false;
      const text = counted
        ? language === 'zh'
          ? `${answer.value}（${label}中符合的有 ${answer.value} 行）${where}\n${answer.rows.slice(0, 8).map((r) => `> ${r.join(' | ')}`).join('\n')}`
          : `${answer.value} (${answer.value} matching rows of ${label})${where}\n${answer.rows.slice(0, 8).map((r) => `> ${r.join(' | ')}`).join('\n')}`
        : answer.computation
        ? language === 'zh'
          ? `${answer.value}（${label}“${header}”列相加：${answer.computation}）${where}`
          : `${answer.value} (${label}, column "${header}" added up: ${answer.computation})${where}`
        : language === 'zh'
          ? `${label}，“${header}”：${answer.value}${where}${rowLine}`
          : `${label}, "${header}": ${answer.value}${where}${rowLine}`;
      return { found: true, answer: text, figures, primary };
    }
    const shown = answer.rows.slice(0, 8).map((r) => r.join(' ')).join('\n');
    const intro =
      language === 'zh'
        ? `${label}中有 ${answer.rows.length} 行符合${header ? `，“${header}”列如下` : ''}：`
        : `${answer.rows.length} rows of ${label} match${header ? ` (column "${header}")` : ''}:`;
    return { found: true, answer: `${intro}\n${shown}\n${where.trim()}`, figures, primary };
  }

  private tableChunk(report: ReportMeta, tableId: string, row: string[] | undefined): Chunk | null {
    const loaded = this.index.reports.find((r) => r.meta.id === report.id);
    const candidates = loaded?.chunks.filter((c) => c.kind === 'table_rows' && c.section.id === tableId) ?? [];
    const line = row?.join(' ');
    return (line ? candidates.find((c) => c.text.split('\n').includes(line)) : undefined) ?? candidates[0] ?? null;
  }

  private fromRegistry(analysis: QuestionAnalysis, filter: RetrievalFilter): Draft | null {
    if (!analysis.wantsFigure) return null;
    const matches = this.matchMetrics(analysis.matchText, 12, { ...this.newestFirst(filter), section: analysis.sectionMention }).filter((m) =>
      modifierCovered(m.entry.name, analysis.matchText),
    );
    const best = matches[0];
    if (!best || best.queryCoverage < METRIC_MIN_QUERY_COVERAGE || best.score < METRIC_MIN_SCORE) return null;
    if (this.yearMismatch(analysis, best.entry.evidence, best.report)) return null;

    // The same quantity stated twice with different figures: show both, each with its source.
    const sameYear = matches.filter((m) => m.report.id === best.report.id);
    const conflicts = sameYear.filter(
      (m) => m !== best && best.score - m.score <= CONFLICT_SCORE_GAP && sameQuantity(m.entry, best.entry) && printedFigure(m.entry) !== printedFigure(best.entry),
    );
    // Every other year that has the same metric.
    const otherYears = this.index.reports
      .filter((r) => r.meta.id !== best.report.id && (!filter.reportIds || filter.reportIds.has(r.meta.id)) && !filter.years)
      .map((r) => this.sameMetricIn(r, best))
      .filter((m): m is MetricMatch => m !== null)
      .slice(0, YEARS_SHOWN - 1);

    const lang = analysis.language;
    const figureOf = (m: MetricMatch): FigureRef => ({ value: m.entry.value, unit: m.entry.unit, page: m.entry.page, section: m.entry.section.id });
    const line = (m: MetricMatch) => `${m.entry.name.replace(/…/gu, '')}：${printedFigure(m.entry)}${sectionLabel(lang, m.entry.section.id, m.entry.page)}`;
    const lines: string[] = [];
    const shown = [best, ...conflicts];
    if (conflicts.length > 0) {
      lines.push(lang === 'zh' ? '报告中这项数字出现了不同的说法，分别如下：' : 'The report gives different figures for this:');
    }
    const withYear = otherYears.length > 0;
    for (const m of shown) lines.push(`${withYear ? `${m.report.year}：` : ''}${line(m)}\n> ${m.entry.evidence.trim()}`);
    for (const m of otherYears) lines.push(`${m.report.year}：${line(m)}`);
    if (analysis.wantsComparison && otherYears.length > 0) {
      const previous = otherYears.filter((m) => m.report.year < best.report.year).sort((a, b) => b.report.year - a.report.year)[0];
      if (previous && previous.entry.unit === best.entry.unit) {
        const diff = exactDifference(best.entry.value, previous.entry.value);
        if (diff !== null) {
          const sign = diff.startsWith('-') ? '' : '+';
          lines.push(
            lang === 'zh'
              ? `与 ${previous.report.year} 年相比：${best.entry.value} − ${previous.entry.value} = ${sign}${diff}${best.entry.unit}`
              : `Change from ${previous.report.year}: ${best.entry.value} − ${previous.entry.value} = ${sign}${diff}${best.entry.unit}`,
          );
        }
      }
    }
    const all = [...shown, ...otherYears];
    return {
      found: true,
      answer: lines.join('\n'),
      figures: all.map(figureOf),
      primary: all.map((m) => ({ report: m.report, chunk: this.chunkHolding(m.report, m.entry.evidence, m.entry.page), section: m.entry.section.id, page: m.entry.page, text: m.entry.evidence })),
    };
  }

  private sameMetricIn(report: LoadedReport, best: MetricMatch): MetricMatch | null {
    const entry = this.byName.get(nameKey(report.meta.id, best.entry.name, best.entry.unit))?.[0];
    return entry ? { entry, report: report.meta, score: best.score, queryCoverage: best.queryCoverage, entryCoverage: best.entryCoverage } : null;
  }

  private chunkHolding(report: ReportMeta, evidence: string, page: number): Chunk | null {
    const loaded = this.index.reports.find((r) => r.meta.id === report.id);
    const key = compact(evidence).slice(0, 40);
    return loaded?.chunks.find((c) => c.pageStart <= page && c.pageEnd >= page && compact(c.text).includes(key)) ?? loaded?.chunks.find((c) => compact(c.text).includes(key)) ?? null;
  }

  private fromPassages(analysis: QuestionAnalysis, hits: RetrievedChunk[]): Draft | null {
    const found = answerExtractively(hits, analysis, this.deps.tokenizer, this.weights);
    if (!found) return null;
    if (!found.aggregate && found.coverage < EXTRACTIVE_MIN_COVERAGE) return null;
    if (this.yearMismatch(analysis, found.sentence, found.hit.report.meta)) return null;
    return this.passageDraft(found, analysis.language);
  }

  private passageDraft(found: ExtractiveAnswer, language: Language): Draft {
    const { chunk, report } = found.hit;
    const page = this.pageOf(chunk, found.sentence);
    const where = sectionLabel(language, chunk.section.id, page);
    const primary = [{ report: report.meta, chunk, section: chunk.section.id, page, text: chunk.text }];
    if (found.aggregate) {
      const { parts, sum } = found.aggregate;
      const computation = parts.map((p) => `${p.label} ${p.figure.value}${p.figure.unit}`).join(' + ');
      const answer =
        language === 'zh'
          ? `${sum}（${computation} = ${sum}）${where}\n> ${found.sentence}`
          : `${sum} (${computation} = ${sum})${where}\n> ${found.sentence}`;
      return { found: true, answer, figures: [{ value: sum, unit: parts[0]?.figure.unit ?? '', page, section: chunk.section.id }], primary };
    }
    const figures: FigureRef[] = found.figure ? [{ value: found.figure.value, unit: found.figure.unit, page, section: chunk.section.id }] : [];
    return { found: true, answer: `${found.sentence}${where}`, figures, primary };
  }

  /** The page a sentence of a chunk is printed on (a chunk may straddle a page break). */
  private pageOf(chunk: Chunk, sentence: string): number {
    if (chunk.pageStart === chunk.pageEnd) return chunk.pageStart;
    if (chunk.kind === 'table_rows') {
      // A table row knows its page: find the row the sentence quotes.
      const table = this.tables.find((t) => t.report.id === chunk.reportId && t.table.id === chunk.section.id)?.table;
      const key = compact(sentence);
      const index = table?.rows.findIndex((row) => key.includes(compact(tableRowText(row)))) ?? -1;
      const page = index >= 0 ? table?.rowPages?.[index] : undefined;
      if (page !== undefined) return page;
    }
    const at = chunk.text.indexOf(sentence.slice(0, 10));
    return at >= 0 && at > chunk.text.length / 2 ? chunk.pageEnd : chunk.pageStart;
  }

  private notFound(analysis: QuestionAnalysis, hits: RetrievedChunk[]): Draft {
    const years = [...new Set(this.index.reports.map((r) => r.meta.year))].sort();
    const uncovered = analysis.years.filter((y) => !years.includes(y) && y >= Math.min(...years) - 5 && y <= Math.max(...years) + 5);
    if (uncovered.length > 0) {
      const answer =
        analysis.language === 'zh'
          ? `已导入的报告只有 ${years.join('、')} 年度的，没有 ${uncovered.join('、')} 年的数据。`
          : `The ingested reports cover ${years.join(', ')} only; there is nothing for ${uncovered.join(', ')}.`;
      return { found: false, answer, figures: [], primary: [] };
    }
    const closest = hits[0];
    const near = closest ? `${sectionLabel(analysis.language, closest.chunk.section.id, closest.chunk.pageStart).trim()}` : '';
    const answer =
      analysis.language === 'zh'
        ? `报告中没有找到这个问题的答案。${closest ? `最接近的内容见下方来源${near}。` : ''}`
        : `The report does not say.${closest ? ` The closest passages are listed below${near}.` : ''}`;
    return { found: false, answer, figures: [], primary: [] };
  }

  private sources(draft: Draft, hits: RetrievedChunk[]): SourceRef[] {
    const out: SourceRef[] = [];
    const seen = new Set<string>();
    for (const p of draft.primary) {
      const key = p.chunk?.id ?? `${p.report.id}:${p.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ report: p.report.id, year: p.report.year, section: p.section, page: p.page, text: p.chunk?.text ?? p.text, score: 1 });
    }
    for (const hit of hits) {
      if (out.length >= SOURCES_SHOWN) break;
      if (seen.has(hit.chunk.id)) continue;
      seen.add(hit.chunk.id);
      out.push({ report: hit.report.meta.id, year: hit.report.meta.year, section: hit.chunk.section.id, page: hit.chunk.pageStart, text: hit.chunk.text, score: Number(hit.score.toFixed(4)) });
    }
    return out.slice(0, SOURCES_SHOWN);
  }

  private async withModel(result: AskResult, draft: Draft, analysis: QuestionAnalysis, options: AskOptions): Promise<AskResult> {
    const model = this.deps.model;
    if (!model) return result;
    const evidence: Evidence[] = result.sources.map((s, i) => ({ n: i + 1, report: s.report, year: s.year, section: s.section, page: s.page, text: s.text }));
    if (draft.found && draft.figures.length > 0) {
      // Exact-path results (a computed sum, a registry line) go in as evidence too, so the model may quote them.
      evidence.push({ n: evidence.length + 1, report: result.sources[0]?.report ?? '', year: result.sources[0]?.year ?? 0, section: draft.figures[0]?.section ?? '', page: draft.figures[0]?.page ?? 0, text: draft.answer });
    }
    const reply = await model.answer(analysis.text, evidence, {
      history: options.history,
      onPartial: options.onPartial,
      signal: options.signal,
      // Sums the code computed exactly may be quoted by the model although no source prints them.
      allowedFigures: draft.figures.map((f) => f.value),
    });
    if (reply.kind === 'answer') return { ...result, answer: reply.text, mode: 'llm' };
    if (reply.kind === 'not_found' && !draft.found) return result;
    const note =
      analysis.language === 'zh'
        ? reply.kind === 'failed' && reply.reason === 'ungrounded'
          ? '（模型回答中的数字无法在原文中核实，以下为原文摘录。）'
          : '（模型暂时不可用，以下为原文摘录。）'
        : reply.kind === 'failed' && reply.reason === 'ungrounded'
          ? '(The model answer had figures not found in the sources; showing the report text instead.)'
          : '(The model is unavailable; showing the report text instead.)';
    if (reply.kind === 'failed') this.deps.logger.warn(`model answer fell back: ${reply.reason}`, reply.detail);
    return { ...result, answer: `${result.answer}\n${note}` };
  }
}

/** Two registry entries for the same quantity: compatible units and names that share most of their words. */
function sameQuantity(a: MetricEntry, b: MetricEntry): boolean {
  const people = /^(人|名|位)$/u;
  const unitsAgree = a.unit === b.unit || (people.test(a.unit) && people.test(b.unit));
  if (!unitsAgree) return false;
  const strip = (name: string) =>
    compact(name)
      .replace(/[“”"'‘’《》（）()…]/gu, '')
      .replace(/^(学校|全校|当年|本年度|年度|累计|今年|\d{4}年)+/u, '');
  const na = strip(a.name);
  const nb = strip(b.name);
  const [shorter, longer] = na.length <= nb.length ? [na, nb] : [nb, na];
  if (longer.includes(shorter)) {
    // "学生就业率" is the same quantity as "就业率"; "毕业生对口就业率" is a narrower one.
    const extra = longer.replace(shorter, '');
    return /^(学生|毕业生|学校|全校|当年|年度|本年|今年|届|\d{4}届?)*$/u.test(extra);
  }
  const grams = (s: string) => new Set([...s].slice(0, -1).map((ch, i) => ch + (s[i + 1] ?? '')));
  const ga = grams(na);
  const gb = grams(nb);
  const shared = [...ga].filter((g) => gb.has(g)).length;
  return shared / Math.min(ga.size, gb.size) >= 0.6;
}

/**
 * "当年实施现场工程师培养的在校生数" counts only some students: a name whose 的-modifier restricts it
 * answers a question only when the question shares some of that modifier ("在校生人数" alone does not).
 */
function modifierCovered(name: string, question: string): boolean {
  const at = name.lastIndexOf('的');
  if (at <= 0) return true;
  const modifier = compact(name.slice(0, at))
    .replace(/[“”"（）()…、]/gu, '')
    .replace(/^(学校|全校|当年|本年度|年度|今年|累计|\d{4}年)+/u, '');
  if (modifier.length < 2) return true;
  const asked = compact(question);
  for (let i = 0; i + 1 < modifier.length; i += 1) if (asked.includes(modifier.slice(i, i + 2))) return true;
  return false;
}

function nameKey(reportId: string, name: string, unit: string): string {
  return `${reportId}\u0000${compact(name)}\u0000${unit}`;
}

function elapsed(started: number): number {
  return Number((performance.now() - started).toFixed(2));
}

export { coverageOf, weightedTerms };
