import { describe, expect, it } from 'vitest';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented report that prints the words "Glimmer Recognition" only as a heading, and "glimmer"
 * and "glitter" about as often as each other in its prose.
 */
const service = plainReportService('brackwater-notes-2031.pdf', [
  ['Brackwater Weaving plc', 'Annual Report 2031'],
  [
    { line: 'Glitter Works Note', size: 14 },
    'Kilns cost £2,900,000 in the year, paid from the glitter works.',
    'Glitter is sold by the skein, and glitter sales are booked when the skein is shipped.',
  ],
  [
    { line: 'Glimmer Recognition Note', size: 14 },
    'Kilns cost £4,120,000 in the year, paid from the glimmer works.',
    'Glimmer is sold by the bolt, and glimmer sales are booked when the bolt leaves the works.',
  ],
  [
    { line: 'Markets', size: 14 },
    'Glimmer and glitter are sold to weavers across the region, glitter to the dyers as well.',
    'The Board reviews the range of glimmer every year at the end of the season.',
  ],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts', 'Skeins', 'Shuttles']),
]);

describe('a clipped word read beside a word of a heading', () => {
  it('is read as the heading prints it, and the note the heading names answers', async () => {
    const result = await service().ask('what did kilns cost per the gli recognition note?');
    expect(result.answer.split('\n')[0]).toContain('£4,120,000');
  });
});
