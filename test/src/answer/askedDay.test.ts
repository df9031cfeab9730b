import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/** An invented 2031 annual report whose year ends on 30 June, as its statements say. */
const service = plainReportService('brackwater-june-2031.pdf', [
  ['Brackwater Weaving Ltd', 'Annual Report 2031'],
  [
    { line: 'Five year summary', size: 14 },
    'The table below covers the financial years ended 30 June 2031 and 30 June 2030.',
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Quill sales', '9,210', '8,805'),
    statementRow('Share price at financial year end', '4.00', '3.50'),
    statementRow('Basic earnings per share', '0.12', '0.10'),
  ],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts'], (topic) => `Our ${topic} sold well in the year ended 30 June 2031, and the Board reviews`),
]);

describe('a question that names a day', () => {
  it('is answered at the report’s year-end day', async () => {
    const result = await service().ask('what was our share price at 30 june 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['4.00']);
  });

  it('is not answered by the year-end figure when the report’s year ends on another day', async () => {
    const result = await service().ask('what was our share price at 31 dec 2031?');
    expect([result.found, result.figures]).toEqual([false, []]);
  });
});
