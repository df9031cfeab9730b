import { describe, expect, it } from 'vitest';
import { americanSpelling, stemWord } from '../../../src/text/stem.js';

describe('stemWord', () => {
  it('stems British and American spellings of a word alike', () => {
    const pairs: Array<[string, string]> = [
      ['authorisation', 'authorizing'],
      ['glazes', 'glaze'],
      ['capitalised', 'capitalized'],
      ['analysed', 'analyzes'],
      ['harbours', 'harbor'],
      ['favourable', 'favorable'],
      ['centres', 'center'],
      ['centred', 'centered'],
      ['fibre', 'fiber'],
      ['catalogues', 'catalog'],
    ];
    expect(pairs.filter(([british, american]) => stemWord(british) !== stemWord(american))).toEqual([]);
  });

  it('leaves words whose ending is no suffix as they are spelled', () => {
    expect(['rise', 'four', 'hour', 'acre', 'store', 'basis', 'genre'].map(americanSpelling)).toEqual(['rise', 'four', 'hour', 'acre', 'store', 'basis', 'genre']);
  });
});
