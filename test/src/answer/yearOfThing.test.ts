import { describe, expect, it } from 'vitest';
import { namesThingByYear } from '../../../src/answer/answerService.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented 2031 annual report whose note on share options dates the grant in one paragraph and
 * states its fair value in another sentence that prints no year.
 */
const service = plainReportService('brackwater-options-2031.pdf', [
  ['Brackwater Weaving plc', 'Annual Report 2031', 'For the year ended 30 June 2031'],
  [
    { line: 'Share-based payments', size: 14 },
    'On 13 July 2029 the Company granted 9,000,000 options over ordinary shares to its loom staff',
    'under the Brackwater Loom Option Plan, exercisable at $0.07 each.',
    'The weighted average fair value of the options granted has been calculated as $0.021 per',
    'option, recognised as an expense in the statement of profit or loss.',
  ],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts']),
]);

describe('a year set before the noun it names', () => {
  it('is read as naming the thing after "the", maybe with a month, and as a period elsewhere', () => {
    expect([
      namesThingByYear('fair value on the jul 2029 option grant?', 2029),
      namesThingByYear('how many shares are left under the 2004 buyback authorisation?', 2004),
      namesThingByYear('what was the fair value per option in 2029?', 2029),
      namesThingByYear('revenue for the 2029 and 2030 years?', 2029),
    ]).toEqual([true, true, false, false]);
  });

  it('is answered by a sentence whose section dates the thing, though the sentence prints no year', async () => {
    const named = await service().ask('whats the weighted average fair value per option on the jul 2029 option grant?');
    expect([named.found, named.answer.split('\n')[0]?.includes('$0.021')]).toEqual([true, true]);
    // (The same year asked as the period is the period: the sentence states no figure of 2029.)
    const period = await service().ask('what was the weighted average fair value per option in 2029?');
    expect(period.found).toBe(false);
  });
});
