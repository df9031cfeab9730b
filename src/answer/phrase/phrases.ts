import type { Language } from '../questionAnalysis.js';

/**
 * Every phrase a reply is built from, per language. The answering code decides; wordAnswer.ts picks
 * the catalog of the question's language and fills these in. Figures and labels passed in are the
 * report's own characters and are never changed here.
 */
export interface Phrases {
  /** Where a figure or passage stands: section and page. */
  where(section: string, page: number): string;
  emptyQuestion: string;
  questionTooLong(limit: number): string;
  tableMissing(table: string, missing: string, where: string): string;
  tableCell(table: string, header: string, value: string, where: string): string;
  /** A row label's value in one column: "运维收入（2031年）：1,203.00元". */
  factValue(label: string, column: string, value: string, where: string): string;
  /** The change of a row between two periods: result first, then the printed operands. */
  factDifference(label: string, later: string, earlier: string, result: string, computation: string, where: string): string;
  /** Rows added up: the result first, then the printed operands. */
  factSum(labels: string[], result: string, computation: string, where: string): string;
  tableSum(sum: string, table: string, header: string, computation: string, where: string): string;
  tableCount(count: number, table: string, where: string): string;
  tableRows(count: number, table: string, header: string): string;
  conflictIntro: string;
  changeFrom(year: number, computation: string): string;
  passageSum(sum: string, computation: string, where: string): string;
  yearsNotCovered(covered: number[], uncovered: number[]): string;
  notFound(closest: string | null): string;
  modelUngrounded: string;
  modelUnavailable: string;
  /** The metric lookup found nothing for the query. */
  metricNotFound(query: string): string;
  /** Heads the list of close metrics after a lookup that found none for sure. */
  closestMetrics: string;
  /** One line of a metric lookup: name, printed figure, year, section, page. */
  metricLine(name: string, printed: string, year: number, section: string, page: number): string;
  /** A registry figure in an answer: name, printed figure, place. */
  metricValue(name: string, printed: string, where: string): string;
  /** A line that belongs to one report year: "2023：…". */
  inYear(year: number, line: string): string;
  /** Under an answer read from a scanned page: OCR read it, how sure it was, check the page. */
  ocrNote(confidence: string): string;
}

const zh: Phrases = {
  where: (section, page) => `（${section}，第 ${page} 页）`,
  emptyQuestion: '请输入一个关于报告的问题。',
  questionTooLong: (limit) => `问题太长（超过 ${limit} 字），请缩短后再问。`,
  tableMissing: (table, missing, where) => `报告的${table}中没有“${missing}”的数据${where}。`,
  tableCell: (table, header, value, where) => `${table}，“${header}”：${value}${where}`,
  factValue: (label, column, value, where) => `${label}${column ? `（${column}）` : ''}：${value}${where}`,
  factDifference: (label, later, earlier, result, computation, where) => `${label}，${later}比${earlier}：${result}（${computation}）${where}`,
  factSum: (labels, result, computation, where) => `${labels.join('、')}合计：${result}（${computation}）${where}`,
  tableSum: (sum, table, header, computation, where) => `${sum}（${table}“${header}”列相加：${computation}）${where}`,
  tableCount: (count, table, where) => `${count}（${table}中符合的有 ${count} 行）${where}`,
  tableRows: (count, table, header) => `${table}中有 ${count} 行符合${header ? `，“${header}”列如下` : ''}：`,
  conflictIntro: '报告中这项数字出现了不同的说法，分别如下：',
  changeFrom: (year, computation) => `与 ${year} 年相比：${computation}`,
  passageSum: (sum, computation, where) => `${sum}（${computation} = ${sum}）${where}`,
  yearsNotCovered: (covered, uncovered) => `已导入的报告只有 ${covered.join('、')} 年度的，没有 ${uncovered.join('、')} 年的数据。`,
  notFound: (closest) => `报告中没有找到这个问题的答案。${closest ? `最接近的内容见下方来源${closest}。` : ''}`,
  modelUngrounded: '（模型回答中的数字无法在原文中核实，以下为原文摘录。）',
  ocrNote: (confidence) => `（此处出自扫描页，由 OCR 识别，置信度 ${confidence}，请以原页为准。）`,
  modelUnavailable: '（模型暂时不可用，以下为原文摘录。）',
  metricNotFound: (query) => `报告中没有找到与“${query}”相关的指标。`,
  closestMetrics: '最接近的指标：',
  metricLine: (name, printed, year, section, page) => `${name}：${printed}（${year}，${section}，第 ${page} 页）`,
  metricValue: (name, printed, where) => `${name}：${printed}${where}`,
  inYear: (year, line) => `${year}：${line}`,
};

const en: Phrases = {
  where: (section, page) => ` (section ${section}, page ${page})`,
  emptyQuestion: 'Please ask a question about the report.',
  questionTooLong: (limit) => `The question is too long (over ${limit} characters); please shorten it.`,
  tableMissing: (table, missing, where) => `${table} in the report has no data for "${missing}"${where}.`,
  tableCell: (table, header, value, where) => `${table}, "${header}": ${value}${where}`,
  factValue: (label, column, value, where) => `${label}${column ? ` (${column})` : ''}: ${value}${where}`,
  factDifference: (label, later, earlier, result, computation, where) => `${label}, ${later} against ${earlier}: ${result} (${computation})${where}`,
  factSum: (labels, result, computation, where) => `${labels.join(' + ')}: ${result} (${computation})${where}`,
  tableSum: (sum, table, header, computation, where) => `${sum} (${table}, column "${header}" added up: ${computation})${where}`,
  tableCount: (count, table, where) => `${count} (${count} matching rows of ${table})${where}`,
  tableRows: (count, table, header) => `${count} rows of ${table} match${header ? ` (column "${header}")` : ''}:`,
  conflictIntro: 'The report gives different figures for this:',
  changeFrom: (year, computation) => `Change from ${year}: ${computation}`,
  passageSum: (sum, computation, where) => `${sum} (${computation} = ${sum})${where}`,
  yearsNotCovered: (covered, uncovered) => `The ingested reports cover ${covered.join(', ')} only; there is nothing for ${uncovered.join(', ')}.`,
  notFound: (closest) => `The report does not say.${closest ? ` The closest passages are listed below ${closest}.` : ''}`,
  modelUngrounded: '(The model answer had figures not found in the sources; showing the report text instead.)',
  ocrNote: (confidence) => `(Read by OCR from a scanned page, confidence ${confidence}; check the page.)`,
  modelUnavailable: '(The model is unavailable; showing the report text instead.)',
  metricNotFound: (query) => `No metric in the report matches "${query}".`,
  closestMetrics: 'The closest metrics:',
  metricLine: (name, printed, year, section, page) => `${name}: ${printed} (${year}, section ${section}, page ${page})`,
  metricValue: (name, printed, where) => `${name}: ${printed}${where}`,
  inYear: (year, line) => `${year}: ${line}`,
};

export const PHRASES: Record<Language, Phrases> = { zh, en };
