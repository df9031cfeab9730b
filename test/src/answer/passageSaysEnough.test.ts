import { describe, expect, it } from 'vitest';
import { statementRow } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/**
 * An invented 2031 annual report in the British style: each sentence states the year's figure with
 * the year before in brackets, never printing the report's own year beside it, nor the word for the
 * kind of figure it states ("paid", "percentage").
 */
const service = plainReportService('brackwater-2031.pdf', [
  ['Brackwater Weaving plc', 'Annual Report'],
  [
    { line: 'Taxation', size: 14 },
    'A deferred levy asset of approximately £2,338,000 (2030: £2,279,000) has not been',
    'recognised. The Group has total carried forward levy losses of £9,422,000',
    '(2030: £9,113,000).',
    { line: 'Events after the balance sheet date', size: 14 },
    'Since the year end, the Group has subscribed for 2.1 million shares in Vantor Looms Limited,',
    'a company listed in Freedonia, for a consideration of £125,000 in cash.',
    { line: 'Exports', size: 14 },
    'Exports took 41% of the skeins we sold, against 38% the year before.',
    { line: 'Our founders', size: 14 },
    'Our founders spent 30 years perfecting the madder dye before the first bolt was sold.',
    'Our chair is a member of the Loom 50 circle of dye guilds.',
  ],
  [
    { line: 'CONSOLIDATED STATEMENTS OF INCOME', size: 12 },
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Total weaving revenue', '$ 9,210', '$ 8,805'),
    statementRow('Loom research', '1,170', '1,136'),
    statementRow('Operating income', '2,800', '2,635'),
    { line: 'Operating expenses', size: 14 },
    'As a percentage of total weaving revenue, LR&D expense for 2031 was 12.7%.',
  ],
  ...marketPages(['Looms', 'Dyes', 'Yarns', 'Bolts', 'Skeins', 'Shuttles']),
]);

describe('a passage of the report’s own year', () => {
  it('says the year asked when it is the report’s own, though the sentence never prints it', async () => {
    // ("fwd" and "close" are the question's own words: the sentence says the rest, and the year.)
    const result = await service().ask('how much in levy losses is the group carrying fwd at the close of 2031?');
    expect(result.figures.map((f) => [f.value, f.page])).toEqual([['9,422,000', 2]]);
  });
});

describe('the words that name the kind of figure asked', () => {
  it('are said by a figure of that kind: an amount of money says what was paid, a percentage the share', async () => {
    const paid = await service().ask('what did we pay for the vantor shares we picked up post year end?');
    const pct = await service().ask('what pct of skeins got shipped as exports?');
    const share = await service().ask('what share of skeins got shipped as exports?');
    expect([paid, pct, share].map((r) => r.figures.map((f) => f.value))).toEqual([['125,000'], ['41'], ['41']]);
  });
});

describe('a question for a ratio', () => {
  it('is answered by the sentence that states the percentage, not by the row of the amount it is a share of', async () => {
    const result = await service().ask('LR&D as a % of total weaving revenue in 2031?');
    expect(result.figures.map((f) => [f.value, f.page])).toEqual([['12.7', 3]]);
  });
});

describe('what was spent', () => {
  it('is an amount of money: a count of years spent does not answer it, nor a number in a name', async () => {
    const result = await service().ask('how much did the founders spend on the madder dye?');
    expect([result.found, result.figures]).toEqual([false, []]);
    const guild = await service().ask('how much did our chair spend on the loom dye guilds circle?');
    expect([guild.found, guild.figures]).toEqual([false, []]);
  });
});
