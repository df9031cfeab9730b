import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answer/questionAnalysis.js';
import { createTokenizer } from '../../../src/text/tokenize.js';

const tokenizer = createTokenizer();

describe('analyseQuestion', () => {
  it('keeps only the words that say what is asked: no question words, pronouns or auxiliaries', () => {
    expect(analyseQuestion('how many female staff do we have', tokenizer).tokens).toEqual(['female', 'staff']);
    expect(analyseQuestion("what's our quorvex margin?", tokenizer).tokens).toEqual(['quorvex', 'margin']);
  });

  it('reads the years a question names and whether it asks for a figure', () => {
    const analysis = analyseQuestion('How much did the Zorblat segment earn in 2031?', tokenizer);
    expect([analysis.language, analysis.years, analysis.wantsFigure]).toEqual(['en', [2031], true]);
  });
});
