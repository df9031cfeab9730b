import type { Decision } from '../decision.js';
import type { MetricMatch } from '../metricMatcher.js';
import { printedFigure, shownName } from '../printedFigure.js';
import type { Language } from '../questionAnalysis.js';
import type { TableAnswer } from '../tableAnswerer.js';
import type { TableFact } from '../factAnswerer.js';
import type { FactComputation } from '../factComputation.js';
import type { FigureRef } from '../types.js';
import { PHRASES, type Phrases } from './phrases.js';

/** Rows quoted under a table answer: enough to check it, short enough for chat. */
const ROWS_QUOTED = 8;

/** The one place a decision becomes words: the reply in the question's language. */
export function wordAnswer(decision: Decision, language: Language): string {
  const p = PHRASES[language];
  const words = wordDecision(decision, language, p);
  const ocr = ocrConfidenceOf(decision);
  return ocr === null ? words : `${words}\n${p.ocrNote(ocr.toFixed(2))}`;
}

/**
 * The lowest OCR confidence among what the answer stands on (a table, its facts, registry entries, a
 * passage), or null when none of it was read by OCR: a figure from a scan may be misread, so the
 * reply says so once.
 */
export function ocrConfidenceOf(decision: Decision): number | null {
  const marks: Array<number | undefined> = [];
  switch (decision.kind) {
    case 'table':
      marks.push(decision.answer.table.ocr);
      break;
    case 'fact':
      marks.push(decision.fact.ref.table.ocr);
      break;
    case 'fact_computed':
      if (decision.computation.op === 'difference') marks.push(decision.computation.later.ref.table.ocr, decision.computation.earlier.ref.table.ocr);
      else marks.push(...decision.computation.parts.map((part) => part.ref.table.ocr));
      break;
    case 'metric':
      marks.push(...decision.shown.map((match) => match.entry.ocr));
      break;
    case 'passage':
    case 'passage_sum':
      marks.push(decision.hit.chunk.ocr);
      break;
    default:
      break;
  }
  const read = marks.filter((mark): mark is number => mark !== undefined);
  return read.length === 0 ? null : Math.min(...read);
}

function wordDecision(decision: Decision, language: Language, p: Phrases): string {
  switch (decision.kind) {
    case 'empty_question':
      return p.emptyQuestion;
    case 'question_too_long':
      return p.questionTooLong(decision.limit);
    case 'table':
      return wordTable(decision.answer, decision.page, p);
    case 'fact': {
      const { fact } = decision;
      const table = fact.ref.table;
      const name = table.title || table.id;
      // (A column that names no period, in a block of rows a period row heads: the block's year is said too.)
      const heading = table.header[fact.column] ?? '';
      const header = fact.attribute !== null && fact.year !== null ? `${heading}, ${fact.year}` : heading;
      const row = table.rows[fact.row] ?? [];
      return `${p.factValue(fact.label, header, withUnit(fact.value, fact.unit), p.where(name, fact.page))}\n> ${table.header.join(' | ')}\n> ${row.join(' | ')}`;
    }
    case 'fact_computed':
      return wordComputation(decision.computation, language, p);
    case 'metric':
      return wordMetric(decision, p);
    case 'passage':
      return `${decision.fullName ? `${decision.fullName}: ` : ''}${decision.sentence}${p.where(decision.hit.chunk.section.id, decision.page)}`;
    case 'passage_sum': {
      const computation = decision.parts.map((part) => `${part.label} ${withUnit(part.figure.value, part.figure.unit)}`).join(' + ');
      return `${p.passageSum(decision.sum, computation, p.where(decision.hit.chunk.section.id, decision.page))}\n> ${decision.sentence}`;
    }
    case 'years_not_covered':
      return p.yearsNotCovered(decision.covered, decision.uncovered);
    case 'not_found':
      return p.notFound(decision.closest ? p.where(decision.closest.section, decision.closest.page).trim() : null);
  }
}

/** A currency as a table's unit line gives it, then its scale: "$ thousand", "USD thousand", "£". */
const CURRENCY_UNIT = /^([$£€¥￥]|[A-Z]{3})\s*(.*)$/u;
/** ISO 4217 codes as the runtime knows them: "TEU" or "MWh" after a figure are no currency. */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * A printed figure with its unit as a reader says them, the figure untouched: Chinese units and "%"
 * follow it ("925.33万元"), a currency goes before it and a scale word after ("$1,803 thousand", "USD
 * 59,583 thousand"), and a figure printed with its currency sign keeps it ("$ 188,699 thousand").
 */
export function withUnit(value: string, unit: string): string {
  const text = unit.trim();
  if (text === '' || value.endsWith(text)) return value;
  if (/^[\p{Script=Han}%％]/u.test(text)) return `${value}${text}`;
  const currency = CURRENCY_UNIT.exec(text);
  if (!currency || (/^[A-Z]/u.test(currency[1] ?? '') && !CURRENCY_CODES.has(currency[1] ?? ''))) return `${value} ${text}`;
  const [, sign = '', scale = ''] = currency;
  const after = scale === '' ? '' : ` ${scale}`;
  if (/^[-−+]?\(?\s*(?:[$£€¥￥]|[A-Z]{2,3}\b|[A-Z]{1,2}\$)/u.test(value)) return `${value}${after}`;
  // (A code is a word before the figure, "USD -412"; a sign goes inside the minus, "-$412".)
  if (/^[A-Z]/u.test(sign)) return `${sign} ${value}${after}`;
  const [, lead = '', rest = value] = /^([-−+]?)(.*)$/u.exec(value) ?? [];
  return `${lead}${sign}${rest}${after}`;
}

/** A period column as the reply names it: the column's heading, else its year. */
function periodName(fact: TableFact, language: Language): string {
  const heading = (fact.ref.table.header[fact.column] ?? '').trim();
  if (heading !== '') return heading;
  return language === 'zh' ? `${fact.year ?? ''} 年` : String(fact.year ?? '');
}

function wordComputation(computation: FactComputation, language: Language, p: Phrases): string {
  if (computation.op === 'difference') {
    const { later, earlier, result } = computation;
    const where = p.where(later.ref.table.title || later.ref.table.id, later.page);
    const signed = result.startsWith('-') ? result : `+${result}`;
    const line = p.factDifference(later.label, periodName(later, language), periodName(earlier, language), withUnit(signed, later.unit), `${later.value} − ${earlier.value}`, where);
    const table = later.ref.table;
    return `${line}\n> ${table.header.join(' | ')}\n> ${(table.rows[later.row] ?? []).join(' | ')}`;
  }
  const { parts, result } = computation;
  const first = parts[0];
  const where = first ? p.where(first.ref.table.title || first.ref.table.id, first.page) : '';
  const line = p.factSum(parts.map((f) => f.label), withUnit(result, first?.unit ?? ''), parts.map((f) => f.value).join(' + '), where);
  const table = first?.ref.table;
  return table ? `${line}\n> ${table.header.join(' | ')}\n${parts.map((f) => `> ${(table.rows[f.row] ?? []).join(' | ')}`).join('\n')}` : line;
}

/** A table as an answer names it: its id and caption. */
export function tableLabel(answer: Pick<TableAnswer, 'table'>): string {
  const { id, title } = answer.table;
  // An uncaptioned table is named by its title line: its id is that title, shown once.
  if (title === '' || id.includes(title)) return id;
  return title.includes(id) ? title : `${id} ${title}`;
}

const quoteRows = (rows: string[][]) => rows.slice(0, ROWS_QUOTED).map((r) => `> ${r.join(' | ')}`).join('\n');

function wordTable(answer: TableAnswer, page: number, p: Phrases): string {
  const label = tableLabel(answer);
  const where = p.where(answer.table.id, page);
  switch (answer.kind) {
    case 'missing':
      return p.tableMissing(label, answer.missing, where);
    case 'cell': {
      const header = answer.table.header[answer.column] ?? '';
      return `${p.tableCell(label, header, answer.value, where)}\n> ${answer.table.header.join(' | ')}\n> ${answer.row.join(' | ')}`;
    }
    case 'sum': {
      const header = answer.table.header[answer.column] ?? '';
      return p.tableSum(answer.sum, label, header, `${answer.cells.join(' + ')} = ${answer.sum}`, where);
    }
    case 'count':
      return `${p.tableCount(answer.rows.length, label, where)}\n${quoteRows(answer.rows)}`;
    case 'rows': {
      const header = answer.table.header[answer.column] ?? '';
      const shown = answer.rows.slice(0, ROWS_QUOTED).map((r) => r.join(' ')).join('\n');
      return `${p.tableRows(answer.rows.length, label, header)}\n${shown}\n${where.trim()}`;
    }
  }
}

/** A registry entry as one line: name (without the report's elision mark), printed figure, place. */
function metricLine(m: MetricMatch, p: Phrases): string {
  return p.metricValue(shownName(m.entry.name), printedFigure(m.entry), p.where(m.entry.section.id, m.entry.page));
}

function wordMetric(decision: Extract<Decision, { kind: 'metric' }>, p: Phrases): string {
  const lines: string[] = [];
  if (decision.conflict) lines.push(p.conflictIntro);
  const withYear = decision.otherYears.length > 0;
  for (const m of decision.shown) lines.push(`${withYear ? p.inYear(m.report.year, metricLine(m, p)) : metricLine(m, p)}\n> ${m.entry.evidence.trim()}`);
  for (const m of decision.otherYears) lines.push(p.inYear(m.report.year, metricLine(m, p)));
  const best = decision.shown[0];
  if (decision.change && best) {
    const { previous, difference } = decision.change;
    const sign = difference.startsWith('-') ? '' : '+';
    lines.push(p.changeFrom(previous.report.year, `${best.entry.value} − ${previous.entry.value} = ${withUnit(`${sign}${difference}`, best.entry.unit)}`));
  }
  return lines.join('\n');
}

/** The figures a decision answers with, each with its section and page (the `figures` of ask --json). */
export function figuresOf(decision: Decision): FigureRef[] {
  switch (decision.kind) {
    case 'table': {
      const { answer, page } = decision;
      const at = { unit: '', page, section: answer.table.id };
      if (answer.kind === 'cell') return [{ value: answer.value, ...at }];
      if (answer.kind === 'sum') return [{ value: answer.sum, ...at }];
      if (answer.kind === 'count') return [{ value: String(answer.rows.length), ...at }];
      return [];
    }
    case 'fact':
      return [{ value: decision.fact.value, unit: decision.fact.unit, page: decision.fact.page, section: decision.fact.ref.table.id }];
    case 'fact_computed': {
      const first = decision.computation.op === 'difference' ? decision.computation.later : decision.computation.parts[0];
      return first ? [{ value: decision.computation.result, unit: first.unit, page: first.page, section: first.ref.table.id }] : [];
    }
    case 'metric':
      return [...decision.shown, ...decision.otherYears].map((m) => ({
        value: m.entry.value,
        unit: m.entry.unit,
        page: m.entry.page,
        section: m.entry.section.id,
        ...(m.entry.qualifier === '' ? {} : { qualifier: m.entry.qualifier }),
      }));
    case 'passage':
      return decision.figure ? [{ value: decision.figure.value, unit: decision.figure.unit, page: decision.page, section: decision.hit.chunk.section.id }] : [];
    case 'passage_sum':
      return [{ value: decision.sum, unit: decision.parts[0]?.figure.unit ?? '', page: decision.page, section: decision.hit.chunk.section.id }];
    default:
      return [];
  }
}
