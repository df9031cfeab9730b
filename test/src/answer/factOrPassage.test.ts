import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../../src/answer/answerService.js';
import { makeReportPdf, type PdfBlock, statementRow } from '../../fixtures/pdfs.js';
import { buildFixture, type Fixture } from './reportFixture.js';

/**
 * An invented English annual report, built as a PDF in the test: a statement that prints a "Cash"
 * row, and prose that states another figure about cash with more of a question's words.
 */

let fixture: Fixture;
let service: AnswerService;
beforeAll(async () => {
  fixture = await buildFixture(async (dir) => {
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          'Quillmere Shipping Ltd',
          'Annual Report 2031',
          'Review of Operations',
          'During 2031 Quillmere spent 7,450 of its cash on the ballast glimmer retrofit of the fleet.',
          'The fleet grew to 14 vessels during the year.',
          'On January 31, 2032, the number of holders of record of our quill stock was 417.',
        ],
        [
          'Directors’ report',
          'The Company paid premiums to insure each of the directors and officers.',
          'The amount of the premium was $12,340 for all directors and officers.',
        ],
        [
          'Customer service',
          'In 2031 the Company offered Glimmer Go 2 in 57 of its depots, adding 3 depots.',
          'Glimmer Go 2 lets members order by wireless and collect at a depot hatch.',
          'Quill share options held at year end represent 0.4% of the quill share capital.',
          'In May 2031, 1,250,000 quill warrants were issued at a price of 7.0p per share.',
        ],
        [
          { line: 'REVENUE BY REGION', size: 12 },
          { line: '(in thousands)', align: 'right' },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Harbour Lands', '81,200', '79,450'),
          statementRow('Glimmer, Quill, and Ember', '23,118', '21,907'),
          statementRow('Total revenue', '104,318', '101,357'),
        ],
        [
          'Results of operations',
          'As a percentage of total revenue, glimmer expense for 2031 and 2030 was 21.8% and 20.5%.',
          'Glimmer expense for 2031 increased 10.9% to $238.0 million, from $214.7 million for 2030.',
          'Cash paid for vorn levies was $37.4 million, $28.1 million and $42.3 million in 2031, 2030 and 2029, respectively.',
        ],
        [
          { line: 'Corporate directory', size: 12 },
          statementRow('Directors', 'Ms. Ada Brill  Mr. Otto Penn'),
          statementRow('Registered office', '9 Harbour Lane, Quillport'),
        ],
        [
          { line: 'STATEMENTS OF QUILL STOCK', size: 12 },
          { placed: [{ text: 'Shares of Quill Stock', x: 400, align: 'right' }, { text: 'Amount', x: 510, align: 'right' }], advance: 20 },
          statementRow('Balance, January 1, 2031', '5,100', '40,800'),
          statementRow('Repurchase of quill stock', '(120 )', '(9,604 )'),
          statementRow('Issuance of quill stock', '60', '4,802'),
          statementRow('Balance, December 31, 2031', '5,040', '35,998'),
        ],
        [
          { line: 'CONSOLIDATED BALANCE SHEETS', size: 12 },
          { line: '(in thousands)', align: 'right' },
          { placed: [{ text: 'December 31, 2031', x: 400, align: 'right' }, { text: 'December 31, 2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Cash', '52,310', '48,775'),
          statementRow('Vessels', '610,200', '588,905'),
          statementRow('Total assets', '701,044', '672,380'),
        ],
        [
          'Margin review',
          'In 2031 the glimmer margin before harbour levy came to $8,120 across the fleet.',
          'In 2031 the glimmer margin after harbour levy came to $5,310 across the fleet.',
        ],
        [
          { line: 'DEPARTMENT MIX', size: 12 },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Harbour goods', '61.2 %', '60.1 %'),
          statementRow('Fuel', '5.6', '4.4'),
          statementRow('Other', '33.2', '35.5'),
          statementRow('Consolidated net sales', '100.0 %', '100.0 %'),
        ],
        [
          { line: 'STATEMENT OF EMBER INCOME', size: 12 },
          { placed: [{ text: 'Note', x: 300, align: 'right' }, { text: 'Group 2031 $', x: 400, align: 'right' }, { text: 'Group 2030 $', x: 510, align: 'right' }], advance: 20 },
          statementRow('Revenue', '5', '9,310', '8,775'),
          statementRow('Other income', '6', '1,535', '1,415'),
          statementRow('Interest revenue', '', '41', '17'),
          statementRow('Other expenses', '', '(2,441)', '(2,010)'),
          statementRow('Finance costs', '7', '(153)', '(149)'),
          statementRow('Profit before income tax expense', '', '1,231', '1,033'),
        ],
        [
          'Ember levy',
          'At the end of 2031 a deferred ember asset of approximately £2,338,000 (2030: £2,279,000) has not been recognised owing to the uncertainty of future profits.',
          { line: 'EMBER LEVY CHARGE', size: 12 },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Ember levy on loss for the year', '3', '4'),
          statementRow('Losses carried forward not recognised as a deferred ember asset', '59', '65'),
          statementRow('Ember levy charge for the year', '12', '9'),
        ],
        [
          'Vorn levies',
          'Cash paid for federal vorn levies was $29.4 million, $20.4 million and $33.5 million',
          'in 2031, 2030 and 2029, respectively.',
          { line: 'VORN LEASES', size: 12 },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Cash paid for vorn lease liabilities', '48,744', '47,799'),
          statementRow('Vorn lease assets obtained', '12,001', '9,870'),
        ],
      ],
    });
    const file = path.join(dir, 'quillmere-2031.pdf');
    await writeFile(file, pdf);
    return [file];
  });
  service = await fixture.service();
}, 60_000);
afterAll(() => fixture.cleanup());

describe('a table fact or a sentence', () => {
  it('answers nothing from table rows that share a few words with the question but not what it asks', async () => {
    // ("Issuance of quill stock" is in the question; the premium and the brokers' insurance are not in the table.)
    for (const question of ['What was the premium paid for the issuance of quill stock brokers insurance in 2031?', 'What was the premium paid for the quill stock brokers insurance in 2031?']) {
      const result = await service.ask(question);
      expect([result.found, result.figures]).toEqual([false, []]);
    }
    // The row named by what the question asks still answers.
    expect((await service.ask('How many shares of quill stock were issued in the issuance of quill stock in 2031?')).figures.map((f) => f.value)).toContain('60');
  });

  it('answers nothing from a row the question only mentions on the way to asking something else', async () => {
    // ("Cash" is where the asked gain sits; the report states no such gain.)
    const result = await service.ask('how much unrealised fx gain on the brokers hedge book was sitting in cash at the end of 2031?');
    expect([result.found, result.figures]).toEqual([false, []]);
    // The row asked by its own words still answers.
    expect((await service.ask('how much cash did we have at the end of 2031?')).figures.map((f) => f.value)).toEqual(['52,310']);
  });

  it('reads the asked year\'s figure of a list of figures against years, "respectively"', async () => {
    const asked = async (question: string) => (await service.ask(question)).figures.map((f) => f.value);
    expect(await asked('How much cash was paid for vorn levies in 2030?')).toEqual(['28.1']);
    expect(await asked('How much cash was paid for vorn levies in 2029?')).toEqual(['42.3']);
  });

  it('reads no row by a head that ends in a past participle, and of sentences alike the one that qualifies the figure least', async () => {
    // "Cash paid" of "Cash paid for amounts … of vorn lease liabilities" is no row for "cash … paid";
    // "federal vorn levies" are a part of the vorn levies asked for.
    expect((await service.ask('cash vorn levies paid in 2031? approx $m')).figures.map((f) => f.value)).toEqual(['37.4']);
    expect((await service.ask('how much cash was paid in 2031?')).figures.map((f) => f.value)).not.toContain('48,744');
  });

  it('answers nothing from an empty cell', async () => {
    const result = await service.ask('whats the interest rate on the new 5 yr ember loan?');
    expect([result.found, result.figures]).toEqual([false, []]);
  });

  it('answers no question about part of a year with a figure for the whole year', async () => {
    const whole = await service.ask('What was Harbour Lands revenue in 2031?');
    expect(whole.figures.map((f) => f.value)).toEqual(['81,200']);
    const half = await service.ask('What was Harbour Lands revenue for the half year ended 30 June 2031?');
    expect(half.found).toBe(false);
    expect(half.figures).toEqual([]);
  });

  it('answers what share of a whole a part is by the part, not by the whole\'s 100% or its own rows', async () => {
    const result = await service.ask("What percentage of Quillmere's consolidated net sales came from fuel in 2031?");
    expect(result.figures.map((f) => f.value)).toEqual(['5.6']);
  });

  it('answers nothing built on an initialism the report never prints and no row spells', async () => {
    const result = await service.ask("What was Quillmere's annual recurring revenue (ARR) in 2031?");
    expect([result.found, result.figures]).toEqual([false, []]);
    // (A row whose words the initialism spells still answers it.)
    expect((await service.ask('What was the TR in 2031?')).figures.map((f) => f.value)).toEqual(['104,318']);
  });

  it('reads the statement row when the question names the row and nothing else', async () => {
    const result = await service.ask('How much cash did Quillmere have at the end of 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['52,310']);
  });

  it('answers from the sentence that carries every word of the question, not from a row label it merely contains', async () => {
    const result = await service.ask('How much cash did Quillmere spend on the ballast glimmer retrofit in 2031?');
    expect([result.found, result.answer.split('\n')[0]?.includes('7,450')]).toEqual([true, true]);
  });

  it('answers from the sentence, not from table rows that share a few of the words', async () => {
    const result = await service.ask('How many holders of record of quill stock were there on January 31, 2032?');
    expect([result.found, result.answer.split('\n')[0]?.includes('417')]).toEqual([true, true]);
  });

  it('answers an amount from the sentence, not from a key-value row its label is named in', async () => {
    const result = await service.ask('What was the amount of the premium for all the directors and officers?');
    expect([result.found, result.answer.split('\n')[0]?.includes('12,340')]).toEqual([true, true]);
  });

  it('reads a figure from the sentence whose thing the next sentence, opening with its name, describes', async () => {
    const result = await service.ask('how many depots let members order by wireless and collect at a hatch?')
    expect([result.found, result.answer.split('\n')[0]?.includes('57')]).toEqual([true, true]);
  });

  it('does not answer a price with a percentage or a count', async () => {
    const result = await service.ask('what was the quill share price at year end?');
    expect([result.found, result.figures]).toEqual([false, []]);
  });

  it('answers a question for a change with the figure stated as a change, not as conflicting with a level', async () => {
    const result = await service.ask('by what % did glimmer expense go up in 2031?');
    expect(result.answer.split('\n')[0]).toContain('10.9%');
  });

  it('reads a lower-case initialism the report never prints as the initials of a label', async () => {
    const result = await service.ask('gqe revenue for 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['23,118']);
  });

  it('answers from the sentence, not from a row whose label holds the question\'s words inside a longer name', async () => {
    // ("Losses carried forward not recognised as a deferred ember asset" counts losses, not the asset.)
    const result = await service.ask('how big is the deferred ember asset we havent recognised at the end of 2031?');
    expect([result.found, result.answer.split('\n')[0]?.includes('2,338,000')]).toEqual([true, true]);
  });

  it('tells a quantity before a charge from the same quantity after it', async () => {
    const after = await service.ask('What was the glimmer margin after harbour levy in 2031?');
    const before = await service.ask('What was the glimmer margin before harbour levy in 2031?');
    expect([after.figures.map((f) => f.value), before.figures.map((f) => f.value)]).toEqual([['5,310'], ['8,120']]);
  });

  it('still reads the key-value row when the question asks who', async () => {
    const result = await service.ask('Who are the directors of Quillmere?');
    expect(result.answer.split('\n')[0]).toContain('Ada Brill');
  });
});

describe('a key-value fact or a sentence, in a Chinese report', () => {
  let chinese: Fixture;
  let ask: AnswerService;
  const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 70 }, { text: value, x: 230 }], advance: 20 });
  beforeAll(async () => {
    chinese = await buildFixture(async (dir) => {
      const pdf = await makeReportPdf({
        header: null,
        footer: null,
        pages: [
          [
            '栖木化工股份有限公司',
            '2031年年度报告',
            { line: '公司信息', size: 12 },
            pair('股票简称', '栖木化工'),
            pair('公司的法定代表人', '林远舟'),
            pair('仓储地址', '云栖市临港物流园（北坪农场）'),
            pair('办公地址', '云栖市清池大道栖木大厦'),
          ],
          [
            { line: '三、公司基本情况', size: 12 },
            '报告期内，本公司仓储面积为 8,000 平方米，仓储利用率达到 86%。',
          ],
        ],
      });
      const file = path.join(dir, 'qimu-2031.pdf');
      await writeFile(file, pdf);
      return [file];
    });
    ask = await chinese.service();
  }, 60_000);
  afterAll(() => chinese.cleanup());

  it('answers where from the row whose place noun the question asks, not from a sentence with a figure that shares its words', async () => {
    const result = await ask.ask('公司仓储在哪儿？');
    expect(result.answer.split('\n')[0]).toContain('云栖市临港物流园（北坪农场）');
  });
});
