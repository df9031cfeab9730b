import { describe, expect, it } from 'vitest';
import { isDateLine, isPeriodLine, periodOf } from '../../../src/text/periods.js';

describe('period and date lines', () => {
  it('reads a line that is only a date as a date line, in both languages', () => {
    expect(['30 June 2031', 'December 31, 2031', '2031年12月31日', ' 1 March 2030 ', '30th September 2031'].map(isDateLine)).toEqual([true, true, true, true, true]);
  });

  it('takes a date with words around it for no date line', () => {
    expect(['Balance at 30 June 2031', 'Quill holdings, December 31, 2031', '2031年12月31日余额', 'June 2031'].map(isDateLine)).toEqual([false, false, false, false]);
  });

  it('reads the period printed under a statement title', () => {
    expect(['For the year ended 31 December 2031', 'As at 30 June 2031', '截至2031年12月31日', 'Quill revenue'].map(isPeriodLine)).toEqual([true, true, true, false]);
    // Two periods set against each other title a comparison; they are no one statement's period.
    expect(['Year ended December 31, 2031 compared to year ended December 31, 2030', 'YEAR ENDED 2031 VERSUS 2030'].map(isPeriodLine)).toEqual([false, false]);
  });
});

describe('period columns', () => {
  it('reads a column that sets one year against another as their change, not as either year', () => {
    expect(['2031 vs. 2030', '2031 vs 2030', '2031 versus 2030', '2031 compared with 2030'].map((h) => [periodOf(h)?.change, periodOf(h)?.year])).toEqual([
      [true, 2031],
      [true, 2031],
      [true, 2031],
      [true, 2031],
    ]);
    expect(['2031 (53 Weeks)', 'Quill vs', 'Versus'].map((h) => periodOf(h)?.change ?? null)).toEqual([false, null, null]);
  });
});
