import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * Which year's and which entity's figure answers, read on an invented English group report for 2031
 * built as a PDF in the test: its consolidated statement, and a sentence with the parent's own loss
 * and its bracketed comparative.
 */
const service = plainReportService('quillmere-2031.pdf', [
  ['Quillmere Kilns plc', 'Annual Report 2031'],
  [
    { line: 'CONSOLIDATED STATEMENT OF KILN INCOME', size: 12 },
    { placed: [{ text: '2031 £’000', x: 400, align: 'right' }, { text: '2030 £’000', x: 510, align: 'right' }], advance: 20 },
    statementRow('Glimmer revenue', '4,120', '3,870'),
    { ...statementRow('Loss after quill levy', '(206)', '(333)'), advance: 36 },
    'The Company has not presented its own statement of kiln income. A loss after quill levy of',
    '£238,000 (2030: £383,000) is included in the accounts of the parent company.',
  ],
  ...marketPages(['kilns', 'quills', 'embers', 'wicks', 'glazes'], (topic) => `Our ${topic} are sold in every harbour town, and the Board reviews`),
]);

const figuresOf = async (question: string) => (await service().ask(question)).figures.map((f) => f.value);

describe('the year and the entity a figure is for', () => {
  it('answers another year by the bracketed comparative, not by the figure stated for the report year beside it', async () => {
    expect(await figuresOf('what was the loss after quill levy of the parent company in 2030?')).toEqual(['383,000']);
  });

  it('answers for the parent alone from no cell of the group statement', async () => {
    expect(await figuresOf('what was the loss after quill levy of the parent company in 2031?')).toEqual(['238,000']);
    // (Not asked for the parent, the group's statement answers.)
    expect(await figuresOf('what was the loss after quill levy in 2031?')).toEqual(['(206)']);
  });
});
