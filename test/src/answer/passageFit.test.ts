import { describe, expect, it } from 'vitest';
import { askedHeadEnglish } from '../../../src/answer/questionAnalysis.js';
import { type PdfBlock, statementRow } from '../../fixtures/pdfs.js';
import { plainReportService } from './reportFixture.js';

describe('the thing an English question asks the value of', () => {
  it('is the last word of the noun phrase after "what is the", before its preposition', () => {
    expect(askedHeadEnglish('whats the total budget for the weft study?')).toBe('budget');
    expect(askedHeadEnglish("What was the company's weft margin in 2031?")).toBeNull();
    expect(askedHeadEnglish('What is our weft margin for 2031?')).toBe('margin');
  });

  it('is the noun after "how much", before the question\'s verb', () => {
    expect(askedHeadEnglish('how much interest did we earn on our weft balances in 2031?')).toBe('interest');
    expect(askedHeadEnglish('How much spare weft was left at year end?')).toBe('weft');
  });

  it('is none for a measuring word or a question of another shape', () => {
    expect(askedHeadEnglish('What was the amount of the weft premium?')).toBeNull();
    expect(askedHeadEnglish('what was our quoted weft portfolio worth in May 2032?')).toBeNull();
    expect(askedHeadEnglish('How much did the weft study cost?')).toBeNull();
  });
});

/** An invented annual report, built as a PDF in the test: prose that states figures for other years and other things. */
const service = plainReportService('tarnwick-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  [
    { line: 'Gross Margin', size: 14 },
    'The Company experienced unfavourable non-cash weft valuation adjustments, decreasing gross margin by $12.4 million and $3.1 million in 2031 and 2030, respectively. A favourable non-cash weft valuation adjustment increased gross margin by $410 thousand in 2029.',
  ],
  [
    { line: 'Dye House', size: 14 },
    'In 2031 the dye house was rebuilt after the flood of 2029, and dye stock losses added $2.2 million in 2029 to costs of sales.',
    'The loss of the dye house for the year ended 31 December 2031 was £4,120 (2030, £3,310).',
  ],
  [
    { line: 'Weft Store', size: 14 },
    'In January 2032, the mill drew 9,100 bales of weft from the Quill store ahead of the spring orders.',
  ],
  [
    { line: 'SALES BY DEPARTMENT', size: 14 },
    { line: '(amounts in thousands)', align: 'right' },
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Weft goods', '61,200', '58,950'),
    statementRow('Dye house', '14,410', '13,870'),
    statementRow('Number of looms', '12', '11'),
  ],
  [
    { line: 'Note 11. Inventories', size: 14 },
    'Inventories are recognised net of a provision for obsolescence of $7,029 (2030: $5,347) as at 31 December 2031.',
    { line: 'RECONCILIATION OF PROFIT TO NET CASH FROM OPERATING ACTIVITIES', size: 12 },
    { placed: [{ text: '2031 $', x: 400, align: 'right' }, { text: '2030 $', x: 510, align: 'right' }], advance: 20 },
    statementRow('Profit after income tax', '4,919', '5,403'),
    statementRow('Provision for weft obsolescence', '1,486', '(601)'),
    statementRow('Net cash from operating activities', '6,405', '4,802'),
    statementRow('Cash at end of the year', '9,210', '2,805'),
  ],
  [
    { line: 'CONSOLIDATED STATEMENTS OF WEFT FLOWS', size: 12 },
    { placed: [{ text: '2031 $', x: 400, align: 'right' }, { text: '2030 $', x: 510, align: 'right' }], advance: 20 },
    statementRow('Weft and weft equivalents at beginning of period', '3,105', '2,290'),
    statementRow('Net increase in weft', '6,405', '815'),
    statementRow('Weft and weft equivalents at end of period', '9,510', '3,105'),
  ],
  [
    { line: 'Loom Spending', size: 14 },
    'As a percentage of sales, loom spending totaled 2.5% in 2031 and 3.6% in 2030.',
    'The board plans to invest approximately $150 million in its spindle programme in 2032.',
    { line: 'Levies', size: 14 },
    'The weft levy rate in Freedonia of 31.3% in 2031 reflects the mill zone there.',
    { line: 'Dividends', size: 14 },
    'The board raised its quarterly spindle dividend from 32 cents per share to 34 cents per share in 2031.',
  ],
  [
    { line: 'Mill Projects', size: 14 },
    'As part of the ongoing loom study, the Company cleared a total of 16 pads for drilling at the proposed mill site.',
    'The loom study is led by the mill engineering team.',
    'The board reviews each mill budget and each mill plan in the spring.',
  ],
]);

describe('a sentence that fits what is asked', () => {
  it('gives no figure the sentence states for another year than the one asked', async () => {
    const result = await service().ask('how much did the weft adjustment cut gross margin by in 2031?');
    expect(result.figures.map((f) => f.value)).not.toContain('410');
    expect(result.answer.split('\n')[0]).toContain('12.4');
  });

  it('gives no figure stated for another year, even in a sentence that names the year asked', async () => {
    const result = await service().ask('how much did dye stock losses add to costs of sales in 2031?');
    expect(result.figures.map((f) => f.value)).not.toContain('2.2');
  });

  it('gives no figure from a sentence framed by a time after the year asked', async () => {
    const later = await service().ask('how many bales of weft did the mill draw from the quill store in 2031?');
    expect([later.found, later.figures]).toEqual([false, []]);
    expect((await service().ask('how many bales of weft did the mill draw from the quill store in 2032?')).figures.map((f) => f.value)).toEqual(['9,100']);
  });

  it('answers a count only from a row that names the thing counted', async () => {
    const dyes = await service().ask('how many dye batches did our dye house run in 2031?');
    expect([dyes.found, dyes.figures]).toEqual([false, []]);
    const looms = await service().ask('how many looms were there in 2031?');
    expect(looms.figures.map((f) => f.value)).toEqual(['12']);
  });

  it('answers a balance at a moment from no row of a flow statement but one that names a moment', async () => {
    const provision = await service().ask('whats the weft obsolescence provision netted off inventories at ye?');
    expect(provision.figures.map((f) => f.value)).toEqual(['7,029']);
    const cash = await service().ask('what was cash at end of the year 2031?');
    expect(cash.figures.map((f) => f.value)).toEqual(['9,210']);
    // (The year's number names "the year" of a balance at its end.)
    expect((await service().ask('how much cash did we hold at the end of 2031?')).figures.map((f) => f.value)).toEqual(['9,210']);
  });

  it('reads a row for the start of a period only for a question that asks the opening figure', async () => {
    expect((await service().ask('how much weft did we have at year end?')).figures.map((f) => f.value)).toEqual(['9,510']);
    expect((await service().ask('how much weft did we have at the beginning of 2031?')).figures.map((f) => f.value)).toEqual(['3,105']);
  });

  it('reads a bracketed comparative as the prior year, not as a second figure for the year asked', async () => {
    const result = await service().ask('what was the loss of the dye house for the year 2031?');
    expect([result.answer.split('\n')[0]?.includes('different figures'), result.figures.map((f) => f.value)]).toEqual([false, ['4,120']]);
  });

  it('gives no share of another quantity for the quantity itself, and gives it when a share is asked', async () => {
    expect((await service().ask('loom spending in 2031?')).figures.map((f) => f.value)).not.toContain('2.5');
    expect((await service().ask('loom spending as a % of sales in 2031?')).figures.map((f) => f.value)).toEqual(['2.5']);
  });

  it('gives a planned figure only for a question about the plan', async () => {
    expect((await service().ask('how much went into the spindle programme last year?')).figures.map((f) => f.value)).not.toContain('150');
    expect((await service().ask('how much does the board plan to invest in the spindle programme?')).figures.map((f) => f.value)).toEqual(['150']);
  });

  it('gives the figure a change came to, and the one it started from only when asked', async () => {
    expect((await service().ask('quarterly spindle dividend in 2031?')).figures.map((f) => f.value)).toEqual(['34']);
    expect((await service().ask('what was the quarterly spindle dividend before the raise?')).figures.map((f) => f.value)).toEqual(['32']);
  });

  it('gives no figure of a part a name qualifies for the whole, and gives it when the part is asked', async () => {
    expect((await service().ask('what was the weft levy rate in 2031?')).figures.map((f) => f.value)).not.toContain('31.3');
    expect((await service().ask('what was the weft levy rate in freedonia in 2031?')).figures.map((f) => f.value)).toEqual(['31.3']);
  });

  it('answers nothing from a sentence that never names the thing asked the value of', async () => {
    const result = await service().ask('whats the total budget for the loom study?');
    expect([result.found, result.figures]).toEqual([false, []]);
 
    // (Nor from a row whose label and headings never name it: the cash at the year's end is no interest earned on it.)
    const interest = await service().ask('how much interest did we earn on our cash at the end of 2031?');
    expect([interest.found, interest.figures]).toEqual([false, []]);
  });
});
