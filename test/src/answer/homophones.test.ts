import { describe, expect, it } from 'vitest';
import { homophonesAsPrinted, type PrintedTerms } from '../../../src/answer/homophones.js';

/** Passages of an invented report, as the lexical index knows them: each passage's Han bigrams. */
function printed(passages: readonly string[]): PrintedTerms {
  const frequency = new Map<string, number>();
  for (const passage of passages) {
    const bigrams = new Set<string>();
    for (const run of passage.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i += 1) bigrams.add(run.slice(i, i + 2));
    for (const b of bigrams) frequency.set(b, (frequency.get(b) ?? 0) + 1);
  }
  return { documentFrequency: (term) => frequency.get(term) ?? 0, vocabulary: () => [...frequency.keys()] };
}

const report = printed([
  '青禾公司实施股权激励计划，本期确认股权激励费用。',
  '股权激励计划的解锁条件已经达成。',
  '蓝湾纺机的毛利率为百分之十二。',
  '海外业务毛利率下降。',
  '本公司不设研发中心。',
]);
const asking = (ch: string) => '多少里是了'.includes(ch);

describe('Chinese characters typed by their sound', () => {
  it('reads a character that fits no neighbour as the one same-sounding character the report prints there', () => {
    expect(homophonesAsPrinted('去年股权基励费用是多少？', [report], asking)).toBe('去年股权激励费用是多少？');
    expect(homophonesAsPrinted('海外业务毛利律多少？', [report], asking)).toBe('海外业务毛利率多少？');
  });

  it('keeps characters that fit as typed, the question\'s own words, and anything printed only once', () => {
    expect(homophonesAsPrinted('股权激励计划里有什么？', [report], asking)).toBe('股权激励计划里有什么？');
    expect(homophonesAsPrinted('咱们的研法中心在哪？', [report], asking)).toBe('咱们的研法中心在哪？');
  });
});
