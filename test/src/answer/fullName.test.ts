import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented report whose officers' biographies give each name once, over the role, and then call
 * the person by title and surname.
 */
const service = plainReportService('brackwater-officers-2031.pdf', [
  ['Brackwater Weaving plc', 'Annual Report 2031'],
  [
    { line: 'Executive Officers', size: 14 },
    { line: 'Maren J. Tollefsen', bold: true },
    { line: 'Executive Vice President, Chief Quill Officer', bold: true },
    'Ms. Tollefsen, 52, joined Brackwater in 2019 and leads the quill works and the dye house.',
    'Prior to becoming CQO, Ms. Tollefsen served as head of looms at a weaving company.',
    { line: 'Piers Quenby', bold: true },
    { line: 'Chief Executive Officer', bold: true },
    'Mr. Quenby, 58, has led Brackwater since 2024.',
  ],
  [
    { line: 'Registry costs', size: 14 },
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('quills', '1,422,540', '1,430,540'),
    statementRow('Quill printing', '8,100', '7,950'),
  ],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts', 'Skeins', 'Shuttles']),
]);

describe('a question for a name', () => {
  it('is not answered by a number, though a row label repeats its words', async () => {
    const result = await service().ask('whos our quill registry?');
    expect(result.figures.map((f) => f.value)).toEqual([]);
  });
});

describe('a question for a person answered by a sentence that calls them by title and surname', () => {
  it('names the person in full first, as the report introduces them', async () => {
    const result = await service().ask('who is our CQO?');
    expect(result.answer.split('\n')[0]).toMatch(/^Maren J\. Tollefsen: .*Ms\. Tollefsen/u);
  });
});
