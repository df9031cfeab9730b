import { describe, expect, it } from 'vitest';
import { homophonesAsPrinted, type PrintedTerms } from '../../../src/answer/homophones.js';
import { askingPositions } from '../../../src/answer/questionAnalysis.js';

/** Passages of an invented report, as the lexical index knows them: each passage's Han bigrams. */
function printed(passages: readonly string[]): PrintedTerms {
  const frequency = new Map<string, number>();
  for (const passage of passages) {
    const terms = new Set<string>();
    for (const run of passage.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i += 1) terms.add(run.slice(i, i + 2));
    for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return { documentFrequency: (term) => frequency.get(term) ?? 0, vocabulary: () => [...frequency.keys()] };
}

const passages = [
  '青禾公司实施股权激励计划，本期确认股权激励费用。',
  '股权激励计划的解锁条件已经达成。',
  '蓝湾纺机的毛利率为百分之十二。',
  '海外业务毛利率下降。',
  '本公司不设研发中心。',
  '青禾公司及子公司的证券部负责信息披露，公司及子公司均设政务联络员。',
  '政代会每年召开一次。',
  '政代会选举代表。',
  '公司及下属单位执行统一的财务制度。',
  '经营活动产生的现金流量净额为正。',
  '现金流量表列示如下。',
];
const report = printed(passages);
const printsRun = (run: string) => passages.some((p) => p.includes(run));
/** The question read against the invented report, its asking words (多少, 今年, 的) as the analysis finds them. */
const read = (question: string) => homophonesAsPrinted(question, [report], askingPositions(question), printsRun);

describe('Chinese characters typed by their sound', () => {
  it('reads a character that fits no neighbour as the one same-sounding character the report prints there', () => {
    expect(read('去年股权基励费用是多少？')).toBe('去年股权激励费用是多少？');
    expect(read('海外业务毛利律多少？')).toBe('海外业务毛利率多少？');
    expect(read('海外业务毛利律才多少？')).toBe('海外业务毛利率才多少？');
  });

  it('keeps characters that fit as typed, the question\'s own words, and anything printed only once', () => {
    expect(read('股权激励计划里有什么？')).toBe('股权激励计划里有什么？');
    expect(read('咱们的研法中心在哪？')).toBe('咱们的研法中心在哪？');
  });

  it('keeps a word the report never prints when the same-sounding one fits a neighbour only as a pair', () => {
    // 证代 (an abbreviation the report does not print) sounds like 政代, which the report prints as a
    // pair, but read so it makes no longer word the report prints.
    expect(read('公司证代叫什么？')).toBe('公司证代叫什么？');
  });

  it('reads a character of a question word where it stands in no question word (今 of 现今, not of 今年)', () => {
    expect(read('今年经营现今流净额多少？')).toBe('今年经营现金流净额多少？');
  });

  it('never reads a character as a connective, which stands beside any word', () => {
    // 给 is also read ji, as 及 is; "公司及" is printed in two passages, with the next character too.
    expect(read('公司给下属单位定的目标是多少？')).toBe('公司给下属单位定的目标是多少？');
  });
});
