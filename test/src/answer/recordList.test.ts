import { describe, expect, it } from 'vitest';
import type { PdfBlock } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented directors' report that lists each warden as a record of key-value lines ("Name:",
 * "Title:", …) with a line of experience that states when they joined, and enough prose pages for the
 * report's words to take their usual weights.
 */
const pair = (key: string, value: string): PdfBlock => ({ placed: [{ text: key, x: 70 }, { text: value, x: 240 }], advance: 16 });
const note = (text: string): PdfBlock => ({ placed: [{ text, x: 240 }], advance: 16 });
const warden = (name: string, title: string, since: string): PdfBlock[] => [
  pair('Name:', name),
  pair('Title:', title),
  pair('Qualifications:', 'Master of Weaving'),
  pair('Experience and expertise:', 'A founding warden of the mill, who has led its loom development'),
  note('programs and holds two current patents in shuttle design and yarn tension.'),
  note('Before the mill, worked on dye vats at a weaving cooperative.'),
  note(`Warden since ${since}`),
  pair('Other current directorships:', 'None'),
  pair('Special responsibilities:', 'Member of the audit committee'),
  pair('Interests in quills:', '1,200 quills'),
];

const service = plainReportService('tarnwick-wardens-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  [{ line: 'Information on wardens', size: 12 }, ...warden('Ms. Ada Brill', 'Chair – Non-Executive', 'June 2016'), ...warden('Mr. Otto Penn', 'Warden – Executive', '3 April 2027')],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts']),
]);

describe('a list of records', () => {
  it('answers a line of a record for the name the record is about', async () => {
    const otto = await service().ask('otto penn - a warden since when?');
    expect(otto.answer.split('\n')[0]).toContain('3 April 2027');
    const ada = await service().ask('ada brill - a warden since when?');
    expect(ada.answer.split('\n')[0]).toContain('June 2016');
  });
});
