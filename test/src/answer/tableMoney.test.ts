import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/** An invented note whose table prints its currency in the heading, not beside the amounts. */
const service = plainReportService('brill-kilns-2031.pdf', [
  ['Brill Kilns plc', 'Annual Report 2031'],
  [
    { line: '5. Loss before tax', size: 12 },
    'This is stated after charging:',
    { placed: [{ text: '2031 £’000', x: 400, align: 'right' }, { text: '2030 £’000', x: 510, align: 'right' }], advance: 20 },
    statementRow('Directors’ kiln emoluments', '141', '137'),
    statementRow('Kiln inspectors’ fees for the group kilns', '31', '27'),
    statementRow('Kiln inspectors’ fees for glaze tests', '5', '6'),
    statementRow('Change in fair value of kiln investments', '117', '9'),
  ],
  ...marketPages(['Tiles', 'Bricks', 'Glazes', 'Pavers', 'Slabs', 'Kerbs']),
]);

describe('a fee asked of a table that prints its currency in its heading', () => {
  it('answers with the year’s amount of the row, money by the heading though printed bare', async () => {
    const result = await service().ask('what was the group kiln inspection fee in 2031?');
    expect([result.found, result.figures[0]?.value]).toEqual([true, '31']);
  });
});
