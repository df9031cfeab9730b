import { ASKS_START, startsChangeSpan } from '../text/changeSpan.js';
import { findFigures, type FoundFigure } from '../text/findFigures.js';
import { sentenceTexts } from '../text/splitSentences.js';
import { compact } from '../text/normalize.js';
import { isStemmable, latinStems, stemWord } from '../text/stem.js';
import type { Tokenizer } from '../text/tokenize.js';
import type { RetrievedChunk } from '../retrieve/hybridRetriever.js';
import type { Chunk } from '../store/shapes.js';
import { DATE_VALUE } from '../text/periods.js';
import { figureYear, framedAfter, respectiveYears } from '../text/respectively.js';
import { exactSum } from './exactArithmetic.js';
import { askedYear, INITIALISM_SKIPS, tableInMoney } from './factAnswerer.js';
import { agentNouns, askedKind, asksForName, doerNounsIn, inApposition, isDoerOf, knownStems, newNames, questionStems } from './namedAnswer.js';
import { AMOUNT_ASK, MEASURE_ASK, contentTerms, countedNoun, countedNounEnglish, EN_STOP_WORDS, PAYMENT_ASK, RATE_ASK, SPEND_ASK, WHEN_ASK, type QuestionAnalysis } from './questionAnalysis.js';

export interface TermWeights {
  /** Weight of a question term: rare in the report → heavy; unknown to the report → heaviest. */
  weight(term: string): number;
}

export interface ExtractiveAnswer {
  hit: RetrievedChunk;
  sentence: string;
  /** Share of the question's weight the sentence covers (0..1). */
  coverage: number;
  /**
   * The same share with the report's own year, when the question asks it, taken as said: a report
   * states its year's figures without repeating the year ("Revenue rose to 12 glims (2030: 9
   * glims)"). It decides whether the sentence says enough; `coverage`, where the printed year still
   * tells sentences apart, ranks them.
   */
  coverageInOwnYear: number;
  figure: FoundFigure | null;
  /** For "A 和 B 加起来": each part's figure and the exact sum. */
  aggregate: { parts: Array<{ label: string; figure: FoundFigure }>; sum: string } | null;
}

const BIGRAM_FACTOR = 0.5;
/** A name in apposition to the asked words outweighs a passage that repeats more of them. */
const NAME_APPOSITION_BONUS = 0.3;

interface WeightedTerm {
  term: string;
  weight: number;
  /** Other stems that count as this term ("auditor" for the "audits" of "who audits"). */
  also?: readonly string[];
  /** Taken as said by every sentence, printed or not (see `coverageInOwnYear`). */
  implied?: boolean;
  /** Whether a sentence prints the words an initialism stands for instead ("Republic of Freedonia" for "rf"). */
  spelledOut?: (text: string) => boolean;
}

/** A word, or a compound joined by hyphens ("right-of-use"). */
const WORD_OR_COMPOUND = /[A-Za-z]+(?:-[A-Za-z]+)*/gu;

/**
 * Whether the text prints, in any case, a run of words whose initials spell the letters: "distribution
 * centre" for "dc". Each part of a compound counts ("full-time" for "ft", "right-of-use" for "rou"),
 * as initialisms of compounds are made; one joining word may stand between two words and counts for
 * nothing ("Republic of Freedonia" for "rf"); any other function word ends a run and starts none
 * ("for the" is no "ft", "paid for the time" no "pt"). Words follow each other across spaces and "&"
 * only: a comma or a full stop ends a run.
 */
export function spellsInitialism(letters: string, text: string): boolean {
  const units: Array<{ initials: string; kind: 'word' | 'joiner' | 'function'; start: number; end: number }> = [];
  for (const m of text.matchAll(WORD_OR_COMPOUND)) {
    const word = m[0];
    const parts = word.split('-');
    const kind = parts.length > 1 ? 'word' : INITIALISM_SKIPS.test(word) ? 'joiner' : EN_STOP_WORDS.has(word.toLowerCase()) ? 'function' : 'word';
    units.push({ initials: kind === 'word' ? parts.map((part) => part[0]?.toLowerCase() ?? '').join('') : '', kind, start: m.index, end: m.index + word.length });
  }
  for (let i = 0; i < units.length; i += 1) {
    const first = units[i];
    if (first?.kind !== 'word' || !letters.startsWith(first.initials)) continue;
    let spelled = first.initials;
    for (let j = i + 1; j < units.length && spelled.length < letters.length; j += 1) {
      const before = units[j - 1];
      const unit = units[j];
      if (!before || !unit || unit.kind === 'function' || (unit.kind === 'joiner' && before.kind === 'joiner')) break;
      if (!/^[\s&]+$/u.test(text.slice(before.end, unit.start))) break;
      spelled += unit.initials;
      if (!letters.startsWith(spelled)) break;
    }
    if (spelled === letters) return true;
  }
  return false;
}

/**
 * A run of capitalised words whose initials spell the letters ("Republic of Freedonia" for "rf", "Kiln
 * Output Ratio" for "kor"), joining words ("of", "and", "the") allowed between them.
 */
function capitalisedRunSpelling(letters: string): RegExp {
  const words = [...letters.toUpperCase()].map((letter) => `${letter}[a-z]+`);
  return new RegExp(`\\b${words.join(String.raw`[\s-]+(?:(?:of|and|the|&)[\s-]+)?`)}\\b`, 'u');
}

/**
 * An initialism typed for words printed in lower case stands for a phrase the passages use: at least
 * this many of them print it. Words that merely begin with its letters ("rising figures" for "rf")
 * meet once.
 */
const MIN_SPELLING_PASSAGES = 2;

/** How many of the passages spell out the initialism, counted up to MIN_SPELLING_PASSAGES. */
function spellingPassages(letters: string, chunks: readonly Chunk[]): number {
  let count = 0;
  for (const chunk of chunks) {
    if (spellsInitialism(letters, chunk.text) && ++count >= MIN_SPELLING_PASSAGES) break;
  }
  return count;
}

/**
 * A short word of the question may be an initialism typed in lower case, and a sentence that spells
 * it out says it. Two to four letters — longer words are words — that the passages never print in
 * lower case ("tax", "net" are words), spelled out:
 * - in capitalised words ("Republic of Freedonia"), where the passages print it in capitals ("RF"):
 *   an initialism printed in capitals names something;
 * - in words of any case that at least MIN_SPELLING_PASSAGES passages of the report print ("dc" for
 *   "distribution centre", "ft" for "full-time"): a phrase the report uses.
 */
export function withInitialismsSpelled(terms: readonly WeightedTerm[], hits: readonly RetrievedChunk[]): WeightedTerm[] {
  return terms.map((t) => {
    if (!/^[a-z]{2,4}$/u.test(t.term)) return t;
    const lowerCase = new RegExp(`(?<![A-Za-z])${t.term}(?![A-Za-z])`, 'u');
    if (hits.some((hit) => lowerCase.test(hit.chunk.text))) return t;
    const capitals = new RegExp(`(?<![A-Za-z])${t.term.toUpperCase()}(?![A-Za-z])`, 'u');
    const named = hits.some((hit) => capitals.test(hit.chunk.text)) ? capitalisedRunSpelling(t.term) : null;
    const used = [...new Set(hits.map((hit) => hit.report))].some((report) => spellingPassages(t.term, report.chunks) >= MIN_SPELLING_PASSAGES);
    if (named === null && !used) return t;
    return { ...t, spelledOut: (text: string) => (named?.test(text) ?? false) || (used && spellsInitialism(t.term, text)) };
  });
}

export function weightedTerms(question: string, tokenizer: Tokenizer, weights: TermWeights): WeightedTerm[] {
  const { words: allWords, bigrams } = contentTerms(question, tokenizer);
  // A lone character ("年", "奖") matches almost any sentence; it is evidence of nothing.
  const words = allWords.filter((w) => w.length > 1 || !/\p{Script=Han}/u.test(w));
  const out = new Map<string, number>();
  for (const b of bigrams) out.set(b, BIGRAM_FACTOR * weights.weight(b));
  for (const w of words) out.set(w, weights.weight(w));
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/**
 * Share of the terms' weight found in `text`: substring match on the compact form (segmentation-proof),
 * and an English word also by its stem ("employ" in "we employed", "revenue" in "Revenues").
 */
export function coverageOf(terms: readonly WeightedTerm[], text: string): number {
  const haystack = compact(text).toLowerCase();
  let stems: Set<string> | null = null;
  let total = 0;
  let found = 0;
  for (const { term, weight, also, implied, spelledOut } of terms) {
    total += weight;
    if (implied || haystack.includes(term) || spelledOut?.(text)) found += weight;
    else if (isStemmable(term) && (stems ??= latinStems(text)).has(stemWord(term))) found += weight;
    else if (also && also.some((stem) => (stems ??= latinStems(text)).has(stem))) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

/** English words that ask for a ratio by name ("what share of…", not "shares"). */
const RATIO_WORD = /^(?:percent|percentage|pct|ratio|rate|share|proportion)$/u;

/**
 * Which of an English question's words a figure says by its kind: an amount of money says what was
 * paid, spent or cost ("a consideration of £125,000" is what was paid), a percentage the "share" or
 * "percentage" a question for a ratio asks. A sentence need not print them to answer.
 */
function kindSaidBy(figure: FoundFigure, question: QuestionAnalysis): ((term: string) => boolean) | null {
  if (figure.normalized.currency !== '') return (term) => /^[a-z]+$/u.test(term) && (PAYMENT_ASK.test(term) || SPEND_ASK.test(term));
  if (/[%％]/u.test(figure.unit) && (RATE_ASK.test(question.text) || RATE_ASK.test(question.matchText))) return (term) => RATIO_WORD.test(term);
  return null;
}

/** The words of the sentences around a sentence, as said by it ("…the Kiln Fund. It paid 40 glims"). */
const CONTEXT_WEIGHT = 0.8;
/** The words of the heading over a passage: it places the passage, it does not say each sentence. */
const TITLE_WEIGHT = 0.5;

/** A sentence's coverage, the sentences around it and the passage's title counting for less. */
function inContext(terms: readonly WeightedTerm[], title: string, before: string, sentence: string, after: string, titleWeight = TITLE_WEIGHT): number {
  const own = coverageOf(terms, sentence);
  const withContext = coverageOf(terms, `${before}${sentence}${after}`);
  const withTitle = coverageOf(terms, `${title}${before}${sentence}${after}`);
  return own + CONTEXT_WEIGHT * (withContext - own) + titleWeight * (withTitle - withContext);
}

const NAME_TAIL = /(的|总数|人数|数量|总量|数)$/u;

function clauseNamesNoun(sentence: string, figure: FoundFigure, noun: string): boolean {
  const before = sentence.slice(0, figure.start);
  const start = Math.max(before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf('、'), -1) + 1;
  const name = compact(before.slice(start)).replace(NAME_TAIL, '');
  const key = compact(noun);
  // The clause names the counted thing at its end ("…学生"), or the figure is followed by it ("312 名学生").
  const after = compact(sentence.slice(figure.end, figure.end + key.length + 2));
  const unit = compact(figure.unit);
  return name.endsWith(key) || name.endsWith(key.slice(-2)) || after.includes(key.slice(-2)) || (unit.length > 0 && key.endsWith(unit));
}


/** Words that end the run of words right after a figure: what follows them is no longer what it counts. */
const EN_RUN_END = /^(?:to|of|for|in|at|on|by|from|with|under|over|as|which|that|who|during|per|each|compared|against|than|and|or)$/iu;
const EN_FILLER = /^(?:approximately|about|around|over|some|nearly|almost|more|less|fewer|full|part|time|the|a|an|our|its|their|new|total)$/iu;

/**
 * In English the counted thing follows its figure ("4,300 people", "18,000 full-time and part-time
 * drivers") before any preposition; a figure followed by another noun counts that noun instead
 * ("42,000,000 share options to employees" counts options). A figure followed by no noun at all ("a
 * total of 239") counts what its sentence names. A range's far end ("from 6,500 to 54,000 square
 * feet") belongs to the figure.
 */
export function figureCountsNounEnglish(sentence: string, figure: FoundFigure, noun: string): boolean {
  return howFigureCountsNoun(sentence, figure, noun) !== null;
}

/**
 * "direct" when the noun follows the figure ("57 depots", "352 of its locations" — a partitive "of
 * its" goes on to what is counted), "sentence" when no noun follows and the sentence names it.
 */
function howFigureCountsNoun(sentence: string, figure: FoundFigure, noun: string): 'direct' | 'sentence' | null {
  const wanted = stemWord(noun);
  const after = sentence.slice(figure.end).replace(/^\s*(?:to|-|–|—|and)\s*[$€£]?[\d,.]+/u, '').replace(/^\s+of\s+(?:its|our|their|the|his|her)\s+/iu, ' ');
  const clause = after.split(/[,;:.()\n]/u)[0] ?? '';
  const words = clause.toLowerCase().match(/[a-z][a-z-]*/gu) ?? [];
  let content = false;
  for (const word of words.slice(0, 6)) {
    if (EN_RUN_END.test(word)) break;
    if (word.split('-').some((part) => stemWord(part) === wanted)) return 'direct';
    if (!word.split('-').every((part) => EN_FILLER.test(part))) content = true;
  }
  return !content && latinStems(sentence).has(wanted) ? 'sentence' : null;
}

const ASKS_COUNT = /人数|个数|数量|总数|多少人|多少个|多少名|几个|几人|几名|how many/iu;

/** A bare number followed by a plural noun counts those things ("30 years", "12 stores"): it is no amount spent. */
const COUNTS_THINGS = /^\s*[a-z-]{2,}[^sui\W]s\b/u;

/** A count is not answered by a percentage or an amount of money, nor a rate by a count, nor a price by a percentage. */
function kindAgrees(question: QuestionAnalysis, figure: FoundFigure, sentence: string, after: string, inMoneyTable = false): boolean {
  const isMoney = inMoneyTable || figure.normalized.currency !== '' || figure.normalized.unit === '元';
  if (SPEND_ASK.test(question.matchText) && !isMoney && COUNTS_THINGS.test(after)) return false;
  // (In a sentence an amount paid carries its currency: "a price of $12.50", "费用 35 万元". A bare
  // number beside a price is a count of the things priced.)
  return unitAgrees(question, figure.unit, isMoney, { paymentIsMoney: true, statedIn: sentence });
}

/**
 * The same for a figure known by its printed unit ("%", "人") and whether it is money; with
 * `paymentIsMoney`, a price, fee or pay must be money (in prose it prints its currency; a table's
 * amounts may carry theirs only in the unit line). What was spent, printed without its currency
 * ("spent 7,450 of its cash"), is an amount only where the sentence it is `statedIn` says it was
 * spent or paid: "the Loom 50 circle" holds a number, no amount.
 */
export function unitAgrees(
  question: Pick<QuestionAnalysis, 'text' | 'matchText' | 'wantsComparison'>,
  unit: string,
  isMoney: boolean,
  options: { paymentIsMoney?: boolean; statedIn?: string } = {},
): boolean {
  const isRatio = /[%％‰]/u.test(unit);
  // (As asked: the text matched has "what percentage" read as "how much".)
  if (RATE_ASK.test(question.matchText) || RATE_ASK.test(question.text)) return isRatio;
  if (ASKS_COUNT.test(question.matchText)) return !isRatio && !isMoney;
  // ("多少吨", "how many hectares": a quantity in a unit of measure, neither a share nor money. A Chinese
  // sentence prints the unit after the number, "销量 1.2 万吨": a figure without it is some other number.)
  const measure = MEASURE_ASK.exec(question.text);
  if (measure) return !isRatio && !isMoney && (measure[1] === undefined || unit.endsWith(measure[1]));
  if (PAYMENT_ASK.test(question.matchText) && !question.wantsComparison) return options.paymentIsMoney ? isMoney : !isRatio;
  if (SPEND_ASK.test(question.matchText) && !question.wantsComparison) {
    const saysSpent = options.statedIn !== undefined && (SPEND_ASK.test(options.statedIn) || PAYMENT_ASK.test(options.statedIn));
    return isMoney || (!isRatio && unit.trim() === '' && saysSpent);
  }
  // "How much income did X take in" asks an amount; a share of it is another figure ("how much of" asks one).
  if (AMOUNT_ASK.test(question.text) && !question.wantsComparison) return !isRatio;
  return true;
}

/** "As a percentage of sales, …", "… 6.1% of revenue": the sentence states a share of another quantity. */
const SHARE_OF_ANOTHER = /\bas\s+a\s+(?:percentage|percent|per\s+cent|share|proportion)\s+of\b/iu;

/**
 * A percentage in a sentence that says it is a share of another quantity ("As a percentage of sales,
 * loom spending was 6.1%") answers a question for a share, not one for the quantity itself.
 */
function shareOfAnother(question: Pick<QuestionAnalysis, 'text' | 'matchText'>, sentence: string, unit: string): boolean {
  // (A question typing "%" or "per cent" anywhere — "capex as a % of sales" — asks a share itself.)
  if (!/[%％]/u.test(unit) || RATE_ASK.test(question.text) || RATE_ASK.test(question.matchText) || /[%％]|\bper\s*cent/iu.test(question.text)) return false;
  return SHARE_OF_ANOTHER.test(sentence);
}

/**
 * An English clause that puts its figure in what is planned or expected ("The board plans to invest
 * about $80 million …", "we expect to spend …", "capital spending will be …") states an
 * intention, not what the year's figure was; it answers only a question about a plan or forecast.
 */
const INTENT_BEFORE = /\b(?:plans?|planned|planning|expects?|expected|intends?|intended|anticipates?|anticipated|aims?|targets?|budgets?|budgeted|forecasts?|projects?)\s+to\b|\b(?:will|shall)\s+(?:be\s+)?[a-z]+/iu;
const ASKS_INTENT = /\b(?:plan|plans|planned|planning|expect|expects|expected|expecting|intend|intends|intended|anticipate|anticipated|aim|target|targets|budget|budgeted|forecast|forecasts|projected|outlook|guidance|will|going\s+to|next\s+year)\b/iu;

function plannedOnly(question: Pick<QuestionAnalysis, 'text' | 'language'>, before: string): boolean {
  if (question.language !== 'en' || ASKS_INTENT.test(question.text)) return false;
  return INTENT_BEFORE.test(lastClause(before, SENTENCE_OR_CLAUSE_BREAK));
}

/** A full stop or semicolon before a space or line break: where the clause a figure stands in begins. */
const SENTENCE_OR_CLAUSE_BREAK = /[;.]\s/gu;
/** The same, and a comma: where the phrase a figure stands in begins. */
const PHRASE_BREAK = /[;,.]\s/gu;

/** The text after the last break `breaks` finds in `before`. */
function lastClause(before: string, breaks: RegExp): string {
  let from = 0;
  for (const found of before.matchAll(breaks)) from = found.index + 1;
  return before.slice(from);
}

/**
 * Whether a sentence states its figure as something other than what the question asks: a share of
 * another quantity, a plan, or (in English) the figure of a part a name qualifies. `before` is the
 * sentence up to the figure; `qualified` the words that name the figure (the same, or a registry
 * entry's name); `known` the question's and the organisation's words, read only when needed.
 */
export function statedAsOther(
  question: Pick<QuestionAnalysis, 'text' | 'matchText' | 'language'>,
  sentence: string,
  unit: string,
  before: string,
  qualified: string,
  known: () => ReadonlySet<string>,
): boolean {
  return shareOfAnother(question, sentence, unit) || plannedOnly(question, before) || (question.language === 'en' && namedPartBefore(qualified, known()));
}

/** A preposition that ties a name to the quantity before it: "… in Freedonia", "… from Quorvex Ltd". */
const PART_PREPOSITION = /\b(?:in|for|at|from|of|by)\s+(?:the\s+)?$/iu;

/**
 * Whether the clause before a figure qualifies it by a name the question does not print, joined by a
 * preposition ("The effective tax rate in Freedonia of", "revenue from Quorvex was").
 */
function namedPartBefore(before: string, known: ReadonlySet<string>): boolean {
  const clause = lastClause(before, PHRASE_BREAK);
  return newNames(clause, known).some((name) => PART_PREPOSITION.test(clause.slice(0, name.start)));
}

const ASKS_PLACE = /哪里|哪儿|什么地方|哪个国家|哪座城市|\bwhere\b/iu;
const PLACE_CUE = /(赴|前往|去往|抵达|到达|远赴)\p{Script=Han}{2,}|\p{Script=Han}{1,6}(国|省|市|州)(?![\p{Script=Han}]{0,1}(级|家|内|外))/u;

/**
 * A "where" question is answered by a sentence that names a place, a "when" question by one that
 * prints a date or a year, not by one that only repeats the question.
 */
function answerTypeBonus(question: QuestionAnalysis, sentence: string): number {
  return (ASKS_PLACE.test(question.norm) && PLACE_CUE.test(sentence)) || (WHEN_ASK.test(question.text) && DATE_VALUE.test(sentence)) ? 0.2 : 0;
}

/** A name a sentence opens with: capitalised words or figures, not a determiner or pronoun ("Quill Go 2"). */
const OPENING_NAME = /^[\s“"‘']*((?:[A-Z][\w'’&-]*|\d+)(?:\s+(?:[A-Z][\w'’&-]*|\d+))+)/u;
const NOT_A_NAME = /^(?:The|This|That|These|Those|It|Its|Our|We|In|On|At|For|During|As|A|An)\b/u;

/** The next sentence opens with a name of two words or more that this sentence prints: it goes on about the same thing. */
function continuesSubject(sentence: string, next: string): boolean {
  const name = OPENING_NAME.exec(next)?.[1];
  return name !== undefined && !NOT_A_NAME.test(name) && sentence.includes(name);
}

/** Coverage of the clause holding `figure` (from the previous clause break to the next). */
function figureClauseCoverage(sentence: string, figure: FoundFigure, terms: readonly WeightedTerm[]): number {
  const before = sentence.slice(0, figure.start);
  const start = Math.max(before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf(','), -1) + 1;
  const nextBreak = sentence.slice(figure.end).search(/[，；。,;]/u);
  return coverageOf(terms, sentence.slice(start, nextBreak >= 0 ? figure.end + nextBreak : undefined));
}

interface PassageReading {
  sentences: string[];
  /** The figures of sentence `i`, found when first asked. */
  figures: (i: number) => readonly FoundFigure[];
}

/**
 * A passage's sentences and their figures are the same for every question, and the same passages are
 * retrieved question after question: read once per chunk. Chunks are immutable and held by the
 * loaded index, so entries go when a re-ingest replaces it.
 */
const readings = new WeakMap<Chunk, PassageReading>();

function readingOf(chunk: Chunk): PassageReading {
  let reading = readings.get(chunk);
  if (!reading) {
    const sentences = sentenceTexts(chunk.text, { lineBreaks: true });
    const found: (readonly FoundFigure[] | undefined)[] = [];
    reading = { sentences, figures: (i) => (found[i] ??= findFigures(sentences[i] ?? '')) };
    readings.set(chunk, reading);
  }
  return reading;
}

/** Among figures whose clauses say as much, the one the asked noun follows (what it counts) goes first. */
const PREFERRED_FIGURE_BONUS = 0.5;

/**
 * The figure whose own clause shares most with the question: in "A 14 门；B 5120 次" the one asked
 * about. `judge` rejects a figure (null) or gives it a bonus.
 */
function bestFigure(
  sentence: string,
  found: readonly FoundFigure[],
  terms: readonly WeightedTerm[],
  judge: (figure: FoundFigure) => number | null = () => 0,
): FoundFigure | null {
  const figures = found.flatMap((figure) => {
    const bonus = judge(figure);
    return bonus === null ? [] : [{ figure, bonus }];
  });
  if (figures.length === 0) return null;
  let best: FoundFigure | null = null;
  let bestScore = -1;
  let clauseStart = 0;
  for (const { figure, bonus } of figures) {
    // The clause of a figure: from the previous figure (or clause break) to the next clause break.
    const before = sentence.slice(clauseStart, figure.start);
    const breakAt = Math.max(before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf('、'), before.lastIndexOf(','));
    const nextBreak = sentence.slice(figure.end).search(/[，；。,;]/u);
    const clause = `${breakAt >= 0 ? before.slice(breakAt + 1) : before}${sentence.slice(figure.start, nextBreak >= 0 ? figure.end + nextBreak : undefined)}`;
    const score = coverageOf(terms, clause) + bonus;
    if (score > bestScore) {
      best = figure;
      bestScore = score;
    }
    clauseStart = figure.end;
  }
  return best;
}

const AGGREGATE_WORD = /(加起来|一共|总共|合计|共计|总计|加总|之和|总和|共有)/u;

/** "第一和第二车间加起来" → ["第一车间", "第二车间"]; "协作工厂、兄弟院校和研究机构" → three parts. */
export function aggregateParts(question: string): string[] {
  const text = compact(question);
  const at = text.search(AGGREGATE_WORD);
  if (at <= 0) return [];
  const head = text.slice(0, at).replace(/(的)?(数量|人数|数|个数)?$/u, '');
  const tail = head.split(/[，,。？?：:里中]/u).at(-1) ?? '';
  const parts = tail
    .split(/[和与及跟、]|以及/u)
    // (A part is named by its head noun: what stands before its last 的 only describes it —
    // "按时报到的学历生" is 学历生, which the passage may state otherwise qualified.)
    .map((p) => p.replace(/^.*的/u, '').replace(/^(在|有)/u, '').trim())
    .filter((p) => p.length > 0);
  if (parts.length < 2) return [];
  const last = parts.at(-1) ?? '';
  // A short head shares the last part's ending: "第一" + "第二车间" → "第一车间".
  return parts.map((p, i) => {
    if (i === parts.length - 1 || p.length > 2 || last.length <= 2) return p;
    return `${p}${last.slice(p.length)}`;
  });
}

function findPartFigures(text: string, parts: string[]): Array<{ label: string; figure: FoundFigure }> | null {
  const figures = findFigures(text);
  const used = new Set<FoundFigure>();
  const out: Array<{ label: string; figure: FoundFigure }> = [];
  for (const part of parts) {
    const key = compact(part);
    let chosen: FoundFigure | null = null;
    for (const figure of figures) {
      if (used.has(figure)) continue;
      // The part's name must stand just before its figure (within the same clause).
      const before = compact(text.slice(Math.max(0, figure.start - 16), figure.start));
      const clause = before.split(/[，；。,;、]/u).at(-1) ?? '';
      if (clause.includes(key) || (key.length > 3 && clause.includes(key.slice(-3)))) {
        chosen = figure;
        break;
      }
    }
    if (!chosen) return null;
    used.add(chosen);
    out.push({ label: part, figure: chosen });
  }
  return out;
}

/** Content words of a sentence before its figure that the question does not say (as stems). */
function unaskedLeadWords(lead: string, asked: ReadonlySet<string>): number {
  const words = (lead.toLowerCase().match(/[a-z]{2,}/gu) ?? []).filter((word) => !EN_STOP_WORDS.has(word));
  return new Set(words.map(stemWord).filter((stem) => !asked.has(stem))).size;
}

/** The Latin words of the passages and their headings, in lower case, each once. */
function passageWords(hits: readonly RetrievedChunk[]): Set<string> {
  const words = new Set<string>();
  for (const hit of hits) for (const word of hit.chunk.norm.toLowerCase().match(/[a-z]+/gu) ?? []) words.add(word);
  return words;
}

/**
 * The sentence of the best passages that answers the question: most of the question's weight, and a
 * figure when an amount is asked. "A 和 B 加起来" sums the parts' printed figures exactly.
 */
export function answerExtractively(
  hits: readonly RetrievedChunk[],
  question: QuestionAnalysis,
  tokenizer: Tokenizer,
  weights: TermWeights,
): ExtractiveAnswer | null {
  const wantsName = question.language === 'en' && !question.wantsFigure && asksForName(question.text);
  // (The doer's nouns as the passages print them: "Chairman" answers "who chairs…" and "who is the chair?".)
  const doers = wantsName ? [...agentNouns(question.text), ...doerNounsIn(question.text, passageWords(hits))] : [];
  const doerStemsOf = (term: string): string[] => {
    const stem = stemWord(term);
    return [...new Set(doers.filter((word) => word.startsWith(stem) && isDoerOf(word, stem)).map(stemWord))];
  };
  const kindAsked = wantsName ? askedKind(question.text) : null;
  const kindStem = kindAsked === null ? null : stemWord(kindAsked);
  const askedStems = wantsName ? questionStems(question.matchText) : new Set<string>();
  const terms = withInitialismsSpelled(weightedTerms(question.matchText, tokenizer, weights), hits).map((t) => {
    const also = doers.length > 0 && isStemmable(t.term) ? doerStemsOf(t.term) : [];
    return also.length > 0 ? { ...t, also } : t;
  });
  // A question whose only content is a number or year ("那 2023 年呢？" with no context) asks nothing.
  if (!terms.some((t) => !/^[\d.%]+$/.test(t.term))) return null;

  if (question.wantsAggregate) {
    const parts = aggregateParts(question.matchText);
    if (parts.length >= 2) {
      for (const hit of hits.slice(0, 5)) {
        const found = findPartFigures(hit.chunk.text, parts);
        if (!found) continue;
        const sum = exactSum(found.map((f) => f.figure.value));
        if (sum === null) continue;
        const first = Math.min(...found.map((f) => f.figure.start));
        const last = Math.max(...found.map((f) => f.figure.end));
        const sentence = hit.chunk.text.slice(Math.max(0, hit.chunk.text.lastIndexOf('。', first) + 1), Math.max(last, hit.chunk.text.indexOf('。', last) + 1));
        const coverage = coverageOf(terms, hit.chunk.text);
        return { hit, sentence: sentence.trim(), coverage, coverageInOwnYear: coverage, figure: null, aggregate: { parts: found, sum } };
      }
    }
  }

  let best: ExtractiveAnswer | null = null;
  let bestScore = 0;
  let bestUnranked = 0;
  let bestExtra = Number.POSITIVE_INFINITY;
  const askedLatin = question.language === 'en' ? questionStems(question.matchText) : new Set<string>();
  const asksWhen = WHEN_ASK.test(question.text);
  const counted = question.language === 'zh' ? countedNoun(question.matchText) : null;
  const countedEnglish = question.language === 'en' ? countedNounEnglish(question.matchText) : null;
  // (A name is one short run of words, easily outranked by passages that only repeat the question's
  // words: a question for a name reads every passage retrieved.)
  hits.slice(0, wantsName ? hits.length : 8).forEach((hit, rank) => {
    // (The question's and the organisation's words, which no name asked for consists of: read once per passage, when needed.)
    let knownHere: Set<string> | undefined;
    const known = () => (knownHere ??= knownStems(question.text, hit.report.meta.organisation ?? ''));
    const { sentences, figures } = readingOf(hit.chunk);
    // (A table's amounts carry their currency in its heading — "2031 £’000", "(in thousands of
    // dollars)" — not beside each figure: a bare amount of such a table is money.)
    const table = hit.chunk.kind === 'table_rows' ? hit.report.tables.find((t) => t.id === hit.chunk.table) : undefined;
    const moneyTable = table !== undefined && tableInMoney(table);
    // The words that locate the passage (section or case title) count as weak context for every sentence.
    const title = hit.chunk.norm.split('\n')[0] ?? '';
    const year = askedYear(question, hit.report.meta.year);
    // (Not a row of a table: its years are printed in its header, and the row is read against them.)
    const inOwnYear = year === hit.report.meta.year && hit.chunk.kind !== 'table_rows' ? terms.map((t) => (t.term === String(year) ? { ...t, implied: true } : t)) : terms;
    sentences.forEach((sentence, i) => {
      // Figures listed against years ("… in 2031, 2030 and 2029, respectively"): only the asked year's.
      const listed = respectiveYears(sentence, figures(i));
      // (A sentence opening on a later time states no figure for the year asked, unless one names its year.)
      const later = question.wantsFigure && framedAfter(sentence, year);
      // The year the sentence states each figure for, read once. A figure stated for no year beside one
      // stated for a year ("a loss of £238,000 (2030: £383,000)") is the report's own year's: asked
      // another year, it is not the one.
      const statedYears = question.wantsFigure ? new Map(figures(i).map((f) => [f, figureYear(sentence, f, listed)])) : new Map<FoundFigure, number | null>();
      const comparedWithYear = year !== hit.report.meta.year && [...statedYears.values()].some((y) => y !== null);
      const figure = bestFigure(sentence, figures(i), terms, (f) => {
        if (!question.wantsFigure) return 0;
        const listedYear = statedYears.get(f) ?? null;
        if (listedYear !== null ? listedYear !== year : later || comparedWithYear) return null;
        if ((counted && !clauseNamesNoun(sentence, f, counted)) || !kindAgrees(question, f, sentence, sentence.slice(f.end), moneyTable && f.unit === '')) return null;
        // (A share of another quantity, a plan, or a part a name qualifies — "the effective tax rate
        // in Freedonia of 31.3%" — is not what the question asks, unless it asks so.)
        const before = sentence.slice(0, f.start);
        if (statedAsOther(question, sentence, f.unit, before, before, known)) return null;
        // (The start of a "from X to Y" span is the earlier state: the figure only when that is asked.)
        if (startsChangeSpan(sentence, f, figures(i)) && !ASKS_START.test(question.text)) return null;
        if (!countedEnglish) return 0;
        // (Read once per figure: whether it counts the asked noun, and whether the noun follows it.)
        const counts = howFigureCountsNoun(sentence, f, countedEnglish);
        return counts === null ? null : counts === 'direct' ? PREFERRED_FIGURE_BONUS : 0;
      });
      if (question.wantsFigure && !figure) return;
      // "When did she become warden?" is answered by a sentence that dates something, not by one that
      // only says she is warden: as a figure answers "how much", a date answers "when".
      if (asksWhen && !DATE_VALUE.test(sentence)) return;
      const names = wantsName ? newNames(sentence, known()) : [];
      if (wantsName && names.length === 0) return;
      // A sentence often names its subject in the one or two before ("…举行了职业规划演讲比赛。…《X》获得最佳创意奖").
      // (Before a passage's first sentence stands its heading: "Secretary" over "Maren Tollefsen".)
      // (The rows of a table are records of their own: a row says nothing of the one above or below it.
      // A line of a record in a list of records is said of the record's name, as if it stood before it.)
      const rows = hit.chunk.kind === 'table_rows';
      const before = rows ? (hit.chunk.subject ?? '') : i === 0 && hit.chunk.kind === 'paragraph' ? title : sentences.slice(Math.max(0, i - 2), i).join('');
      // …or goes on about it in the next, opening with its name ("…offered Quill Go in 352 stores. Quill Go lets customers…").
      const next = sentences[i + 1] ?? '';
      const after = !rows && continuesSubject(sentence, next) ? next : '';
      // (The words naming the kind of figure asked, "pay" or "percentage", are said by the figure itself;
      // the kind of thing a question for a name asks, "which town", by the name the sentence prints.)
      const saying = figure ? kindSaidBy(figure, question) : kindStem !== null && names.length > 0 ? (term: string) => stemWord(term) === kindStem : null;
      const here = saying ? terms.map((t) => (saying(t.term) ? { ...t, implied: true } : t)) : terms;
      const own = coverageOf(here, sentence);
      const withContext = coverageOf(here, `${before}${sentence}${after}`);
      // (A table's rows are its title's lines — "Differences on firing export tiles" is a line of the
      // kiln comprehensive results its title names — so the title is said of a row as the sentences
      // around a sentence are, not only heard as a passage's heading.)
      const titleWeight = rows ? CONTEXT_WEIGHT : TITLE_WEIGHT;
      const coverage = inContext(here, title, before, sentence, after, titleWeight);
      // The figure asked about stands in a clause that repeats the question's words.
      const clauseBonus = figure && question.wantsFigure ? 0.15 * figureClauseCoverage(sentence, figure, terms) : 0;
      // The name asked for stands beside the asked words ("the auditor, Harrowgate Pike LLP"), maybe on the line before.
      const previous = sentences[i - 1] ?? (hit.chunk.kind === 'paragraph' ? title : '');
      const withLineBefore = `${previous}\n${sentence}`;
      const nameBonus = names.some((n) => inApposition(withLineBefore, { ...n, start: n.start + previous.length + 1, end: n.end + previous.length + 1 }, askedStems)) ? NAME_APPOSITION_BONUS : 0;
      const score = coverage + clauseBonus + nameBonus + answerTypeBonus(question, sentence) - rank * 0.01;
      // Of sentences that answer alike, rank aside, the one that qualifies the figure least beyond the
      // question: "federal vorn levies" are a part of the vorn levies asked for.
      const extra = figure && question.language === 'en' ? unaskedLeadWords(sentence.slice(0, figure.start), askedLatin) : 0;
      const tied = best !== null && Math.abs(score + rank * 0.01 - bestUnranked) < 1e-9 && extra < bestExtra;
      if (score > bestScore || tied) {
        bestScore = score;
        bestUnranked = score + rank * 0.01;
        bestExtra = extra;
        const shown = withContext > own && i > 0 ? `${sentences[i - 1] ?? ''}${sentence}` : sentence;
        const ownYearHere = saying ? inOwnYear.map((t) => (saying(t.term) ? { ...t, implied: true } : t)) : inOwnYear;
        const coverageInOwnYear = inOwnYear === terms ? coverage : inContext(ownYearHere, title, before, sentence, after, titleWeight);
        best = { hit, sentence: shown, coverage, coverageInOwnYear, figure, aggregate: null };
      }
    });
  });
  return best;
}
