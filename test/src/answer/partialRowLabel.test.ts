import { describe, expect, it } from 'vitest';
import { type PdfBlock, statementRow } from '../../fixtures/pdfs.js';
import { plainReportService } from './reportFixture.js';

/**
 * An invented English report: a balance sheet whose only row with the asked words is a kind of what
 * is asked ("Deferred weft income"), and prose that talks of weft income without a figure.
 */
const TOPICS = ['Policy', 'Timing', 'Contracts', 'Returns', 'Rebates', 'Agents', 'Licences', 'Grants', 'Exports', 'Leases'];

const service = plainReportService('tarnwick-weft-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  [
    { line: 'CONSOLIDATED BALANCE SHEETS', size: 12 },
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Cash and cash equivalents', '$ 9,210', '$ 2,805'),
    statementRow('Loom parts', '2,410', '2,870'),
    statementRow('Dye stock', '3,115', '2,990'),
    statementRow('Total current assets', '14,735', '8,665'),
    statementRow('Accounts payable', '2,330', '2,101'),
    statementRow('Deferred weft income', '1,774', '1,901'),
    statementRow('Total current liabilities', '4,104', '4,002'),
  ],
  ...TOPICS.map((topic): PdfBlock[] => [
    { line: `Weft income: ${topic}`, size: 14 },
    `Weft income from ${topic.toLowerCase()} is recognised when the weft is delivered, and weft income is measured at the price agreed.`,
  ]),
]);

describe('a table row whose English label the question names only in part', () => {
  it('is no answer, neither as a table cell nor as a row of the flattened table', async () => {
    const result = await service().ask('what was weft income in 2031?');
    expect([result.found, result.figures]).toEqual([false, []]);
  });

  it('answers when the question names the label whole', async () => {
    const result = await service().ask('what was deferred weft income in 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['1,774']);
  });
});
