import { describe, expect, it } from 'vitest';
import type { PlacedLine } from '../../fixtures/pdfs.js';
import { rollForwardYears } from '../../../src/answer/factAnswerer.js';
import { stockDate } from '../../../src/text/periods.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented note whose roll-forward names its periods only in its rows: a balance at one date, the
 * year's movements, the balance at the next, twice over, with the asset classes as columns.
 */
/** A row with three amount columns 90 points apart (statementRow's 110 would set the third past the page's edge). */
const row = (label: string, ...amounts: string[]): PlacedLine => ({
  placed: [{ text: label, x: 70 }, ...amounts.map((text, i) => ({ text, x: 360 + i * 90, align: 'right' as const }))],
  advance: 20,
});

const service = plainReportService('tarnwick-looms-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031', 'For the year ended 30 June 2031'],
  // (Pages of prose, so the note's heading stands out from body text as in a real report.)
  ...marketPages(['Shuttles', 'Heddles']),
  [
    { line: 'Note 1. Loom fittings', size: 14 },
    'Loom fittings are stated at cost less depreciation. They are depreciated over ten years, and the',
    'Board reviews their carrying amounts each year for signs that a fitting is worth less than its cost.',
    { line: 'Reconciliations', size: 12 },
    row('', 'Shuttles £', 'Heddles £', 'Total £'),
    row('Balance at 1 July 2029', '4,120', '2,310', '6,430'),
    row('Additions', '515', '1,207', '1,722'),
    row('Depreciation expense', '(380)', '(222)', '(602)'),
    row('Balance at 30 June 2030', '4,255', '3,295', '7,550'),
    row('Additions', '640', '2,918', '3,558'),
    row('Depreciation expense', '(402)', '(310)', '(712)'),
    row('Balance at 30 June 2031', '4,493', '5,903', '10,396'),
  ],
  [
    { line: 'Note 2. Right-of-loom assets', size: 14 },
    'Right-of-loom assets are the looms the Group leases, stated at the present value of the lease.',
    { line: 'Reconciliations', size: 12 },
    row('', 'Looms £', 'Sheds £', 'Total £'),
    row('Balance at 1 July 2030', '900', '310', '1,210'),
    row('Additions', '71', '29', '100'),
    row('Balance at 30 June 2031', '971', '339', '1,310'),
  ],
]);

describe('a roll-forward whose rows name its periods', () => {
  it('reads a stock’s date from "at" or "as of" before it, and no flow’s', () => {
    expect(stockDate('Balance at 30 June 2031')).toEqual({ month: 6, day: 30, year: 2031 });
    expect(stockDate('Net book value as at 1 January 2031')).toEqual({ month: 1, day: 1, year: 2031 });
    expect(stockDate('Balance as of December 31, 2030')).toEqual({ month: 12, day: 31, year: 2030 });
    expect([stockDate('Dividend paid on 5 May 2031'), stockDate('Additions'), stockDate('Shares at par')]).toEqual([null, null, null]);
  });

  it('gives each movement the year of the balance that closes it, and a table with one balance none', () => {
    const labels = ['Balance at 1 July 2029', 'Additions', 'Balance at 30 June 2030', 'Additions', 'Balance at 30 June 2031', 'Notes'];
    expect(rollForwardYears(labels)).toEqual([2029, 2030, 2030, 2031, 2031, null]);
    expect(rollForwardYears(['Balance at 30 June 2031', 'Additions'])).toEqual([null, null]);
  });

  it('answers a movement of the year asked from its own block of rows', async () => {
    const later = await service().ask('what were the additions to heddles in 2031?');
    const earlier = await service().ask('what were the additions to heddles in 2030?');
    expect([later.figures.map((f) => f.value), earlier.figures.map((f) => f.value)]).toEqual([['2,918'], ['1,207']]);
  });

  it('answers the movement of what the note is about from the Total column, named whole or by its initials', async () => {
    const questions = ['loom fittings additions in 2031?', 'LF additions in 2031?', 'right-of-loom asset additions in 2031?', 'ROL asset additions in 2031?'];
    const answers = await Promise.all(questions.map((question) => service().ask(question)));
    // (ROL is printed nowhere: the note's heading spells it, each part of "right-of-loom" giving a letter.)
    expect(answers.map((answer) => answer.figures.map((f) => f.value))).toEqual([['3,558'], ['3,558'], ['100'], ['100']]);
  });
});
