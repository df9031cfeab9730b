import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/text/findFigures.js';
import { framedAfter, respectiveYears, yearStatedFor } from '../../../src/text/respectively.js';

/** The printed value of each figure of the sentence matched to a year, with its year. */
const matched = (sentence: string): Array<[string, number]> => {
  const figures = findFigures(sentence);
  const years = respectiveYears(sentence, figures);
  return figures.flatMap((f) => {
    const year = years.get(f.start);
    return year === undefined ? [] : [[f.value, year] as [string, number]];
  });
};

describe('figures listed against years, "respectively"', () => {
  it('matches figures to the years that close their clause, by position', () => {
    expect(matched('Cash paid for glimmer levies was $37.4 million, $28.1 million and $42.3 million in 2031, 2030 and 2029, respectively.')).toEqual([
      ['37.4', 2031],
      ['28.1', 2030],
      ['42.3', 2029],
    ]);
  });

  it('matches figures to the years named before them, and fiscal years', () => {
    expect(matched('Quill depreciation for 2031, 2030 and 2029 was $23.6 million, $22.5 million and $21.7 million, respectively.')).toEqual([
      ['23.6', 2031],
      ['22.5', 2030],
      ['21.7', 2029],
    ]);
    expect(matched('Ember revenue was $5.0 million and $4.1 million in fiscal 2031 and 2030, respectively, up 22%.')).toEqual([
      ['5.0', 2031],
      ['4.1', 2030],
    ]);
  });

  it('matches nothing when the counts differ or no years are listed', () => {
    expect(matched('Glimmer and quill sales were $5.0 million and $4.1 million, respectively.')).toEqual([]);
    expect(matched('Vorn levies of $3.0 million were paid in 2031 and 2030, respectively.')).toEqual([]);
  });
});

describe('the year a sentence states a figure for', () => {
  it('reads a list of years, "respectively", or a phrase of time right after the figure', () => {
    const sentence = 'Unfavourable weft adjustments cut gross margin by $12.4 million and $3.1 million in 2031 and 2030, respectively. A favourable weft adjustment added $410 thousand in fiscal 2029.';
    expect([yearStatedFor(sentence, '12.4'), yearStatedFor(sentence, '3.1'), yearStatedFor(sentence, '410')]).toEqual([2031, 2030, 2029]);
    expect(yearStatedFor('The quill fleet carried 7,450 tonnes during 2031.', '7,450')).toBe(2031);
    // A bracketed comparative names its year before its figure.
    const compared = 'The weft loss for the year was £206,000 (2030: £333,000) and the dye loss £41,000 (2030, £52,000).';
    expect(['206,000', '333,000', '41,000', '52,000'].map((value) => yearStatedFor(compared, value))).toEqual([null, 2030, null, 2030]);
  });

  it('reads no year from a list without "respectively", a range, or a year that does not follow the figure', () => {
    expect(yearStatedFor('Vorn levies of $3.0 million were paid in 2031 and 2030.', '3.0')).toBeNull();
    expect(yearStatedFor('Vorn levies of $3.0 million were paid in 2029-2031.', '3.0')).toBeNull();
    expect(yearStatedFor('In 2030 the mill spun $4.4 million of weft.', '4.4')).toBeNull();
  });
});

describe('a sentence framed by a later time', () => {
  it('opens on a phrase of time naming a year after the one asked', () => {
    expect(framedAfter('In January 2033, we drew a further $15.0 million on the Quill Revolver, bringing the balance to $290.0 million.', 2032)).toBe(true);
    expect(framedAfter('As of March 31, 2033, the weft facility stood at $40.0 million.', 2032)).toBe(true);
    expect(framedAfter('During fiscal 2033, we expect to open 4 mills.', 2032)).toBe(true);
  });

  it('is not one framed by the year asked or an earlier one, or one naming a later year elsewhere', () => {
    expect(framedAfter('As of December 31, 2032, we had $275.0 million outstanding on the Quill Revolver.', 2032)).toBe(false);
    expect(framedAfter('In July 2031, the mill drew $5.0 million.', 2032)).toBe(false);
    expect(framedAfter('The Quill Revolver, which expires in 2036, had $275.0 million outstanding.', 2032)).toBe(false);
  });
});
