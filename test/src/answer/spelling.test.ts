import { describe, expect, it } from 'vitest';
import { oneEditApart, spelledAsPrinted, vocabularyOf } from '../../../src/answer/spelling.js';

const report = vocabularyOf(['Quillmere offers glimmer delivery in 57 locations.', 'The glimmer revolver was outstanding at year end.', 'Quillmere will implement the ledger.']);
const stop = (word: string) => ['which', 'there'].includes(word);

describe('typos read as the words the report prints', () => {
  it('finds a word one letter dropped, added, changed or two swapped away', () => {
    expect([oneEditApart('locatons', 'locations'), oneEditApart('glimmre', 'glimmer'), oneEditApart('ledgar', 'ledger'), oneEditApart('ledgers', 'ledger')]).toEqual([true, true, true, true]);
    expect([oneEditApart('ledger', 'ledger'), oneEditApart('lodgers', 'ledger'), oneEditApart('glim', 'glimmer')]).toEqual([false, false, false]);
  });

  it('corrects a word the report never prints to the one printed word near it, and keeps everything else', () => {
    expect(spelledAsPrinted('in how many locatons is glimmer delivery offered?', [report], stop)).toBe('in how many locations is glimmer delivery offered?');
    expect(spelledAsPrinted('how much was outstandng on the revolver?', [report], stop)).toBe('how much was outstanding on the revolver?');
    // (Short words, stop words and words no printed word is near stay as typed.)
    expect(spelledAsPrinted('when will they implemnt the carbon ledgr, which one, and the qill?', [report], stop)).toBe(
      'when will they implement the carbon ledger, which one, and the qill?',
    );
  });
});
