import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented statement whose rows name only their own line ("Differences on firing export tiles"):
 * what the rows are part of, the kiln comprehensive results, is printed once, as the table's title.
 */
const service = plainReportService('quorvex-kilns-2031.pdf', [
  ['Quorvex Kilns plc', 'Annual Report 2031'],
  [
    { line: 'Consolidated Statement of Kiln Comprehensive Results', size: 14 },
    { placed: [{ text: '2031 £’000', x: 400, align: 'right' }, { text: '2030 £’000', x: 510, align: 'right' }], advance: 20 },
    statementRow('Administrative expenses', '(309)', '(301)'),
    statementRow('Loss from operations', '(309)', '(301)'),
    statementRow('Differences on firing export tiles', '252', '(61)'),
    statementRow('Total comprehensive loss for the year', '(57)', '(362)'),
  ],
  ...marketPages(['Tiles', 'Bricks', 'Glazes', 'Pavers', 'Slabs', 'Kerbs']),
]);

describe('a row read under the title of its table', () => {
  it('takes the words of the table’s title as said of the row, as the sentences before say of a sentence', async () => {
    const result = await service().ask('overseas firing differences in the kiln comprehensive results for 2031?');
    expect([result.found, result.figures[0]?.value]).toEqual([true, '252']);
  });
});
