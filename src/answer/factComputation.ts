import { exactDifference, exactSum } from './exactArithmetic.js';
import { askedText, factStrength, namedYears, type TableFact } from './factAnswerer.js';
import type { QuestionAnalysis } from './questionAnalysis.js';

/**
 * Answers computed from printed facts, exactly: the change of one row between two periods ("比30年多了
 * 多少", "how much did … rise between 2030 and 2031") and the sum of rows the question names together ("A
 * 和 B 的 … 合计"). The operands are shown with the result; a figure is never computed from a
 * rounded or converted one.
 */
export type FactComputation =
  | { op: 'difference'; later: TableFact; earlier: TableFact; result: string }
  | { op: 'sum'; parts: TableFact[]; result: string };

/** The question asks by how much a figure moved, not by what share (a printed change column answers that). */
const DIFFERENCE_ASK =
  /[多少]了多少|增加了?多少|减少了?多少|增长了?多少|下降了?多少|相差多少|差多少|差额|by how much|how much (?:more|less|higher|lower)|how much did\b.*\b(?:go up|go down|increase|decrease|rise|fall|grow|drop|change)|\bchange (?:in|between)\b|\bdifference\b/iu;
const SHARE_ASK = /百分之|幅度|增长率|增速|百分点|percent|percentage|\brate\b|%/iu;
/** The question compares the year it names with the report's own ("比30年", "than in 2030", "vs 2030"). */
const AGAINST = /比|较|相比|\bthan\b|\bvs\.?|\bversus\b|compared/iu;
/** Words that join the items a question adds up. */
const JOINED = /[和与及、＋+]|\band\b|\bplus\b/iu;
const AGGREGATE = /加起来|一共|总共|合计|共计|总计|之和|总和|\bcombined\b|\bin total\b|\btotal\b|\btogether\b|\bsum\b/iu;
/**
 * A row whose label says it is itself a movement ("Increase/(decrease) in glimmer payables", "Change in
 * quorvex", "存货的减少", "应付项目的增加（减少以“－”号填列）"): how much a balance moved between two
 * periods is the difference of the balance, not of its movements.
 */
const MOVEMENT_LABEL = /^(?:net\s+)?\(?(?:increase|decrease|change|movement)s?\)?(?:\s*\/\s*\(?(?:increase|decrease)\)?)?\s+(?:in|of)\b|(?:的)?(?:增加|减少|增减|变动)额?(?:[（(][^）)]*[）)])?$/iu;
/** A row that is itself a total: it is not one of the items a question adds up. */
const TOTAL_LABEL = /合计|总计|小计|^total\b|\btotal$/iu;

/**
 * A printed figure as a plain decimal: thousands separators, currency signs and codes, spaces dropped;
 * "(1,577)" is −1577. Null when the cell is no single number ("—", "n/a", two numbers).
 */
export function plainNumber(printed: string): string | null {
  let text = printed.normalize('NFKC').trim().replace(/^(?:[A-Z]{2,3}\s?)?[$€£¥￥]\s?|^(?:US|A|C|HK|NZ|S)\$\s?/u, '');
  let negative = false;
  const bracketed = /^\((.*)\)$/u.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1] ?? '';
  }
  text = text.replace(/^[$€£¥￥]\s?/u, '').replace(/%$/u, '').trim();
  // Separators only between groups of three: "1,2,3" or a cell broken over lines ("2,25 7,17") is no figure.
  if (!/^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u.test(text)) return null;
  text = text.replace(/,/gu, '');
  const minus = text.startsWith('-') || text.startsWith('−');
  const digits = text.replace(/^[-−]/u, '');
  return negative !== minus ? `-${digits}` : digits;
}

/** `1234567.5` as `1,234,567.5` when the operands were printed with separators. */
function grouped(value: string, like: readonly string[]): string {
  if (!like.some((v) => /\d,\d{3}/u.test(v))) return value;
  const [whole = '', fraction] = value.replace('-', '').split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return `${value.startsWith('-') ? '-' : ''}${withCommas}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** How strongly the question names a fact, with the question read once for all the facts held against it. */
function strengthFor(question: QuestionAnalysis, isWord: (term: string) => boolean): (fact: TableFact) => number {
  const asked = askedText(question.text);
  const asksWho = /谁|\bwho\b/iu.test(question.text);
  return (fact) => factStrength(fact, asked, asksWho, isWord);
}

/** The change of the row the question names between the two periods it asks about. */
function difference(facts: readonly TableFact[], question: QuestionAnalysis, isWord: (term: string) => boolean): FactComputation | null {
  if (!DIFFERENCE_ASK.test(question.text) || SHARE_ASK.test(question.text)) return null;
  let best: { later: TableFact; earlier: TableFact; strength: number } | null = null;
  const strengthOf = strengthFor(question, isWord);
  for (const later of facts) {
    if (later.year === null || later.change || later.opening || MOVEMENT_LABEL.test(later.label)) continue;
    const reportYear = later.ref.report.year;
    const named = namedYears(question, reportYear).sort((a, b) => b - a);
    const [laterYear, earlierYear] =
      named.length >= 2 ? [named[0], named[1]] : named.length === 1 && named[0] !== reportYear && AGAINST.test(question.text) ? [reportYear, named[0]] : named.length === 1 ? [named[0], (named[0] ?? 0) - 1] : [reportYear, reportYear - 1];
    if (later.year !== laterYear) continue;
    const strength = strengthOf(later);
    if (strength === 0 || (best && strength <= best.strength)) continue;
    const earlier = facts.find((f) => f.ref.table === later.ref.table && f.row === later.row && f.year === earlierYear && !f.change && !f.opening);
    if (earlier) best = { later, earlier, strength };
  }
  if (!best) return null;
  const [a, b] = [plainNumber(best.later.value), plainNumber(best.earlier.value)];
  const result = a !== null && b !== null ? exactDifference(a, b) : null;
  return result === null ? null : { op: 'difference', later: best.later, earlier: best.earlier, result: grouped(result, [best.later.value, best.earlier.value]) };
}

/** The sum of two or more rows the question names together, read from one column of one table. */
function sum(facts: readonly TableFact[], question: QuestionAnalysis, isWord: (term: string) => boolean): FactComputation | null {
  if (!AGGREGATE.test(question.text) || !JOINED.test(question.text)) return null;
  const groups = new Map<string, { parts: Map<number, TableFact>; strength: number }>();
  const strengthOf = strengthFor(question, isWord);
  const yearAsked = (f: TableFact) => f.year === null || f.year === (namedYears(question, f.ref.report.year)[0] ?? f.ref.report.year);
  for (const fact of facts) {
    if (fact.change || fact.opening || TOTAL_LABEL.test(fact.label) || !yearAsked(fact) || plainNumber(fact.value) === null) continue;
    const strength = strengthOf(fact);
    if (strength === 0) continue;
    const key = `${fact.ref.report.id}\u0000${fact.ref.table.id}\u0000${fact.column}`;
    const group = groups.get(key) ?? { parts: new Map<number, TableFact>(), strength: 0 };
    // One row per label: the same label twice in a column is one item printed under two groupings.
    if ([...group.parts.values()].some((p) => p.label === fact.label)) continue;
    group.parts.set(fact.row, fact);
    group.strength += strength;
    groups.set(key, group);
  }
  const best = [...groups.values()].filter((g) => g.parts.size >= 2).sort((x, y) => y.parts.size - x.parts.size || y.strength - x.strength)[0];
  if (!best) return null;
  const parts = [...best.parts.values()];
  const result = exactSum(parts.map((p) => plainNumber(p.value) ?? ''));
  return result === null ? null : { op: 'sum', parts, result: grouped(result, parts.map((p) => p.value)) };
}

/** An answer computed from facts, or null when the question asks for no computation they support. */
export function computeFromFacts(facts: readonly TableFact[], question: QuestionAnalysis, isWord: (term: string) => boolean = () => false): FactComputation | null {
  return difference(facts, question, isWord) ?? sum(facts, question, isWord);
}
