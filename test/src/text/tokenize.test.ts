import { describe, expect, it } from 'vitest';
import { createTokenizer, splitWordsAndBigrams } from '../../../src/text/tokenize.js';

/** The search tokens of a text: segmenter words, the terms a report quotes, then Han bigrams. */
describe('tokenizer', () => {
  it('finds a term the report quotes wherever it stands, as one word before the bigrams', () => {
    const tokenizer = createTokenizer();
    const text = '青禾微缩工坊完成了年度任务';
    expect(tokenizer.tokens(text)).not.toContain('青禾微缩工坊');
    tokenizer.addWords(['“青禾微缩工坊”', '微缩工坊']);
    const tokens = tokenizer.tokens(text);
    const { words, bigrams } = splitWordsAndBigrams(tokens, text);
    expect([words.includes('青禾微缩工坊'), words.includes('微缩工坊')]).toEqual([true, true]);
    expect(bigrams).toContain('禾微');
  });

  it('ignores words too short or too long to be terms, and finds nothing in a text without them', () => {
    const tokenizer = createTokenizer();
    tokenizer.addWords(['禾', '青'.repeat(30), '星桥计划']);
    expect(tokenizer.tokens('禾苗长得很好').filter((t) => t.length > 2 && t.startsWith('青'))).toEqual([]);
    expect(tokenizer.tokens('月桥星光').includes('星桥计划')).toBe(false);
    expect(tokenizer.tokens('启动星桥计划').includes('星桥计划')).toBe(true);
  });

  it("adds an English word's stem beside it, so inflected forms meet, and leaves the stem out of the printed words", () => {
    const tokenizer = createTokenizer();
    const printed = tokenizer.tokens('Quorvex employed 40 glimmers');
    const asked = tokenizer.tokens('how many glimmer does quorvex employ');
    const shared = printed.filter((t) => asked.includes(t));
    expect(shared.sort()).toEqual(['emploi', 'glimmer', 'quorvex']);
    expect(splitWordsAndBigrams(printed, 'Quorvex employed 40 glimmers').words).toEqual(['quorvex', 'employed', '40', 'glimmers']);
  });
});
