import type { ReportMeta } from '../store/shapes.js';
import type { MetricEntry } from '../store/shapes.js';
import type { Tokenizer } from '../text/tokenize.js';
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
/** A name led by the organisation or the year ("学校…", "当年…", "累计…") states the headline figure. */
const HEADLINE_SUBJECT = /^(学校|全校|当年|本年度|年度|累计|全年)/u;
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
  private readonly termSets: Terms[];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly entryWeights: number[];

  constructor(
    readonly entries: readonly RegistryEntry[],
    private readonly tokenizer: Tokenizer,
  ) {
    this.termSets = entries.map(({ entry }) => this.terms(`${entry.name} ${UNIT_QUANTITY[entry.unit] ?? ''}`));
    this.termSets.forEach((terms, i) => {
      for (const token of terms.keys()) {
        const list = this.postings.get(token) ?? [];
        list.push(i);
        this.postings.set(token, list);
      }
    });
    const n = Math.max(1, entries.length);
    let maxIdf = 1;
    for (const [token, list] of this.postings) {
      const idf = Math.log(1 + n / list.length);
      this.idf.set(token, idf);
      maxIdf = Math.max(maxIdf, idf);
    }
    this.unknownIdf = maxIdf;
    this.entryWeights = this.termSets.map((terms) => [...terms].reduce((sum, [t, f]) => sum + f * this.idfOf(t), 0));
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

  match(query: string, limit: number, filter: MetricFilter = {}): MetricMatch[] {
    const terms = this.terms(query);
    let queryWeight = 0;
    for (const [t, f] of terms) queryWeight += f * this.idfOf(t);
    if (queryWeight === 0) return [];
    const overlap = new Map<number, number>();
    for (const [token, factor] of terms) {
      const list = this.postings.get(token);
      if (!list) continue;
      for (const i of list) {
        const weight = Math.min(factor, this.termSets[i]?.get(token) ?? 0) * this.idfOf(token);
        overlap.set(i, (overlap.get(i) ?? 0) + weight);
      }
    }
    const asksRatio = RATIO_WORDS.test(query);
    const matches: MetricMatch[] = [];
    for (const [i, shared] of overlap) {
      const candidate = this.entries[i];
      if (!candidate) continue;
      if (filter.reportIds && !filter.reportIds.has(candidate.report.id)) continue;
      if (filter.years && !filter.years.has(candidate.report.year)) continue;
      const queryCoverage = shared / queryWeight;
      const entryCoverage = shared / Math.max(this.entryWeights[i] ?? 0, 1e-9);
      let score = ((1 + BETA_SQUARED) * queryCoverage * entryCoverage) / (BETA_SQUARED * entryCoverage + queryCoverage);
      if (filter.section && candidate.entry.section.id === filter.section) score += SECTION_BONUS;
      const name = candidate.entry.name;
      if (STATISTIC_NAME.test(name)) score += STATISTIC_BONUS;
      if (HEADLINE_SUBJECT.test(name)) score += HEADLINE_BONUS;
      const isRatio = /[%％‰]/.test(candidate.entry.unit);
      if (isRatio !== asksRatio) score -= RATIO_MISMATCH_PENALTY;
      matches.push({ ...candidate, score, queryCoverage, entryCoverage });
    }
    matches.sort((a, b) => b.score - a.score || b.report.year - a.report.year || a.entry.name.length - b.entry.name.length);
    return matches.slice(0, limit);
  }
}
