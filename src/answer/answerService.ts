import type { Embedder } from '../embed/embedder.js';
import type { Logger } from '../log.js';
import { HybridRetriever, inSections, type RetrievalFilter, type RetrievedChunk } from '../retrieve/hybridRetriever.js';
import type { ReportIndex } from '../store/loadReportIndex.js';
import type { LoadedReport } from '../store/reportFiles.js';
import type { Chunk, ParsedTable, ReportMeta } from '../store/shapes.js';
import { companiesNamedIn, companyNamesIn, printsPartOfName, withoutOrganisation } from '../text/organisationMention.js';
import { withoutReportSubject } from '../text/reportSubject.js';
import { compact } from '../text/normalize.js';
import type { Tokenizer } from '../text/tokenize.js';
import { tableRowText } from '../text/tableRowText.js';
import { latinStems, stemWord } from '../text/stem.js';
import { framedAfter, yearStatedFor } from '../text/respectively.js';
import { datesNamed, daysNamed } from '../text/periods.js';
import { isAnswer, type Decision } from './decision.js';
import { exactDifference } from './exactArithmetic.js';
import { answerExtractively, coverageOf, type ExtractiveAnswer, statedAsOther, type TermWeights, unitAgrees, weightedTerms } from './extractiveAnswerer.js';
import { resolveFollowUp } from './followUp.js';
import { agentNouns, asksForName, doerNounsIn, fullNameOf, knownStems } from './namedAnswer.js';
import { sectionsNamed } from './namedSection.js';
import { capitalsAsPrinted, derivedAsPrinted, namesIn, spelledAsPrinted, spelledOut, unclipped, unclippedPairs, vocabularyOf, type Vocabulary } from './spelling.js';
import { LookupService } from './lookup/lookupService.js';
import { modifierCovered, namesPartOfList, sameFigure, sameQuantity, statesChange } from './metricEquivalence.js';
import type { MetricFilter, MetricMatch } from './metricMatcher.js';
import { PHRASES } from './phrase/phrases.js';
import { figuresOf, tableLabel, wordAnswer } from './phrase/wordAnswer.js';
import { printedFigure } from './printedFigure.js';
import { analyseQuestion, askingPositions, EN_STOP_WORDS, languageOf, asksParentOnly, PARENT_ONLY, PART_OF_YEAR, RATE_ASK, type Language, type QuestionAnalysis, askedHeadEnglish, placeOfProse, sourcePhrase, withoutPlaceWords, withoutSourcePlace, zhWholePhrase } from './questionAnalysis.js';
import { homophonesAsPrinted } from './homophones.js';
import { answerFromTables, type TableAnswer } from './tableAnswerer.js';
import { answerFromFacts, askedText, holdersAsked, askedYear, asksForNumber, type FactIndex, factsAskedAbout, factsOfTable, indexFacts, withPrintedAliases, initialismTokens, labelSpells, labelStrength, parentsTable, readsAsNumber, tableHeadings } from './factAnswerer.js';
import { computeFromFacts } from './factComputation.js';
import type { AskOptions, AskResult, Evidence, SourceRef } from './types.js';

/** Longer questions are refused: nobody types 500 characters to ask for one figure, and it bounds cost. */
export const MAX_QUESTION_CHARS = 500;
const SOURCES_SHOWN = 5;
/** A registry entry answers only when its name covers this much of the question's weight. */
const METRIC_MIN_QUERY_COVERAGE = 0.62;
const METRIC_MIN_SCORE = 0.4;
/** The best sentence must cover this much of the question's weight, or the report is taken not to say. */
const EXTRACTIVE_MIN_COVERAGE = 0.6;
/** A passage sentence covering this much more of the question than a fact's label and headings answers instead. */
const PASSAGE_OVER_FACT_MARGIN = 0.3;
/**
 * A fact's label, column heading, row group and table name must cover this much of the question's
 * weight. A fact needs far less than a sentence (EXTRACTIVE_MIN_COVERAGE): a label names its figure in
 * two or three words, and staff wrap it in words of their own ("how much did we …", "on the bs").
 * Below a sixth, the label is a word the question mentions on the way to asking something else. Set
 * as the largest bar that turned no right fact answer of the English dev sets into a refusal; the
 * validation sets were measured after (see the README).
 */
const FACT_MIN_COVERAGE = 0.15;
/** Coverage of every word of the question (short of rounding). */
const FULL_COVERAGE = 0.999;
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

/** A passage an answer stands on, shown first among the sources. */
interface Primary {
  report: ReportMeta;
  chunk: Chunk | null;
  section: string;
  page: number;
  text: string;
}

/**
 * The share of the rarest printed term's weight that a Chinese term no report prints carries. Chosen
 * between 0.5 and 0.75 on the dev sets, each measured on the Chinese validation set too: at 0.5 a
 * validation unanswerable was answered (and four dev ones); at 0.75 none was, on either.
 */
const UNPRINTED_HAN_WEIGHT = 0.75;

/** Passages found by their heading for a question for a name, at most. */
const MAX_HEADED = 3;
/** A heading naming what is asked holds at most this many words more ("… and Broker"). */
const MAX_HEADING_EXTRA_WORDS = 2;

/**
 * Answers a question about the ingested reports: exact paths first (a parsed table, the metric
 * registry), then the best sentence of the best passages; says so when the report does not say.
 * Each path returns a decision; phrase/wordAnswer.ts words it. With a model configured, the model
 * writes the answer from the same evidence and every figure it prints is checked against that
 * evidence, else the extractive answer stands.
 */
export class AnswerService {
  readonly retriever: HybridRetriever;
  /** Metric and table lookups, shared with /metric, /table, the terminal chat and the CLI. */
  readonly lookup: LookupService;
  /** Each report's table facts, read off once, when a question first asks that report. */
  private readonly factsByReport = new Map<string, FactIndex>();
  /** Each report's text in compact form, one string, built on first use: what it prints (a word, a year). */
  private readonly printedText = new Map<string, string>();
  /** Each report's Chinese company names, for a question that names another company (namesMissingFrom). */
  private readonly companyNames = new Map<string, readonly string[]>();
  /** Each heading's words, for passages found by their heading (headedBy). */
  private readonly wordsOfHeading = new Map<string, ReadonlySet<string>>();
  /** Each report's words — counts and which it prints only in capitals — for typos and initialisms, read on first use. */
  private readonly vocabularies = new Map<string, Vocabulary>();
  /** Each report's passages and headings, for reading a question's words (see printedTexts). */
  private readonly passagesAndHeadings = new Map<string, readonly string[]>();
  /** The day each report's year ends on (see yearEndOf), read on first use. */
  private readonly yearEnds = new Map<string, { month: number; day: number } | null>();
  private readonly weights: TermWeights;

  constructor(private readonly deps: AnswerServiceDeps) {
    const { index, tokenizer, embedder } = deps;
    this.retriever = new HybridRetriever(index, embedder, tokenizer, deps.vectorWeight ?? 0.3);
    this.lookup = new LookupService(index, tokenizer);
    // Term weights from the one BM25 index over every report (shared statistics).
    const maxIdf = Math.max(1, this.retriever.maxIdf);
    // (A Chinese term no report prints is the asker's own word — "咱老板天天念叨的" — which no evidence
    // can say: it weighs UNPRINTED_HAN_WEIGHT of the rarest printed term's weight, not all of it.
    // English keeps the full weight: a word no report prints there is mostly a name, which is the point.)
    this.weights = { weight: (term) => this.retriever.idfOf(term) ?? (/^\p{Script=Han}+$/u.test(term) ? maxIdf * UNPRINTED_HAN_WEIGHT : maxIdf) };
  }

  get index(): ReportIndex {
    return this.deps.index;
  }

  /**
   * A question that names no year is about the newest report: without a filter, the newest year is
   * searched (other years then come in through the lookup's same-metric-in-other-years); with one,
   * the filter stands.
   */
  private newestFirst<T extends RetrievalFilter>(filter: T): T {
    const latest = this.index.reports[0]?.meta.year;
    if (filter.years || filter.reportIds || latest === undefined || this.index.reports.length < 2) return filter;
    return { ...filter, years: new Set([latest]) };
  }

  /**
   * `rawQuestion` is the question as typed, chat syntax already removed by the front end (a Discord
   * mention is the bot's business, not the answerer's); control characters are dropped here.
   */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<AskResult> {
    const started = performance.now();
    const question = rawQuestion.replace(/[\u0000-\u001f\u007f]+/gu, ' ').trim();
    const language = languageOf(question);
    if (question.length === 0 || !/[\p{L}\p{N}]/u.test(question)) return this.refusal(rawQuestion, { kind: 'empty_question' }, language, started);
    if (question.length > MAX_QUESTION_CHARS) {
      return this.refusal(rawQuestion, { kind: 'question_too_long', limit: MAX_QUESTION_CHARS }, language, started);
    }

    const typed = resolveFollowUp(question, options.history);
    const firstReading = analyseQuestion(typed, this.deps.tokenizer);
    // Typos read as the words the reports asked print ("locatons"): the years asked, and so the reports, stay.
    const scope = this.newestFirst(this.filterFor(firstReading, options));
    const scoped = this.reportsIn(scope);
    const vocabularies = this.vocabulariesOf(scoped);
    // Typos first ("incom" is income, not a clipped "incentive compensation"), then shortened forms,
    // then other forms of a printed word ("registry" beside "share" for "register"), then Chinese
    // characters typed by their sound ("基励" for 激励).
    const respelled = spelledAsPrinted(typed, vocabularies, isEnglishStopWord);
    const texts = () => scoped.flatMap((r) => this.printedTexts(r));
    const spelledOutForms = derivedAsPrinted(
      unclipped(unclippedPairs(spelledOut(respelled, texts, vocabularies, isEnglishStopWord), texts, vocabularies, isEnglishStopWord), texts, vocabularies, isEnglishStopWord, stemWord),
      texts,
      vocabularies,
      isEnglishStopWord,
      stemWord,
    );
    const scopedIds = new Set(scoped.map((r) => r.meta.id));
    const resolved = homophonesAsPrinted(spelledOutForms, scoped.map((r) => r.lexical), askingPositions(spelledOutForms), (run) => this.prints(run, scopedIds));
    const asked = resolved === typed ? firstReading : analyseQuestion(resolved, this.deps.tokenizer);
    // The organisation a report is about is named in questions — by its name or by the noun the report
    // calls itself ("公司", "学校") — but is no evidence of a passage.
    const withoutName = this.index.reports.reduce((text, r) => withoutOrganisation(text, r.meta.organisation), asked.matchText);
    const withoutSubject = scoped.reduce((text, r) => withoutReportSubject(text, this.lookup.subjectOf(r)), withoutName);
    const analysis = /[\p{L}\p{N}]/u.test(withoutSubject) ? { ...asked, matchText: withoutSubject } : asked;
    const whole = this.filterFor(analysis, options);
    // "… per the MD&A": the part of the report named is searched first, the whole report when it does not say.
    // (In Chinese, the whole a part is asked within: "釉料费用明细里窑具费".)
    const place = analysis.language === 'en' ? sourcePhrase(analysis.text) : zhWholePhrase(analysis.text);
    const sections = place === null ? undefined : this.sectionsNamedIn(place, this.reportsIn(this.newestFirst(whole)));
    // (Within the part, the words naming it are no longer asked of its sentences: "on the kiln holdings list".)
    const within = place !== null && sections ? await this.decide({ ...analysis, matchText: withoutPlaceWords(analysis.matchText, place) }, { ...whole, sections }, analysis.language === 'en' && placeOfProse(place)) : null;
    const { decided: chosen, hits, filter } = within && isAnswer(within.decided.decision) ? within : await this.decide(analysis, whole);
    let decided = chosen;
    // A question about part of a year is answered only by evidence that names part of a year; one
    // built on an initialism the reports never print (and no row spells) by nothing: the report does
    // not use the term, so no passage states it.
    // (A fact has been held against the unknown initialisms already, in fromFacts.)
    const unknownTerm = decided.decision.kind !== 'fact' && this.unknownInitialisms(analysis.text, this.reportsIn(filter)).length > 0;
    const otherPeriod = PART_OF_YEAR.test(analysis.text) && !PART_OF_YEAR.test(evidenceWords(decided.decision));
    // A question naming a part of the whole ("revenue in Freedonia", "the tapestry segment") is not
    // answered by a table row whose table never names that part: the figure is the whole's, or another
    // part's. (A passage is not held to it: its sentence stands in a paragraph and a section about that
    // part, which need not repeat the name, and the passage search has weighed the rare name already.)
    const unnamedPart = isAnswer(decided.decision) && !isPassage(decided.decision) && this.namesMissingFrom(decided.decision, analysis.matchText, this.reportsIn(filter));
    // A question that names a day ("the price at 31 March 2031") is answered only by evidence of that
    // day: evidence dated another day, or undated in a report whose year ends on another day, is not.
    const otherDay = isAnswer(decided.decision) && this.otherDayThanAsked(analysis.text, decided.decision, this.reportsIn(filter));
    if (isAnswer(decided.decision) && (unknownTerm || otherPeriod || unnamedPart || otherDay)) {
      decided = { decision: this.notFound(analysis, hits), primary: [] };
    }
    const found = isAnswer(decided.decision);
    const answer = wordAnswer(decided.decision, analysis.language);
    const figures = figuresOf(decided.decision);
    const sources = this.sources(decided.primary, hits);

    let result: AskResult = { question: rawQuestion, mode: 'offline', found, answer, figures, sources, ms: 0 };
    if (this.deps.model) result = await this.withModel(result, analysis, options);
    return { ...result, ms: elapsed(started) };
  }

  /**
   * The section headings of the reports in scope that an English question names as where its figure
   * is stated ("per the MD&A"), or undefined when it names none that the reports have.
   */
  private sectionsNamedIn(phrase: string, reports: readonly LoadedReport[]): ReadonlySet<string> | undefined {
    const named = new Set<string>();
    for (const report of reports) {
      const headings = new Set(report.chunks.flatMap((chunk) => chunk.section.path));
      for (const heading of sectionsNamed(phrase, headings, report.meta.title)) named.add(heading);
    }
    return named.size > 0 ? named : undefined;
  }

  /** The answer the passages, tables and registry give within the filter, and the passages retrieved. */
  private async decide(analysis: QuestionAnalysis, filter: RetrievalFilter, proseAsked = false): Promise<{ decided: { decision: Decision; primary: Primary[] }; hits: RetrievedChunk[]; filter: RetrievalFilter }> {
    const newest = this.newestFirst(filter);
    // "Who audits…" is also searched as the doer's noun the report prints ("Auditors", "Chairman").
    const doers = analysis.language === 'en' ? this.vocabulariesOf(this.reportsIn(newest)).flatMap((v) => doerNounsIn(analysis.text, v.counts.keys())) : [];
    const query = analysis.language === 'en' ? [analysis.matchText, ...agentNouns(analysis.text), ...new Set(doers)].join(' ') : analysis.matchText;
    const retrieved = await this.retriever.search(query, 10, newest);
    const headed = analysis.language === 'en' && !analysis.wantsFigure && asksForName(analysis.text) ? this.headedBy(analysis, newest, retrieved) : [];
    const hits = [...headed, ...retrieved];
    // Passages of the newest report first; older years only when it does not say.
    const olderHits = async () => (newest === filter ? hits : this.retriever.search(query, 10, filter));
    // The best sentence of the passages, read at most once: a fact is weighed against it, and it answers
    // when no table or registry entry does.
    let sentence: ExtractiveAnswer | null | undefined;
    const bestSentence = () => (sentence === undefined ? (sentence = answerExtractively(hits, analysis, this.deps.tokenizer, this.weights)) : sentence);
    const decided =
      this.strongerThanPassages(this.fromFacts(analysis, filter), analysis, bestSentence, proseAsked) ??
      this.strongerThanPassages(this.saysEnough(this.fromTable(analysis, filter), analysis), analysis, bestSentence, proseAsked) ??
      this.fromRegistry(analysis, filter) ??
      this.fromPassages(analysis, bestSentence()) ??
      (newest === filter ? null : this.fromPassages(analysis, answerExtractively(await olderHits(), analysis, this.deps.tokenizer, this.weights))) ??
      { decision: this.notFound(analysis, hits), primary: [] };
    return { decided, hits, filter };
  }

  /**
   * Passages printed under a heading that names what a question for a name asks ("Auditors" for "who
   * are our auditors?", "Lead Adviser and Broker" for "who is the broker?"): a list of officers
   * prints each role as a heading over the name, and a role word the whole report repeats ranks that
   * short passage below any sentence that says it more often. At most MAX_HEADED, before the retrieved.
   */
  private headedBy(analysis: QuestionAnalysis, filter: RetrievalFilter, retrieved: readonly RetrievedChunk[]): RetrievedChunk[] {
    const asked = latinStems(analysis.tokens.join(' '));
    if (asked.size === 0) return [];
    const seen = new Set(retrieved.map((hit) => hit.chunk.id));
    const out: RetrievedChunk[] = [];
    for (const report of this.reportsIn(filter)) {
      for (const chunk of report.chunks) {
        if (out.length >= MAX_HEADED) return out;
        const heading = chunk.section.path.at(-1);
        if (heading === undefined || seen.has(chunk.id) || chunk.kind === 'table_rows' || !inSections(chunk.section.path, filter.sections)) continue;
        const words = this.headingWords(heading);
        if (words.size > asked.size + MAX_HEADING_EXTRA_WORDS || ![...asked].every((word) => words.has(word))) continue;
        out.push({ chunk, report, score: retrieved[0]?.score ?? 0, lexicalRank: null, vectorRank: null });
      }
    }
    return out;
  }

  /** A heading's words as a label's are read (many chunks share one heading: read once each). */
  private headingWords(heading: string): ReadonlySet<string> {
    let words = this.wordsOfHeading.get(heading);
    if (!words) {
      words = askedText(heading).words;
      this.wordsOfHeading.set(heading, words);
    }
    return words;
  }

  /**
   * A report's printed texts for reading a question's words: its passages, and its headings once each
   * (a passage's heading is kept in its section path, not its text, and "Revenue Recognition" is as
   * printed as any sentence).
   */
  private printedTexts(report: LoadedReport): readonly string[] {
    let texts = this.passagesAndHeadings.get(report.meta.id);
    if (!texts) {
      texts = [...report.chunks.map((c) => c.text), ...new Set(report.chunks.flatMap((c) => c.section.path))];
      this.passagesAndHeadings.set(report.meta.id, texts);
    }
    return texts;
  }

  /**
   * The words of the given reports, each report's read on first use — only the reports a question
   * asks: a hundred reports' words are not read for one question.
   */
  private vocabulariesOf(reports: readonly LoadedReport[]): Vocabulary[] {
    return reports.map((r) => {
      let words = this.vocabularies.get(r.meta.id);
      if (!words) {
        words = vocabularyOf(r.chunks.map((c) => c.text));
        this.vocabularies.set(r.meta.id, words);
      }
      return words;
    });
  }

  private reportsIn(filter: RetrievalFilter): LoadedReport[] {
    return this.index.reports.filter((r) => (!filter.reportIds || filter.reportIds.has(r.meta.id)) && (!filter.years || filter.years.has(r.meta.year)));
  }

  private refusal(question: string, decision: Decision, language: Language, started: number): AskResult {
    return { question, mode: 'offline', found: false, answer: wordAnswer(decision, language), figures: [], sources: [], ms: elapsed(started) };
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
  private yearMismatch(analysis: QuestionAnalysis, text: string, report: ReportMeta, section?: () => string): boolean {
    if (analysis.years.length === 0) return false;
    // (A year set before a noun after "the" — "the 2029 kiln grant", "the jul 2029 option grant" — says
    // which thing, not the period asked: the section about the thing names it, the sentence need not.)
    const named = (y: number) => compact(text).includes(String(y)) || (section !== undefined && namesThingByYear(analysis.text, y) && compact(section()).includes(String(y)));
    return analysis.years.every((y) => y !== report.year && !named(y));
  }

  private fromTable(analysis: QuestionAnalysis, filter: RetrievalFilter): { decision: Decision; primary: Primary[] } | null {
    // A cell is read from the latest report unless the question or the caller names another.
    const latest = this.index.reports[0]?.meta.year;
    const years = filter.years ?? (filter.reportIds || latest === undefined ? undefined : new Set([latest]));
    // (As with facts: asked for the parent alone, only a table of the parent's — by its title, note
    // heading or a column — answers; not asked, a table wholly the parent's does not.)
    const asksParent = asksParentOnly(analysis.text);
    const tables = this.lookup.tables.filter(
      (t) =>
        (!filter.reportIds || filter.reportIds.has(t.report.id)) &&
        (!years || years.has(t.report.year)) &&
        inSections(t.table.section.path, filter.sections) &&
        (asksParent ? parentsTable(t.table) || t.table.header.some((h) => PARENT_ONLY.test(h)) : !parentsTable(t.table)),
    );
    const answer = answerFromTables(tables, analysis, this.deps.tokenizer);
    if (!answer) return null;
    // (As with facts: a number is not answered by a cell of words, nor anything by an empty cell.)
    if (answer.kind === 'cell' && !cellAnswers(answer.value, analysis)) return null;
    if (answer.kind === 'cell' && asksNameNotNumber(analysis) && readsAsNumber(answer.value)) return null;
    const { table, report } = answer;
    const firstRow = answerRows(answer)[0];
    const chunk = this.tableChunk(report, table.id, firstRow);
    // The page the (first) answering row is printed on; a table can run over several pages.
    const rowIndex = firstRow ? table.rows.indexOf(firstRow) : -1;
    const rowPage = rowIndex >= 0 ? table.rowPages?.[rowIndex] : undefined;
    const page = rowPage ?? chunk?.pageStart ?? table.page;
    return { decision: { kind: 'table', answer, page }, primary: [{ report, chunk, section: table.id, page, text: chunk?.text ?? tableLabel(answer) }] };
  }

  /** A value a table prints for the row label the question names whole, in the period it asks for. */
  private fromFacts(analysis: QuestionAnalysis, filter: RetrievalFilter): { decision: Decision; primary: Primary[] } | null {
    const latest = this.index.reports[0]?.meta.year;
    const years = filter.years ?? (filter.reportIds || latest === undefined ? undefined : new Set([latest]));
    // Facts are read once per report on first use, and only the reports in scope are searched: a
    // question asks the newest report (or the ones it names), not every fact of a hundred.
    const inScope = this.reportsIn({ ...filter, years });
    // (Initialisms as the reports print them, for labels named by their initials.)
    const recased = { ...analysis, text: capitalsAsPrinted(analysis.text, this.vocabulariesOf(inScope), isEnglishStopWord) };
    const questionText = askedText(recased.text);
    const facts = inScope.flatMap((r) => factsAskedAbout(this.factsOf(r.meta.id), questionText)).filter((f) => inSections(f.ref.table.section.path, filter.sections));
    const scopeIds = new Set(inScope.map((r) => r.meta.id));
    // A term the report prints as a word of its own is that word, not an abbreviation of a label.
    const asked = new Map<string, boolean>();
    const isWord = (term: string) => {
      if (!asked.has(term)) asked.set(term, this.prints(term, scopeIds));
      return asked.get(term) === true;
    };
    const computed = computeFromFacts(facts, recased, isWord);
    if (computed) {
      const first = computed.op === 'difference' ? computed.later : computed.parts[0];
      const chunk = first ? this.tableChunk(first.ref.report, first.ref.table.id, first.ref.table.rows[first.row]) : null;
      const at = first ? [{ report: first.ref.report, chunk, section: first.ref.table.id, page: first.page, text: chunk?.text ?? first.label }] : [];
      return { decision: { kind: 'fact_computed', computation: computed }, primary: at };
    }
    const answer = answerFromFacts(facts, recased, isWord);
    if (!answer) return null;
    if (asksNameNotNumber(analysis) && readsAsNumber(answer.fact.value)) return null;
    // ("Who are the directors?" asks for every holder of the role the table lists, as printed, in its order.)
    const holders = holdersAsked(analysis.text, answer.fact, facts);
    const fact = holders.length > 1 ? { ...answer.fact, value: holders.join('; ') } : answer.fact;
    // An initialism the question types that the reports never print, and neither the row nor the
    // headings it is read under spell, names something the row is not ("net revenue retention (NRR)" is
    // no "Revenue").
    const spelledBy = [fact.label, fact.attribute ?? '', ...tableHeadings(fact.ref.table)];
    if (this.unknownInitialisms(analysis.text, inScope).some((t) => !spelledBy.some((words) => labelSpells(words, t)))) return null;
    const chunk = this.tableChunk(fact.ref.report, fact.ref.table.id, fact.ref.table.rows[fact.row]);
    return { decision: { kind: 'fact', fact }, primary: [{ report: fact.ref.report, chunk, section: fact.ref.table.id, page: fact.page, text: chunk?.text ?? fact.label }] };
  }

  /**
   * A table fact or table answer stands when its row labels, column heading and table name say at
   * least what the best sentence of the passages says of the question: a label named whole in a
   * question that goes on to ask something else ("cash … spent on the fleet upgrade", "the premium
   * paid to insure the directors") is a weaker answer than a sentence that carries every word of it.
   * The figures come from the report either way.
   */
  private strongerThanPassages(
    decided: { decision: Decision; primary: Primary[] } | null,
    analysis: QuestionAnalysis,
    bestSentence: () => ExtractiveAnswer | null,
    proseAsked: boolean,
  ): { decision: Decision; primary: Primary[] } | null {
    const context = decided ? structureContext(decided.decision) : null;
    if (!decided || context === null) return decided;
    // (How much of the question the label, headings and table name say: read once, when first needed.)
    let covered: number | undefined;
    const structureCoverage = () => (covered ??= coverageOf(weightedTerms(analysis.matchText, this.deps.tokenizer, this.weights), context));
    // A figure whose label, headings and table name say too little of the question is of something
    // else the question only mentions ("the quill gain held within deferred income" is no "Deferred income").
    if (decided.decision.kind === 'fact' && readsAsNumber(decided.decision.fact.value) && structureCoverage() < FACT_MIN_COVERAGE) return null;
    // So is a figure whose label, headings and section never name the thing an English question asks
    // the value of, as a sentence must (fromPassages): the cash at a year's end is no interest earned on it.
    if (decided.decision.kind === 'fact' && !namesAskedHead(analysis, `${context} ${decided.decision.fact.ref.table.section.path.join(' ')}`)) return null;
    const passage = bestSentence();
    if (!passage?.figure || passage.coverage < EXTRACTIVE_MIN_COVERAGE) return decided;
    // The flattened rows of a table are no sentence of prose: read cell by cell, the table has answered.
    if (passage.hit.chunk.kind === 'table_rows') return decided;
    // (A fact that names a person or body answers "who" by itself; one in words — a place, a name —
    // answers a question that asks for no figure: the passage outweighs it only by a figure.)
    if (decided.decision.kind === 'fact' && asksForName(analysis.text) && !/\d/u.test(decided.decision.fact.value)) return decided;
    if (decided.decision.kind === 'fact' && !analysis.wantsFigure && !readsAsNumber(decided.decision.fact.value)) return decided;
    // A table cell found by part of an English row label ("Spores held back not counted as a harvest
    // credit" for "the harvest credit not counted") names something the question
    // did not ask: a sentence that clears the passage bar with a figure of its own answers instead.
    if (labelledInPart(decided.decision, analysis.text)) return null;
    // A question for a ratio ("R&D as a % of revenue") is not answered by an amount: a row of the
    // amount it is a share of is no answer where a sentence states the percentage.
    if (RATE_ASK.test(analysis.text) && /[%％]/u.test(passage.figure.unit) && !statesRatio(decided.decision, context)) return null;
    // A question that names a part of the report to read ("according to the MD&A") asks what its prose
    // says: there a sentence that clears the bar answers before a table printed beside it (a statement,
    // the other kind of part a question names, has no such sentence). A note, a table or a schedule
    // holds tables: there the two are weighed as anywhere.
    if (proseAsked) return null;
    // A sentence that says every word of the question, beside a table answer that leaves one unsaid
    // ("glimmer refunds in the northern region" against a row of all refunds), states the narrower
    // figure asked: the table's is the whole, or another part.
    if (passage.coverage >= FULL_COVERAGE && structureCoverage() < FULL_COVERAGE) return null;
    return passage.coverage - structureCoverage() >= PASSAGE_OVER_FACT_MARGIN ? null : decided;
  }

  /**
   * A table answer stands on what its table's name, the column's heading and the row's labels say of
   * the question, held to the bar a sentence is: a row found by a part of its label ("Share premium"
   * for "the premium paid for the directors' insurance") is no answer when the rest of the question
   * is nowhere in the table's words. (A fact names its label whole; it needs no such bar.) A cell,
   * or rows shown as fitting equally, are held to it.
   */
  private saysEnough(decided: { decision: Decision; primary: Primary[] } | null, analysis: QuestionAnalysis): { decision: Decision; primary: Primary[] } | null {
    // (A sum or count over a table is asked of the table as a whole: its rows are what it selects.)
    if (decided?.decision.kind !== 'table' || (decided.decision.answer.kind !== 'cell' && decided.decision.answer.kind !== 'rows')) return decided;
    // A cell is found here by a key cell the question shares words with (a substring match, made for
    // Chinese names and titles); an English row label is read as a fact reads it, named whole or in a
    // reading of its own, or the row is another quantity ("Deferred glimmer income, net" for "glimmer
    // income"). A row so named has been read as a fact already.
    if (labelledInPart(decided.decision, analysis.text)) return null;
    const context = structureContext(decided.decision);
    if (context === null) return decided;
    return coverageOf(weightedTerms(analysis.matchText, this.deps.tokenizer, this.weights), context) >= EXTRACTIVE_MIN_COVERAGE ? decided : null;
  }

  private factsOf(reportId: string): FactIndex {
    let facts = this.factsByReport.get(reportId);
    if (!facts) {
      facts = indexFacts(withPrintedAliases(this.lookup.tables.filter((t) => t.report.id === reportId).flatMap(factsOfTable)));
      this.factsByReport.set(reportId, facts);
    }
    return facts;
  }

  private tableChunk(report: ReportMeta, tableId: string, row: string[] | undefined): Chunk | null {
    const loaded = this.index.reports.find((r) => r.meta.id === report.id);
    const candidates = loaded?.chunks.filter((c) => c.kind === 'table_rows' && (c.table ?? c.section.id) === tableId) ?? [];
    const line = row?.join(' ');
    return (line ? candidates.find((c) => c.text.split('\n').includes(line)) : undefined) ?? candidates[0] ?? null;
  }

  private fromRegistry(analysis: QuestionAnalysis, filter: RetrievalFilter): { decision: Decision; primary: Primary[] } | null {
    if (!analysis.wantsFigure) return null;
    const registryFilter: MetricFilter = { ...this.newestFirst(filter), section: analysis.sectionMention };
    let matches = this.lookup
      .matchMetrics(analysis.matchText, 12, registryFilter)
      .filter((m) => inSections(m.entry.section.path, filter.sections) && modifierCovered(m.entry.name, analysis.matchText) && !namesPartOfList(m.entry.name, analysis.matchText) && unitAgrees(analysis, m.entry.unit, /元|[$£€¥]/u.test(m.entry.unit), { statedIn: m.entry.evidence }))
      // (Read as a sentence's figure is: not a share of another quantity, a plan, or a part its name
      // qualifies — "The effective tax rate in Freedonia of" — unless the question asks so.)
      .filter((m) => !statedAsOther(analysis, m.entry.evidence, m.entry.unit, beforeFigure(m.entry.evidence, m.entry.value), m.entry.name, () => knownStems(analysis.text, m.report.organisation ?? '')))
      // A figure the sentence states for another year than the one asked ("… in 2031, 2030 and 2029,
      // respectively", "… by $318 thousand in 2030"), or in a sentence framed by a later time ("In
      // January 2033, the mill drew a further …").
      .filter((m) => {
        const listed = yearStatedFor(m.entry.evidence, m.entry.value);
        const asked = askedYear(analysis, m.report.year);
        return listed === null ? !framedAfter(m.entry.evidence, asked) : listed === asked;
      });
    // A question for a change ("by what % did … rise") is answered by a figure stated as one, when the report has it.
    const changes = analysis.wantsComparison ? matches.filter((m) => statesChange(m.entry.name)) : [];
    if (changes.length > 0) matches = changes;
    const best = matches[0];
    if (!best || best.queryCoverage < METRIC_MIN_QUERY_COVERAGE || best.score < METRIC_MIN_SCORE) return null;
    if (this.yearMismatch(analysis, best.entry.evidence, best.report)) return null;

    // The same quantity stated twice with different figures: show both, each with its source.
    const sameYear = matches.filter((m) => m.report.id === best.report.id);
    const conflicts = sameYear.filter(
      (m) => m !== best && best.score - m.score <= CONFLICT_SCORE_GAP && sameQuantity(m.entry, best.entry) && !sameFigure(m.entry, best.entry),
    );
    // Every other year that has the same metric.
    // (Looked up report by report, newest first, until enough years are found: not in all hundred.)
    const otherYears: MetricMatch[] = [];
    for (const r of filter.years ? [] : this.index.reports) {
      if (otherYears.length >= YEARS_SHOWN - 1) break;
      if (r.meta.id === best.report.id || (filter.reportIds && !filter.reportIds.has(r.meta.id))) continue;
      const same = this.lookup.sameMetricIn(r, best);
      if (same) otherYears.push(same);
    }

    let change: { previous: MetricMatch; difference: string } | null = null;
    if (analysis.wantsComparison && otherYears.length > 0) {
      const previous = otherYears.filter((m) => m.report.year < best.report.year).sort((a, b) => b.report.year - a.report.year)[0];
      if (previous && previous.entry.unit === best.entry.unit) {
        const difference = exactDifference(best.entry.value, previous.entry.value);
        if (difference !== null) change = { previous, difference };
      }
    }
    const shown = [best, ...conflicts];
    const all = [...shown, ...otherYears];
    return {
      decision: { kind: 'metric', shown, conflict: conflicts.length > 0, otherYears, change },
      primary: all.map((m) => ({ report: m.report, chunk: this.chunkHolding(m.report, m.entry.evidence, m.entry.page), section: m.entry.section.id, page: m.entry.page, text: m.entry.evidence })),
    };
  }

  private chunkHolding(report: ReportMeta, evidence: string, page: number): Chunk | null {
    const loaded = this.index.reports.find((r) => r.meta.id === report.id);
    const key = compact(evidence).slice(0, 40);
    return loaded?.chunks.find((c) => c.pageStart <= page && c.pageEnd >= page && compact(c.text).includes(key)) ?? loaded?.chunks.find((c) => compact(c.text).includes(key)) ?? null;
  }

  private fromPassages(analysis: QuestionAnalysis, found: ExtractiveAnswer | null): { decision: Decision; primary: Primary[] } | null {
    if (!found) return null;
    if (!found.aggregate && found.coverageInOwnYear < EXTRACTIVE_MIN_COVERAGE) return null;
    if (this.yearMismatch(analysis, found.sentence, found.hit.report.meta, () => sectionText(found.hit.report, found.hit.chunk.section.id))) return null;
    // A sentence that never names the thing an English question asks the value of ("the total budget
    // for the …") says something else about the question's other words.
    if (!namesAskedHead(analysis, `${found.hit.chunk.section.path.join(' ')} ${found.sentence}`)) return null;
    const { chunk, report } = found.hit;
    const page = this.pageOf(chunk, found.sentence, report);
    const primary: Primary[] = [{ report: report.meta, chunk, section: chunk.section.id, page, text: chunk.text }];
    // "Who is our Quill Officer?" answered by "…Mr. Tollefsen served as…": the name in full, as the
    // passage, its section or else the report introduces him (a heading of his name may stand apart).
    const fullName =
      analysis.language === 'en' && !found.figure && asksForName(analysis.text)
        ? fullNameOf(found.sentence, [() => chunk.text, () => sectionText(report, chunk.section.id), () => report.chunks.map((c) => c.text).join('\n')])
        : null;
    const decision: Decision = found.aggregate
      ? { kind: 'passage_sum', hit: found.hit, sentence: found.sentence, page, parts: found.aggregate.parts, sum: found.aggregate.sum }
      : { kind: 'passage', hit: found.hit, sentence: found.sentence, page, figure: found.figure, ...(fullName ? { fullName } : {}) };
    return { decision, primary };
  }

  /** The page a sentence of a chunk is printed on (a chunk may straddle a page break). */
  private pageOf(chunk: Chunk, sentence: string, report: LoadedReport): number {
    if (chunk.pageStart === chunk.pageEnd) return chunk.pageStart;
    if (chunk.kind === 'table_rows') {
      // A table row knows its page: find the row the sentence quotes.
      const table = report.tables.find((t) => t.id === (chunk.table ?? chunk.section.id));
      const key = compact(sentence);
      const index = table?.rows.findIndex((row) => key.includes(compact(tableRowText(row)))) ?? -1;
      const page = index >= 0 ? table?.rowPages?.[index] : undefined;
      if (page !== undefined) return page;
    }
    const at = chunk.text.indexOf(sentence.slice(0, 10));
    return at >= 0 && at > chunk.text.length / 2 ? chunk.pageEnd : chunk.pageStart;
  }

  /** Whether the question names a day of the year that neither the evidence nor the reports' year-end is. */
  private otherDayThanAsked(question: string, decision: Decision, reports: readonly LoadedReport[]): boolean {
    // ("sep 22" is a month of a year the reports are about, not the 22nd: see daysNamed.)
    const asked = daysNamed(question, { shorthandYears: new Set(reports.flatMap((r) => [r.meta.year - 1, r.meta.year, r.meta.year + 1])) });
    if (asked.length === 0) return false;
    const same = (a: { month: number; day: number }, b: { month: number; day: number }) => a.month === b.month && a.day === b.day;
    const dated = daysNamed(evidenceWords(decision));
    if (dated.length > 0) return !asked.some((day) => dated.some((d) => same(d, day)));
    const yearEnds = reports.map((r) => this.yearEndOf(r)).filter((d): d is { month: number; day: number } => d !== null);
    return yearEnds.length > 0 && !asked.some((day) => yearEnds.some((d) => same(d, day)));
  }

  /**
   * The day a report's year ends: the day it names most often in the year it reports on ("30 June
   * 2031", "December 31, 2031"), worked out once per report; null when it names none so.
   */
  private yearEndOf(report: LoadedReport): { month: number; day: number } | null {
    const known = this.yearEnds.get(report.meta.id);
    if (known !== undefined) return known;
    const counts = new Map<string, { day: { month: number; day: number }; n: number }>();
    for (const chunk of report.chunks) {
      for (const { year, ...day } of datesNamed(chunk.text)) {
        if (year !== report.meta.year) continue;
        const key = `${day.month}-${day.day}`;
        counts.set(key, { day, n: (counts.get(key)?.n ?? 0) + 1 });
      }
    }
    const [first, second] = [...counts.values()].sort((a, b) => b.n - a.n);
    const end = first && (second === undefined || first.n > second.n) ? first.day : null;
    this.yearEnds.set(report.meta.id, end);
    return end;
  }

  /** Whether the question names something (see `namesIn`) that the decision's evidence does not. */
  private namesMissingFrom(decision: Decision, question: string, reports: readonly LoadedReport[]): boolean {
    // (The report's own organisation is the subject of every figure in it, named or not.)
    const own = new Set(reports.flatMap((r) => r.meta.organisation?.toLowerCase().match(/[a-z]+/gu) ?? []));
    const names = [...namesIn(question, this.vocabulariesOf(reports), isEnglishStopWord).filter((name) => !own.has(name)), ...partsNamedIn(question)];
    // (Another company a Chinese question names — a holding, a customer — is named whole in the evidence or not at all.)
    const companies = /\p{Script=Han}/u.test(question) ? reports.flatMap((r) => companiesNamedIn(compact(question), this.companyNamesOf(r))) : [];
    if (names.length === 0 && companies.length === 0) return false;
    const words = evidenceWords(decision);
    const evidence = new Set((words.match(/[A-Za-z]+/gu) ?? []).map((w) => w.toLowerCase()));
    const printedEvidence = compact(words);
    // (The run typed may take in a word the report prints before the name, "股东" of "股东青禾窑业…": the
    // evidence names the company when it prints a name's length of the run together.)
    return names.some((name) => !evidence.has(name)) || companies.some((company) => !printsPartOfName(company, printedEvidence));
  }

  /**
   * Initialisms typed in capitals ("ARR") that no report in scope prints as a word. (A place the
   * question names, "per the MD&A", names a part of the report, not what is asked.)
   */
  private unknownInitialisms(question: string, reports: readonly LoadedReport[]): string[] {
    const vocabularies = this.vocabulariesOf(reports);
    // ("R&D" is no word of the vocabulary, which holds words of letters: it is looked for as printed.)
    return initialismTokens(withoutSourcePlace(question)).filter((t) =>
      t.includes('&') ? !this.prints(t) : !vocabularies.some((v) => v.counts.has(t.toLowerCase()) || v.counts.has(t.replace(/s$/u, '').toLowerCase())),
    );
  }

  /** Whether a report (of `reportIds`, else any) prints the term, in compact form. */
  private prints(term: string, reportIds?: ReadonlySet<string>): boolean {
    const wanted = term.toLowerCase();
    for (const report of this.index.reports) {
      if (reportIds && !reportIds.has(report.meta.id)) continue;
      if (this.printedTextOf(report).includes(wanted)) return true;
    }
    return false;
  }

  /** The Chinese company names a report prints (see companyNamesIn), read on first use. */
  private companyNamesOf(report: LoadedReport): readonly string[] {
    let names = this.companyNames.get(report.meta.id);
    if (!names) {
      names = companyNamesIn(this.printedTextOf(report));
      this.companyNames.set(report.meta.id, names);
    }
    return names;
  }

  /** A report's text in compact form, lower case, one string, built on first use. */
  private printedTextOf(report: LoadedReport): string {
    let text = this.printedText.get(report.meta.id);
    if (text === undefined) {
      text = report.chunks.map((c) => compact(c.text)).join('\n').toLowerCase();
      this.printedText.set(report.meta.id, text);
    }
    return text;
  }

  private notFound(analysis: QuestionAnalysis, hits: RetrievedChunk[]): Decision {
    const years = [...new Set(this.index.reports.map((r) => r.meta.year))].sort();
    // A report prints figures for earlier periods too (last year's column, a five-year summary): a year
    // it prints is covered, though nothing answered the question.
    const uncovered = analysis.years.filter((y) => !years.includes(y) && y >= Math.min(...years) - 5 && y <= Math.max(...years) + 5 && !this.prints(String(y)));
    if (uncovered.length > 0) return { kind: 'years_not_covered', covered: years, uncovered };
    const closest = hits[0];
    return { kind: 'not_found', closest: closest ? { section: closest.chunk.section.id, page: closest.chunk.pageStart } : null };
  }

  private sources(primary: Primary[], hits: RetrievedChunk[]): SourceRef[] {
    const out: SourceRef[] = [];
    const seen = new Set<string>();
    for (const p of primary) {
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

  private async withModel(result: AskResult, analysis: QuestionAnalysis, options: AskOptions): Promise<AskResult> {
    const model = this.deps.model;
    if (!model) return result;
    const evidence: Evidence[] = result.sources.map((s, i) => ({ n: i + 1, report: s.report, year: s.year, section: s.section, page: s.page, text: s.text }));
    if (result.found && result.figures.length > 0) {
      // Exact-path results (a computed sum, a registry line) go in as evidence too, so the model may quote them.
      evidence.push({ n: evidence.length + 1, report: result.sources[0]?.report ?? '', year: result.sources[0]?.year ?? 0, section: result.figures[0]?.section ?? '', page: result.figures[0]?.page ?? 0, text: result.answer });
    }
    const reply = await model.answer(analysis.text, evidence, {
      history: options.history,
      onPartial: options.onPartial,
      signal: options.signal,
      // Sums the code computed exactly may be quoted by the model although no source prints them.
      allowedFigures: result.figures.map((f) => f.value),
    });
    if (reply.kind === 'answer') return { ...result, answer: reply.text, mode: 'llm' };
    if (reply.kind === 'not_found' && !result.found) return result;
    const p = PHRASES[analysis.language];
    const note = reply.kind === 'failed' && reply.reason === 'ungrounded' ? p.modelUngrounded : p.modelUnavailable;
    if (reply.kind === 'failed') this.deps.logger.warn(`model answer fell back: ${reply.reason}`, reply.detail);
    return { ...result, answer: `${result.answer}\n${note}` };
  }
}

/**
 * Whether a table cell can answer the question: never an empty cell or one a dash fills (the table
 * prints nothing there), and a question for a number — "how many", "多少", "几" — only a cell that reads
 * as one: a value in words is then a heading's fragment or another column's. (A contact field asked
 * with "是多少", an e-mail address, is a key-value fact, answered before any cell.)
 */
export function cellAnswers(value: string, analysis: Pick<QuestionAnalysis, 'text' | 'language'>): boolean {
  if (!/[\p{L}\p{N}]/u.test(value)) return false;
  const asksNumber = asksForNumber(analysis.text) || (analysis.language === 'zh' && /多少|几/u.test(analysis.text));
  return !asksNumber || readsAsNumber(value);
}

/** The rows a table answer reads, first one first (none for a missing row or column). */
function answerRows(answer: TableAnswer): string[][] {
  switch (answer.kind) {
    case 'cell':
      return [answer.row];
    case 'missing':
      return [];
    default:
      return answer.rows;
  }
}

/** The evidence before the figure's first printing (all of it when the figure is not found as printed). */
function beforeFigure(evidence: string, value: string): string {
  const at = evidence.indexOf(value);
  return at >= 0 ? evidence.slice(0, at) : evidence;
}

/**
 * Whether a table cell or rows answer an English question through row labels of Latin words the
 * question does not name whole (nor in any reading a fact would take): its label says more than was asked.
 */
function labelledInPart(decision: Decision, question: string): boolean {
  if (decision.kind !== 'table' || (decision.answer.kind !== 'cell' && decision.answer.kind !== 'rows')) return false;
  const { answer } = decision;
  const labels = answerRows(answer).map((row) => row.find((cell, i) => i !== answer.column && /[A-Za-z]/u.test(cell) && !/\p{Script=Han}/u.test(cell)));
  return labels.some((label) => label !== undefined && labelStrength(label, question) === 0);
}

/**
 * Whether the words name the thing an English question asks the value of ("the total budget for …",
 * "how much interest did …"), by its stem; true when the question names no such thing.
 */
function namesAskedHead(analysis: QuestionAnalysis, words: string): boolean {
  const head = analysis.language === 'en' ? askedHeadEnglish(analysis.text) : null;
  return head === null || latinStems(words).has(stemWord(head));
}

/**
 * What a table answer says it is about — its table's name, the column heading and the labels of the
 * rows it reads — to be weighed against a passage sentence; null for any other answer.
 */
function structureContext(decision: Decision): string | null {
  if (decision.kind === 'fact') {
    const { fact } = decision;
    const table = fact.ref.table;
    // (The other labels the report prints the row's figures under name it as well as its own, and a
    // quarter's column is named by either way of writing the quarter: "第四季度", "Q4".)
    const quarter = fact.quarter === null ? [] : [`Q${fact.quarter}`, `第${'一二三四'[fact.quarter - 1] ?? ''}季度`];
    return [fact.label, ...(fact.aliases ?? []), fact.group ?? '', table.header[fact.column] ?? '', table.title || table.id, ...quarter].join(' ');
  }
  if (decision.kind !== 'table') return null;
  const { answer } = decision;
  const name = answer.table.title || answer.table.id;
  if (answer.kind === 'missing') return `${name} ${answer.missing}`;
  const header = answer.table.header[answer.column] ?? '';
  // (A row's label cells, not its figures: "2024 年…锦标赛" is a label, "1,203.00" a value.)
  const labels = answerRows(answer).map((row) => row.filter((cell, i) => i !== answer.column && /\p{L}/u.test(cell)).join(' '));
  return [name, header, ...labels].join(' ');
}

const isEnglishStopWord = (word: string): boolean => EN_STOP_WORDS.has(word);

/** A noun that names a part of an organisation by the word before it: "the glimmer segment", "our quill vertical". */
const PART_NOUN = /\b([a-z]+)\s+(?:segments?|divisions?|verticals?)\b/giu;

/**
 * The words that name a part of the organisation a question asks about ("glimmer" of "glimmer
 * vertical revenue"), in lower case: a figure for the whole, or for a part the evidence names
 * otherwise, does not answer for it. (Not a word that says which kind of part: "operating segment".)
 */
function partsNamedIn(question: string): string[] {
  return [...question.matchAll(PART_NOUN)].map((m) => (m[1] ?? '').toLowerCase()).filter((w) => !isEnglishStopWord(w) && !/^(?:operating|reportable|business|each|every|all|other)$/u.test(w));
}

/** An English question for a name ("whos our registry?"), which no number answers (a row "share: 1,422"). */
function asksNameNotNumber(analysis: QuestionAnalysis): boolean {
  return analysis.language === 'en' && !analysis.wantsFigure && asksForName(analysis.text);
}

/** The text of a report's section, its passages in order. */
function sectionText(report: LoadedReport, section: string): string {
  return report.chunks.filter((c) => c.section.id === section).map((c) => c.text).join('\n');
}

/** Whether a table decision's value is a ratio: a percentage, or under a heading or in a table that names one. */
function statesRatio(decision: Decision, context: string): boolean {
  const value = decision.kind === 'fact' ? decision.fact.value : decision.kind === 'table' && decision.answer.kind === 'cell' ? decision.answer.value : '';
  return RATE_ASK.test(context) || /[%％]/u.test(`${value} ${context}`);
}

const isPassage = (decision: Decision): boolean => decision.kind === 'passage' || decision.kind === 'passage_sum';

/** The words that say what a decision's figure is: its table's section, title and headings, the row, or the sentence and its section. */
function evidenceWords(decision: Decision): string {
  const ofTable = (table: ParsedTable) => `${table.section.path.join(' ')} ${table.title} ${table.header.join(' ')}`;
  switch (decision.kind) {
    case 'table':
      return `${ofTable(decision.answer.table)} ${'row' in decision.answer ? decision.answer.row.join(' ') : ''}`;
    case 'fact':
      return `${ofTable(decision.fact.ref.table)} ${decision.fact.label}`;
    case 'fact_computed': {
      const facts = decision.computation.op === 'sum' ? decision.computation.parts : [decision.computation.later, decision.computation.earlier];
      return facts.map((f) => `${ofTable(f.ref.table)} ${f.label}`).join(' ');
    }
    case 'metric':
      return decision.shown.map((m) => `${m.entry.name} ${m.entry.evidence}`).join(' ');
    case 'passage':
    case 'passage_sum':
      return `${decision.hit.chunk.section.path.join(' ')} ${decision.sentence}`;
    default:
      return '';
  }
}

function elapsed(started: number): number {
  return Number((performance.now() - started).toFixed(2));
}

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * Whether the question sets the year before a noun after "the" ("the 2029 kiln grant", "the jul 2029
 * option grant", "the 2004 buyback"): there the year names which thing is meant, as a name would.
 */
export function namesThingByYear(question: string, year: number): boolean {
  return new RegExp(`\\bthe\\s+(?:${MONTH_WORD}\\s+)?${year}\\s+(?!and\\b|or\\b|to\\b|vs\\b)[a-z]`, 'iu').test(question);
}
