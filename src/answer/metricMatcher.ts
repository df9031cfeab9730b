import type { ReportMeta } from '../store/shapes.js';
import type { MetricEntry } from '../store/shapes.js';
import type { Tokenizer } from '../text/tokenize.js';
import { withoutReportSubject } from '../text/reportSubject.js';
import { contentTerms } from './questionAnalysis.js';

export interface RegistryEntry {
  entry: MetricEntry;
  report: ReportMeta;
}

export interface MetricMatch extends RegistryEntry {
  score: number;
  /** Share of the query's weight the entry name covers: low means the query asks about something else. */
  queryCoverage: number;
  /** Share of the entry name's weight the query covers. */
  entryCoverage: number;
}

export interface MetricFilter {
  reportIds?: ReadonlySet<string>;
  years?: ReadonlySet<number>;
  /** Entries from this section (or case) are preferred: "前言里提到的获证率". */
  section?: string | null;
}

/** Recall of the question matters more than precision of the name: F-beta with beta 2. */
const BETA_SQUARED = 4;
const SECTION_BONUS = 0.15;
const BIGRAM_FACTOR = 0.5;
/** Single characters tie abbreviations to their long form ("双创" ~ "创新创业", "招生" ~ "招收"), weakly. */
const CHAR_FACTOR = 0.2;
/** Names shaped like a statistic ("…人数", "…比例") are the report's metric lines, not prose mentions. */
const STATISTIC_NAME = /(数|比例|率|人次|总额|金额|数量|总量|得分|均值|平均)$/u;
const STATISTIC_BONUS = 0.04;
/**
 * A name led by the year or a running total ("当年…", "累计…") states the headline figure; so does one
 * led by the noun the report calls its organisation by (see reportSubject: "公司…", "学校…").
 */
const HEADLINE_PERIOD = /^(当年|本年度|年度|累计|全年)/u;
const HEADLINE_BONUS = 0.02;
const RATIO_WORDS = /比例|比率|占比|率|百分|%|percentage|rate|ratio|share/iu;
const RATIO_MISMATCH_PENALTY = 0.1;

/**
 * The quantity a unit counts, as staff name it ("天数", "人数", "比例"): an entry's unit then matches
 * the question's word for it. Generic Chinese measure vocabulary, not this report's wording.
 */
const UNIT_QUANTITY: Record<string, string> = {
  人: '人数',
  名: '人数',
  人次: '人次',
  天: '天数',
  篇: '篇数',
  门: '门数',
  个: '个数',
  项: '项数',
  家: '家数',
  所: '所数',
  本: '本数',
  次: '次数',
  '%': '比例 比率 占比 率',
  '％': '比例 比率 占比 率',
  元: '金额',
  万元: '金额',
  亿元: '金额',
  分: '分数 得分',
};

type Terms = Map<string, number>;

/**
 * Finds registry entries for staff wording ("工位数量" → 实训工位数) by overlap of words and
 * character bigrams, each weighted by its rarity across the registry — no synonym list. A query word
 * the registry never uses weighs as much as the rarest known word, so a question about something the
 * report does not measure ("停车位") covers little of any entry and is not answered from the registry.
 */
export class MetricMatcher {
  /** Per term, the entries naming it and the weight (word, bigram or character) each gives it. */
  private readonly postings = new Map<string, { entries: number[]; factors: number[] }>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly entryWeights: number[];
  /** What scoring asks of an entry's name and unit does not change per question: worked out once. */
  private readonly nameBonus: Float64Array;
  private readonly ratioUnit: Uint8Array;

  constructor(
    readonly entries: readonly RegistryEntry[],
    private readonly tokenizer: Tokenizer,
    private readonly subject: string | null = null,
  ) {
    // (The noun the report calls itself by names no metric apart from another: "合作社共建栖木茶园数" is named by the rest.)
    const termSets = entries.map(({ entry }) => this.terms(`${withoutReportSubject(entry.name, subject)} ${UNIT_QUANTITY[entry.unit] ?? ''}`));
    termSets.forEach((terms, i) => {
      for (const [token, factor] of terms) {
        let posting = this.postings.get(token);
        if (!posting) {
          posting = { entries: [], factors: [] };
          this.postings.set(token, posting);
        }
        posting.entries.push(i);
        posting.factors.push(factor);
      }
    });
    const n = Math.max(1, entries.length);
    let maxIdf = 1;
    for (const [token, posting] of this.postings) {
      const idf = Math.log(1 + n / posting.entries.length);
      this.idf.set(token, idf);
      maxIdf = Math.max(maxIdf, idf);
    }
    this.unknownIdf = maxIdf;
    this.entryWeights = termSets.map((terms) => [...terms].reduce((sum, [t, f]) => sum + f * this.idfOf(t), 0));
    const headline = (name: string) => HEADLINE_PERIOD.test(name) || (subject !== null && name.startsWith(subject));
    this.nameBonus = Float64Array.from(entries, ({ entry }) => (STATISTIC_NAME.test(entry.name) ? STATISTIC_BONUS : 0) + (headline(entry.name) ? HEADLINE_BONUS : 0));
    this.ratioUnit = Uint8Array.from(entries, ({ entry }) => (/[%％‰]/u.test(entry.unit) ? 1 : 0));
  }

  /** Word tokens at full weight, cross-word bigrams at half. */
  private terms(text: string): Terms {
    const { words, bigrams } = contentTerms(text, this.tokenizer);
    const terms: Terms = new Map();
    for (const ch of new Set(words.flatMap((w) => w.match(/\p{Script=Han}/gu) ?? []))) terms.set(ch, CHAR_FACTOR);
    for (const b of bigrams) terms.set(b, BIGRAM_FACTOR);
    for (const w of words) terms.set(w, 1);
    return terms;
  }

  idfOf(token: string): number {
    return this.idf.get(token) ?? this.unknownIdf;
  }

  /** How much of a text's weight the registry knows nothing about (0 = every term is known). */
  unknownShare(text: string): number {
    const terms = this.terms(text);
    let total = 0;
    let unknown = 0;
    for (const [t, f] of terms) {
      const w = f * this.idfOf(t);
      total += w;
      if (!this.idf.has(t)) unknown += w;
    }
    return total === 0 ? 0 : unknown / total;
  }

  /**
   * Scores every entry sharing a term with the query, in typed arrays; only the best `limit` become
   * match objects (a question touches most of a report's entries through its single characters).
   */
  match(query: string, limit: number, filter: MetricFilter = {}): MetricMatch[] {
    const terms = this.terms(withoutReportSubject(query, this.subject));
    let queryWeight = 0;
    for (const [t, f] of terms) queryWeight += f * this.idfOf(t);
    if (queryWeight === 0) return [];
    const shared = new Float64Array(this.entries.length);
    // Entries in the order a term first reached them: the sort below is stable, so ties keep that order.
    const touched: number[] = [];
    for (const [token, factor] of terms) {
      const posting = this.postings.get(token);
      if (!posting) continue;
      const idf = this.idfOf(token);
      for (let k = 0; k < posting.entries.length; k += 1) {
        const i = posting.entries[k]!;
        if (shared[i] === 0) touched.push(i);
        shared[i] = shared[i]! + Math.min(factor, posting.factors[k]!) * idf;
      }
    }
    const asksRatio = RATIO_WORDS.test(query) ? 1 : 0;
    const scored: { i: number; score: number; queryCoverage: number; entryCoverage: number }[] = [];
    for (const i of touched) {
      const candidate = this.entries[i];
      if (!candidate) continue;
      if (filter.reportIds && !filter.reportIds.has(candidate.report.id)) continue;
      if (filter.years && !filter.years.has(candidate.report.year)) continue;
      const queryCoverage = shared[i]! / queryWeight;
      const entryCoverage = shared[i]! / Math.max(this.entryWeights[i] ?? 0, 1e-9);
      let score = ((1 + BETA_SQUARED) * queryCoverage * entryCoverage) / (BETA_SQUARED * entryCoverage + queryCoverage);
      if (filter.section && candidate.entry.section.id === filter.section) score += SECTION_BONUS;
      score += this.nameBonus[i]!;
      if (this.ratioUnit[i] !== asksRatio) score -= RATIO_MISMATCH_PENALTY;
      scored.push({ i, score, queryCoverage, entryCoverage });
    }
    const entryOf = (i: number) => this.entries[i]!;
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        entryOf(b.i).report.year - entryOf(a.i).report.year ||
        entryOf(a.i).entry.name.length - entryOf(b.i).entry.name.length,
    );
    return scored.slice(0, limit).map(({ i, score, queryCoverage, entryCoverage }) => ({ ...entryOf(i), score, queryCoverage, entryCoverage }));
  }
}
