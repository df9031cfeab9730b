import { describe, expect, it } from 'vitest';
import { namesIn, vocabularyOf } from '../../../src/answer/spelling.js';
import { type PdfBlock, statementRow } from '../../fixtures/pdfs.js';
import { plainReportService } from './reportFixture.js';

/**
 * An invented English report: an income statement for the whole company, and prose that names the
 * regions it trades in — names the report capitalises mid-sentence — without a figure for either.
 */
const TOPICS = ['Looms', 'Dyes', 'Yarns', 'Bolts', 'Skeins', 'Shuttles'];

/** The whole company's income statement, on a page of its own. */
const INCOME_STATEMENT: PdfBlock[] = [
  { line: 'CONSOLIDATED STATEMENTS OF INCOME', size: 12 },
  { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
  statementRow('Net weaving revenue', '$ 9,210', '$ 8,805'),
  statementRow('Cost of weaving', '6,410', '6,170'),
  statementRow('Gross weaving margin', '2,800', '2,635'),
];

const service = plainReportService('tarnwick-regions-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  INCOME_STATEMENT,
  ...TOPICS.map((topic): PdfBlock[] => [
    { line: `Markets: ${topic}`, size: 14 },
    `Our ${topic.toLowerCase()} are sold in Freedonia and in Sylvania, and the Board reviews the range of ${topic.toLowerCase()} every year.`,
  ]),
]);

describe('a question that names a part of the whole', () => {
  it('is not answered by the whole’s table row', async () => {
    const result = await service().ask('what was net weaving revenue in freedonia in 2031?');
    expect([result.found, result.figures]).toEqual([false, []]);
  });

  it('is answered for the whole when it names no part', async () => {
    const result = await service().ask('what was net weaving revenue in 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['$ 9,210']);
  });
});

describe('a question that names a part by the noun for a part', () => {
  it('is not answered by the whole’s table row for a segment or vertical the table never names', async () => {
    const results = await Promise.all(['net weaving revenue of the tapestry vertical in 2031?', 'net weaving revenue for our rug segment in 2031?'].map((q) => service().ask(q)));
    expect(results.map((r) => [r.found, r.figures])).toEqual([
      [false, []],
      [false, []],
    ]);
  });

  it('is answered when the word before the noun says only which kind of part it is', async () => {
    const result = await service().ask('net weaving revenue of the operating segment in 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['$ 9,210']);
  });
});

describe('names in a question', () => {
  const vocabulary = vocabularyOf([
    'Our looms are sold in Freedonia, and the Board meets in June.',
    'Sales in Sylvania grew. Revenue rose, and revenue is recognised on delivery.',
  ]);
  const isStopWord = (word: string) => ['in', 'the', 'what', 'was'].includes(word);

  it('are the words the report capitalises mid-sentence and never prints in lower case', () => {
    expect(namesIn('what was revenue in freedonia and sylvania?', [vocabulary], isStopWord)).toEqual(['freedonia', 'sylvania']);
  });

  it('are also the capitalised items of a list that goes on after such a name', () => {
    const listed = vocabularyOf(['We sell to weavers like Quorvex, Brill, DLT, Vane Partners, and Osk across the region.', 'Each partner reviews the range.']);
    expect(namesIn('how much did osk buy from us? and vane?', [listed], isStopWord)).toEqual(['osk', 'vane']);
  });

  it('are also capitalised words after a word in capitals that opens the name mid-sentence', () => {
    const named = vocabularyOf(['Our payments run through QXR Vantor, and the QXR Board meets in June.', 'The board reviews payments.']);
    expect(namesIn('what did qxr vantor earn, and what did the board say?', [named], isStopWord)).toEqual(['vantor']);
  });

  it('are also the words in capitals that open a company’s name, when the report prints them in no other case', () => {
    const listed = vocabularyOf(['QXR (HK) Co. Ltd Hong Kong 100%', 'Loan from BOND STREET CUSTODIANS LIMITED', 'The bond was repaid.', 'VLT, Inc. holds 4%.']);
    expect(namesIn('revenue of qxr, vlt and bond street?', [listed], isStopWord)).toEqual(['qxr', 'vlt']);
  });

  it('leave out a defined term after "the", a month, and a word printed in lower case elsewhere', () => {
    expect(namesIn('what did the board say in june about revenue?', [vocabulary], isStopWord)).toEqual([]);
  });
});

describe('a question that names a subsidiary in capitals', () => {
  const group = plainReportService('twm-looms-2031.pdf', [
    ['TWM Looms plc', 'Annual Report 2031'],
    INCOME_STATEMENT,
    ['Interests in subsidiaries', 'QXR (HK) Co. Ltd, Hong Kong, 100% owned', 'Looms are woven for TWM Looms plc by its subsidiaries.'],
  ]);

  it('is not answered by the group’s row, which never names the subsidiary', async () => {
    const result = await group().ask('how much net weaving revenue did QXR (HK) bring in for 2031?');
    expect([result.found, result.figures]).toEqual([false, []]);
  });

  it('is answered when the capitals name the report’s own organisation', async () => {
    const result = await group().ask('what was TWM net weaving revenue in 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['$ 9,210']);
  });
});
