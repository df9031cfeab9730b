import { describe, expect, it } from 'vitest';
import { countedNounEnglish, figureCountsNounEnglish } from '../../../src/answer/extractiveAnswerer.js';
import { shownName, printedFigure } from '../../../src/answer/printedFigure.js';
import { findFigures } from '../../../src/text/findFigures.js';

/** Which figures of a sentence count the noun an English "how many" question asks about. */
const counts = (question: string, sentence: string): string[] => {
  const noun = countedNounEnglish(question);
  return noun ? findFigures(sentence).filter((f) => figureCountsNounEnglish(sentence, f, noun)).map((f) => f.value) : [];
};

describe('English counts', () => {
  it('reads the counted noun as the last word of the phrase after "how many" or "number of"', () => {
    expect(countedNounEnglish('How many retail glimmer depots did Zorblat run in 2031?')).toBe('depots');
    expect(countedNounEnglish('roughly how many associates do we employ?')).toBe('associates');
    expect(countedNounEnglish('what was the number of quorvex sites at year end')).toBe('sites');
    expect(countedNounEnglish('How much did Zorblat earn?')).toBeNull();
  });

  it('takes the figure the noun follows, across hedges and qualifiers, before any preposition', () => {
    expect(counts('How many associates does Zorblat have?', 'Zorblat employs approximately 9,400 full-time and part-time associates.')).toEqual(['9,400']);
    expect(counts('How many associates does Zorblat have?', 'Zorblat granted 4,200,000 glimmer options to associates.')).toEqual([]);
  });

  it('takes a figure followed by no noun when its sentence names the noun, and a range with its far end', () => {
    expect(counts('How many depots did Zorblat run?', 'Zorblat ran 3 depots in Ohio and 9 depots in Utah, for a total of 12')).toEqual(['3', '9', '12']);
    expect(counts('How many depots did Zorblat run?', 'The depots range in size from 8,000 to 71,000 square feet.')).toEqual([]);
  });
});

describe('registry figures shown in English', () => {
  it('keeps the spaces of English hedges and units, and the elision mark between English words', () => {
    expect(printedFigure({ value: '22.8', unit: '%', qualifier: 'approximately' })).toBe('approximately 22.8%');
    expect(printedFigure({ value: '12.5', unit: 'million', qualifier: '' })).toBe('12.5 million');
    expect(shownName('glimmer sales rose by…to')).toBe('glimmer sales rose by … to');
    expect(shownName('投入…建设了智慧校园')).toBe('投入建设了智慧校园');
  });
});
