import { describe, expect, it } from 'vitest';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented report whose advisers' page gives each office under its heading, one line of the
 * address after another, and never says what kind of place each line is.
 */
const service = plainReportService('brackwater-advisers-2031.pdf', [
  ['Brackwater Weaving plc', 'Annual Report 2031'],
  [
    { line: 'Officers and Professional Advisers', size: 14 },
    { line: 'Secretary', bold: true },
    'Timothy Quell',
    { line: 'Registered office', bold: true },
    '12 Quill Lane',
    'Brackwater',
    'Glimshire, QX1 2AB',
    { line: 'Auditors', bold: true },
    'Harrowgate Pike LLP',
    'Loom House',
    'Dunmere',
  ],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts', 'Skeins', 'Shuttles']),
]);

describe('a question for a name that says the kind of thing asked', () => {
  it('is answered by the lines that name one, though they never print the kind', async () => {
    const result = await service().ask('which town is our registered office in?');
    expect([result.found, result.answer.split('\n')[0]]).toEqual([true, expect.stringContaining('12 Quill Lane Brackwater Glimshire, QX1 2AB')]);
  });

  it('still needs the rest of the question said: no office of the kind asked is printed', async () => {
    const result = await service().ask('which town is our dye works in?');
    expect(result.found).toBe(false);
  });
});
