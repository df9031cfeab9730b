import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * The kind of value a question asks — money, the narrower figure a sentence states — read on
 * an invented English report built as a PDF in the test.
 */
const service = plainReportService('brackwater-2031.pdf', [
  [
    'Brackwater Kilns plc',
    'Annual Report 2031',
    { line: 'Substantial shareholdings', size: 12 },
    'At 9 March 2032 the Company knew of these holdings of its quill shares:',
    statementRow('Ada Brill', '6.4%'),
    statementRow('Otto Penn', '5.2%'),
  ],
  [
    { line: 'DEFERRED EMBER ASSETS', size: 12 },
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Net glimmer loss carryforwards', '3,842', '3,517'),
    statementRow('Kiln allowances', '1,204', '1,130'),
    'The Company has net glimmer loss carryforwards of $38 million available for harbour ember purposes.',
  ],
  // ("harbour" is on every page: a common word, weighing little in the question.)
  ...marketPages(['kilns', 'quills', 'embers', 'wicks', 'glazes'], (topic) => `Our ${topic} are sold in every harbour town, and the Board reviews`),
]);

describe('the kind of value a question asks', () => {
  it('answers no fee or figure asked in a currency with a percentage', async () => {
    // (Her holding is 6.4%; the report prints no fee of hers.)
    const result = await service().ask("ada brill's fees for 2031, in £k?");
    expect(result.figures.map((f) => f.value)).not.toContain('6.4');
    expect(result.answer.split('\n')[0]).not.toContain('6.4%');
  });

  it('answers from the sentence that says every word of the question before a row that leaves one unsaid', async () => {
    const result = await service().ask('approx how much in harbour net glimmer loss carryforwards do we have?');
    expect(result.figures.map((f) => f.value)).toEqual(['38']);
    // (Asked without the part, the row answers.)
    expect((await service().ask('net glimmer loss carryforwards in 2031?')).figures.map((f) => f.value)).toEqual(['3,842']);
  });
});

describe('what something cost, asked in any form of the verb', () => {
  const costs = plainReportService('glazeworth-2031.pdf', [
    ['Glazeworth Kilns plc', 'Annual Report 2031'],
    [
      { line: 'Quill survey', size: 12 },
      'For the quill survey, 14 pads were cleared at the kiln site and 6 pads at the ember yard before drilling.',
      { line: 'Glaze trial', size: 12 },
      'The glaze trial at the ember yard cost £120,000 and was completed in March.',
    ],
    ...marketPages(['kilns', 'quills', 'embers', 'wicks', 'glazes'], (topic) => `Our ${topic} are sold in every harbour town, and the Board reviews`),
  ]);

  it('answers what it ended up costing with money, never with a count in the sentence', async () => {
    expect((await costs().ask('what did the quill survey at the kiln site end up costing us?')).figures.map((f) => f.value)).toEqual([]);
    expect((await costs().ask('what did the glaze trial end up costing us?')).figures.map((f) => f.value)).toEqual(['120,000']);
  });
});
