import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/text/findFigures.js';

const brief = (text: string) => findFigures(text).map(({ value, unit, qualifier }) => `${qualifier}|${value}|${unit}`);

describe('findFigures', () => {
  it('takes a bracketed number pressed against a reference as its subdivision, not an amount', () => {
    const values = (text: string) => findFigures(text).map((f) => f.value);
    expect(values('filed under Item 15(a)(3) of the glimmer rules')).toEqual([]);
    expect(values('registered under Section 12(b) of the Quill Act')).toEqual([]);
    expect(values('Administrative expenses (309) and other costs (1,204)')).toEqual(['309', '1,204']);
  });

  it('takes a small bracketed number that opens a sentence as its list or footnote number, not a figure', () => {
    const values = (text: string) => findFigures(text).map((f) => f.value);
    expect(values('(1) Glimmer receipts for the first quarter were $4.2 million.')).toEqual(['4.2']);
    expect(values('Fees rose. (2) Quill costs fell by 5%.')).toEqual(['5']);
    expect(values('（3）栖木班学员 320 人')).toEqual(['320']);
    expect(values('4) Levies paid in full')).toEqual([]);
    // An amount in brackets after its label, or one in thousands groups, is still an amount.
    expect(values('Glimmer surplus (12) 14')).toEqual(['12', '14']);
    expect(values('(1,577) was the quill deficit')).toEqual(['1,577']);
  });

  it('takes a small number in brackets after a comma, "and" or "or" as the number of an item of a list run into the sentence', () => {
    const values = (text: string) => findFigures(text).map((f) => f.value);
    expect(values('The officers certify that the ledger complies, (2) the quills are counted and (3) the glimmer fairly presents 41 vaults.')).toEqual(['41']);
    expect(values('Levies rose or (4) the fees fell')).toEqual([]);
    // (Not after another word, nor when a number or no word follows: an amount in brackets.)
    expect(values('Glimmer surplus (12) and (15) 16')).toEqual(['12', '15', '16']);
  });

  it('reads the unit with its magnitude and drops the pdf space between number and unit', () => {
    expect(brief('到账经费 799.49 万元')).toEqual(['|799.49|万元']);
  });

  it('prefers the longer counting word when one unit begins another', () => {
    expect(brief('参观人数 28356 人次，为期 4 个月')).toEqual(['|28356|人次', '|4|个月']);
  });

  it('keeps a full-width percent sign as printed', () => {
    expect(brief('比例 63.93％')).toEqual(['|63.93|％']);
  });

  it('reads 余 between a figure and a magnitude', () => {
    expect(brief('产生经济效益 6000 余万元')).toEqual(['余|6000|万元']);
  });

  it('reads 约 before a figure with a symbol unit', () => {
    expect(brief('占地约9450㎡')).toEqual(['约|9450|㎡']);
  });

  it('drops 为 from a hedge such as 约为', () => {
    expect(brief('投资约为 90 万元')).toEqual(['约|90|万元']);
  });

  it('does not read 多 as a hedge when no unit follows it', () => {
    expect(brief('开展 5 多样活动')).toEqual([]);
  });

  it('does not read 多元化 as 多 and the unit 元', () => {
    expect(brief('开展 5 多元化活动，经费 300 多元')).toEqual(['多|300|元']);
  });

  it('skips an ordinal unless it is a 位/名 ranking', () => {
    expect(brief('第 28 次会议，排名第 2 名')).toEqual(['第|2|名']);
  });

  it('skips reference numbers after labels but not counts after ordinary words', () => {
    expect(brief('见案例 3。思政案例16个')).toEqual(['|16|个']);
  });

  it('skips long bare digit strings such as phone numbers', () => {
    expect(brief('咨询电话 13800138000。')).toEqual([]);
  });

  it('reads a long number printed in thousands groups: a quantity, not a code', () => {
    expect(brief('Quorvex granted 42,000,000 glimmer options; its ABN is 12345678901.')).toEqual(['|42,000,000|']);
  });

  it('skips numbers joined to ranges and versions', () => {
    expect(brief('（2022-2024）使用 Fluidsim V3.6 培训')).toEqual([]);
  });

  it('records the offsets of the whole figure and of its number', () => {
    expect(findFigures('就业率超 91%')).toEqual([
      { value: '91', unit: '%', qualifier: '超', currency: '', start: 3, end: 8, valueStart: 5, printed: '超 91%', normalized: { value: 91, scale: 1, currency: '', unit: '%' } },
    ]);
  });

  it('normalises a Chinese amount of money with its magnitude', () => {
    expect(findFigures('到账经费 799.49 万元').map((f) => f.normalized)).toEqual([{ value: 7994900, scale: 1e4, currency: 'CNY', unit: '元' }]);
  });
});

describe('findFigures in English text', () => {
  const english = (text: string) => findFigures(text).map((f) => [f.printed, f.normalized.value, f.normalized.currency, f.normalized.unit]);

  it('reads "-plus" and "+" pressed against a number after it as a hedge, not a sum or a range', () => {
    expect(findFigures('Our 5,700-plus weavers and 10,000+ members met.').map((f) => [f.printed, f.value, f.qualifier])).toEqual([
      ['5,700-plus', '5,700', '-plus'],
      ['10,000+', '10,000', '+'],
    ]);
    expect(findFigures('It ran 3+2 sessions over the 2031-2033 plan.')).toEqual([]);
  });

  it('reads cents and pence as money in hundredths', () => {
    expect(findFigures('a weft dividend of 34 cents and a final dividend of 2.5 pence').map((f) => [f.printed, f.normalized.value, f.normalized.currency])).toEqual([
      ['34 cents', 0.34, '$'],
      ['2.5 pence', 0.025, 'GBP'],
    ]);
  });

  it('keeps the currency as printed beside its code', () => {
    expect(findFigures('It paid US$4.1 million and RMB 300 million.').map((f) => [f.currency, f.normalized.currency])).toEqual([
      ['US$', 'USD'],
      ['RMB', 'CNY'],
    ]);
  });

  it('reads a number after a word, with its currency and scale word', () => {
    expect(english('Net revenue of Zorblat Corp. rose to $1.2 billion, and RMB 300 million was paid out.')).toEqual([
      ['$1.2 billion', 1.2e9, '$', ''],
      ['RMB 300 million', 3e8, 'CNY', ''],
    ]);
  });

  it('reads short scale words only against a currency amount, where they cannot be metres', () => {
    expect(english('The group raised £2.3m for a 400 m track.')).toEqual([
      ['£2.3m', 2.3e6, 'GBP', ''],
      ['400 m', 400, '', 'm'],
    ]);
  });

  it('reads the amounts of a table row printed side by side, but not a note reference before them', () => {
    expect(english('Glimmer surplus for the year 491,955 540,379')).toEqual([
      ['491,955', 491955, '', ''],
      ['540,379', 540379, '', ''],
    ]);
    expect(english('Harbour dues 7 (153,125) 12.50 (149,094)').map(([printed]) => printed)).toEqual(['153,125', '12.50', '149,094']);
  });

  it('reads the last two plain amounts of a row in thousands as the year and its comparative, a note reference before two of them as none', () => {
    const printed = (text: string) => english(text).map(([value]) => value);
    expect([printed('Kiln audit fees 31 27'), printed('Glaze differences on kilns 418 (73)')]).toEqual([['31', '27'], ['418', '73']]);
    expect([printed('Kiln levy 5 31 27'), printed('Kiln levy 5 1,204')]).toEqual([['31', '27'], ['1,204']]);
  });

  it('reads per cent, percentage points and basis points, and a minus sign', () => {
    expect(english('Margin fell to 12.5 percent, down 3 percentage points; rates rose 25 basis points and sales -3.2%.')).toEqual([
      ['12.5 percent', 12.5, '', '%'],
      ['3 percentage points', 3, '', 'pp'],
      ['25 basis points', 25, '', 'bp'],
      ['-3.2%', -3.2, '', '%'],
    ]);
  });

  it('keeps English hedges and counts a noun after a bare number', () => {
    const figures = findFigures('We employed approximately 1,234 people at more than 40 sites.');
    expect(figures.map((f) => [f.qualifier, f.value, f.printed])).toEqual([
      ['approximately', '1,234', 'approximately 1,234'],
      ['more than', '40', 'more than 40'],
    ]);
  });

  it('skips references, dates, years and codes', () => {
    expect(english('See Note 12 and Item 7A on page 45; on December 31, 2031 the Model X5 fleet grew in 2031.')).toEqual([]);
  });
});
