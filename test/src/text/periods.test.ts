import { describe, expect, it } from 'vitest';
import { datesNamed, daysNamed, isDateLine, isPeriodLine, periodOf, quarterNamed } from '../../../src/text/periods.js';
import { DATE_VALUE as DATE_IN_TEXT } from '../../../src/text/periods.js';

describe('period and date lines', () => {
  it('reads the quarter a heading or question names, with or without 第, and none in a word that only holds 季度', () => {
    expect(['第四季度', '二季度营收多少', 'Q3 sales', 'third quarter', '季度报告', '四季度末'].map(quarterNamed)).toEqual([4, 2, 3, 3, null, 4]);
    // Three months that open a quarter are that quarter; other runs of months (a half-year, an ageing
    // bucket of "1-3个月") are none.
    expect(['去年4到6月那个季度', '7～9月份', '十月至十二月', '第二季度（4-6月份）', '2-4月', '1-6月', '1-3个月'].map(quarterNamed)).toEqual([2, 3, 4, 2, null, null, null]);
  });

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

describe('days named', () => {
  it('reads a day of a month either way round, in any case, with or without a year, and in Chinese', () => {
    expect(daysNamed('the quill price at 31 dec 2031, and on March 3rd; 2031年6月30日')).toEqual([
      { month: 12, day: 31 },
      { month: 3, day: 3 },
      { month: 6, day: 30 },
    ]);
    expect(daysNamed('As of December 31, 2031')).toEqual([{ month: 12, day: 31 }]);
  });

  it('reads a month and a two-digit year a report is about as no day, in a text naming no full year', () => {
    const years = { shorthandYears: new Set([2029, 2030, 2031]) };
    expect(daysNamed('the glimmer loan drawn oct 30?', years)).toEqual([]);
    // (Without the reports' years, or with a number no year of theirs, it is a day.)
    expect(daysNamed('the glimmer loan drawn oct 30?')).toEqual([{ month: 10, day: 30 }]);
    expect(daysNamed('the glimmer loan drawn oct 14?', years)).toEqual([{ month: 10, day: 14 }]);
    // (An ordinal, the day first, or a full year in the text make it a day.)
    expect(daysNamed('drawn oct 30th?', years)).toEqual([{ month: 10, day: 30 }]);
    expect(daysNamed('drawn 30 oct?', years)).toEqual([{ month: 10, day: 30 }]);
    expect(daysNamed('drawn oct 30 in 2031?', years)).toEqual([{ month: 10, day: 30 }]);
  });

  it('reads no day in a month with a year alone, a span of days, or "may" the verb', () => {
    expect(daysNamed('In May 2031 we opened 3 depots; June 30-31; we may 5 times')).toEqual([]);
  });

  it('reads full dates with their years', () => {
    expect(datesNamed('For the year ended 30 June 2031 (2030: 30 June 2030); as at 2031年12月31日; in May 2031')).toEqual([
      { month: 6, day: 30, year: 2031 },
      { month: 6, day: 30, year: 2030 },
      { month: 12, day: 31, year: 2031 },
    ]);
  });
});

describe('a value that reads as a date', () => {
  it('names a month by its whole name or its abbreviation, not by a word that starts like one', () => {
    expect(['1 Nov 2031', 'November', 'Sept. 3', 'since March', '31/07/31', '2031年'].map((text) => DATE_IN_TEXT.test(text))).toEqual([true, true, true, true, true, true]);
    expect(['Ms Novak Penn', 'Marketing director', 'Decision pending', 'Junior kiln hand', 'Augusta Penn'].map((text) => DATE_IN_TEXT.test(text))).toEqual([false, false, false, false, false]);
  });
});
