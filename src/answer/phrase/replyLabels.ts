import type { AnswerMode } from '../types.js';
import { languageOf, type Language } from '../questionAnalysis.js';

/**
 * The words around an answer — headings, page references, buttons, footers — in the language of
 * the question, so an English question gets no Chinese chrome. The answer text itself is worded by
 * phrases.ts; report text (section ids, labels, passages) is shown as printed in either language.
 */
export interface ReplyLabels {
  /** A page reference: "第 5 页" / "p. 5". */
  page(page: number): string;
  /** A short aside after a label: "（r-2024）" / " (r-2024)". */
  aside(text: string): string;
  /** The embed title that repeats the question. */
  question(text: string): string;
  figuresAndSources: string;
  /** The last line of a list cut short: how many more there are. */
  moreItems(count: number): string;
  footer(mode: AnswerMode, ms: number): string;
  /** The embed's note when the answer went out as separate messages. */
  answerSplit(parts: number): string;
  noSources: string;
  /** Heads the source list: sources of an answer, or the closest passages after a refusal. */
  sourcesHeading(found: boolean): string;
  pageButton(page: number): string;
  moreSourcesButton: string;
  metricValue: string;
  metricUnit: string;
  metricQualifier: string;
  metricYears: string;
  metricSource: string;
  metricOthers: string;
  /** A metric's line for one report year: the year, then the printed figure and where. */
  metricYear(year: number, printed: string, where: string): string;
  /** Where a metric stands and in which report: "1.1.2 · 第 5 页（r-2024，2024）". */
  metricWhere(where: string, reportId: string, year: number): string;
  /** A close metric: its name, printed figure and report year. */
  metricClose(name: string, printed: string, year: number): string;
  /** The lookup embed's description: the figure as the report of `year` prints it. */
  metricPrinted(year: number, printed: string): string;
  metricFooter(years: number): string;
  metricNotFound: string;
  metricClosest: string;
}

const zh: ReplyLabels = {
  page: (page) => `第 ${page} 页`,
  aside: (text) => `（${text}）`,
  question: (text) => `问：${text}`,
  figuresAndSources: '数字与出处',
  moreItems: (count) => `…（另有 ${count} 项）`,
  footer: (mode, ms) => `${mode === 'llm' ? '模型回答 · 数字已与原文核对' : '原文摘录'} · ${Math.round(ms)} ms`,
  answerSplit: (parts) => `回答较长，已分 ${parts} 条消息发出（见上方）。`,
  noSources: '这个回答没有来源。',
  sourcesHeading: (found) => (found ? '来源：' : '最接近的内容：'),
  pageButton: (page) => `原文（第 ${page} 页）`,
  moreSourcesButton: '更多来源',
  metricValue: '数值',
  metricUnit: '单位',
  metricQualifier: '限定词',
  metricYears: '各年度',
  metricSource: '出处',
  metricOthers: '相近指标',
  metricYear: (year, printed, where) => `${year} 年：${printed} — ${where}`,
  metricWhere: (where, reportId, year) => `${where}（${reportId}，${year}）`,
  metricClose: (name, printed, year) => `${name}：${printed}（${year}）`,
  metricPrinted: (year, printed) => `${year} 年报告原文：${printed}`,
  metricFooter: (years) => `指标库 · ${years} 个年度有此指标`,
  metricNotFound: '指标库中没有找到这个指标。可以换个说法，或用 /ask 直接提问。',
  metricClosest: '最接近的指标',
};

const en: ReplyLabels = {
  page: (page) => `p. ${page}`,
  aside: (text) => ` (${text})`,
  question: (text) => `Q: ${text}`,
  figuresAndSources: 'Figures and sources',
  moreItems: (count) => `… (${count} more)`,
  footer: (mode, ms) => `${mode === 'llm' ? 'Model answer · figures checked against the report' : 'Report text'} · ${Math.round(ms)} ms`,
  answerSplit: (parts) => `The answer is long and was sent as ${parts} messages (above).`,
  noSources: 'This answer has no sources.',
  sourcesHeading: (found) => (found ? 'Sources:' : 'Closest passages:'),
  pageButton: (page) => `Page ${page}`,
  moreSourcesButton: 'All sources',
  metricValue: 'Value',
  metricUnit: 'Unit',
  metricQualifier: 'Qualifier',
  metricYears: 'Years',
  metricSource: 'Source',
  metricOthers: 'Similar metrics',
  metricYear: (year, printed, where) => `${year}: ${printed} — ${where}`,
  metricWhere: (where, reportId, year) => `${where} (${reportId}, ${year})`,
  metricClose: (name, printed, year) => `${name}: ${printed} (${year})`,
  metricPrinted: (year, printed) => `As printed in the ${year} report: ${printed}`,
  metricFooter: (years) => `Metric index · ${years} ${years === 1 ? 'year has' : 'years have'} this metric`,
  metricNotFound: 'No metric of that name in the index. Try other words, or ask with /ask.',
  metricClosest: 'Closest metrics',
};

export const REPLY_LABELS: Record<Language, ReplyLabels> = { zh, en };

/** The labels for a reply to `text` (a question or a metric name), by the language it is written in. */
export function replyLabelsFor(text: string): ReplyLabels {
  return REPLY_LABELS[languageOf(text)];
}
