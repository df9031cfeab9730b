import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answer/questionAnalysis.js';
import { createTokenizer } from '../../../src/text/tokenize.js';
import { plainReportService } from './reportFixture.js';

/**
 * An invented Chinese annual report: one paragraph states a capital increase of a subsidiary, one the
 * next year's plan; the others give the report's common words their usual weight.
 */
const TOPICS = ['铸件', '轴承', '齿轮', '泵阀', '电机', '模具', '刀具', '链条'];

const service = plainReportService('qimu-deictic-2031.pdf', [
  ['栖木机械股份有限公司', '2031 年年度报告'],
  [
    { line: '七、主要控股参股公司分析', size: 14 },
    '公司于 2031 年 3 月召开董事会，审议通过了《关于向全资子公司增资的议案》，增资完成后栖木投资的注册资本由 2,000 万元人民币增加至 3,500 万元人民币。',
  ],
  [{ line: '3、2032 年经营计划', size: 14 }, '2032 年预计实现销售收入 26 亿元，新品突破 9 万台。'],
  ...TOPICS.map((topic): string[] => [`${topic}业务`, `报告期内，公司${topic}业务保持稳定，销售网络覆盖主要区域，产品质量持续提升。`]),
]);

describe('a demonstrative and its classifier in a Chinese question', () => {
  it('is no word of the match: neither "那笔" nor the bigrams it would form with its neighbours', () => {
    const tokens = analyseQuestion('栖木投资那笔增资之前注册资本多少？', createTokenizer()).tokens;
    expect(tokens.filter((t) => t.includes('那') || t.includes('笔'))).toEqual([]);
    expect(analyseQuestion('这笔贷款利率多少', createTokenizer()).tokens.filter((t) => t.includes('笔'))).toEqual([]);
    // ("那块", "那边": the part or side of what precedes, in chat.)
    expect(analyseQuestion('栖木投资那边的增资那块多少？', createTokenizer()).tokens.filter((t) => t.includes('那') || t.includes('块') || t.includes('边'))).toEqual([]);
  });

  it('leaves the question answered as it would be without it', async () => {
    const result = await service().ask('栖木投资那笔增资之前注册资本多少？');
    expect([result.found, result.answer.split('\n')[0]?.includes('2,000')]).toEqual([true, true]);
  });
});

describe('a modal verb in a Chinese question', () => {
  it('is no word of the match, nor joins its neighbours into bigrams', () => {
    const { tokens } = analyseQuestion('2032年的销售收入计划能做到多少？', createTokenizer());
    expect(tokens.filter((t) => t.includes('能') || t.includes('做'))).toEqual([]);
    // (Other one-character question words keep their bigrams: "到" may open a term cut wrong, 到账额.)
    expect(analyseQuestion('今年到账额多少', createTokenizer()).tokens).toContain('到账');
  });

  it('leaves the plan’s figure answered', async () => {
    const result = await service().ask('2032年的销售收入计划能做到多少？');
    expect([result.found, result.answer.split('\n')[0]?.includes('26 亿元') || result.answer.split('\n')[0]?.includes('26亿元')]).toEqual([true, true]);
  });
});

describe('the end of a year in a Chinese question', () => {
  const fund = plainReportService('qimu-fund-2031.pdf', [
    ['栖木机械股份有限公司', '2031 年年度报告'],
    [{ line: '（一）募集资金使用情况', size: 14 }, '截至 2031 年 12 月 31 日，募集资金专户余额为 4,321.07 万元。'],
    ...TOPICS.map((topic): string[] => [`${topic}业务`, `报告期内，公司${topic}业务保持稳定，年底前完成了销售网络建设。`]),
  ]);

  it('is the moment of the year it names, not a word of the match ("去年底" is 去年)', () => {
    const tokens = analyseQuestion('截至去年底募集资金专户里还剩多少钱', createTokenizer()).tokens;
    expect(tokens.filter((t) => t.includes('底'))).toEqual([]);
    expect(analyseQuestion('截至去年底募集资金专户里还剩多少钱', createTokenizer()).matchText).toContain('截至去年募集');
    expect(analyseQuestion('2031年末专户余额', createTokenizer()).tokens.filter((t) => t.includes('末'))).toEqual([]);
    // (A column's own name keeps its moment: 年末余额 is the close, 年初余额 the opening.)
    expect(analyseQuestion('专户年末余额多少', createTokenizer()).tokens).toContain('年末');
  });

  it('leaves the balance at the year’s close answered', async () => {
    const result = await fund().ask('截至去年底募集资金专户里还剩多少钱');
    expect([result.found, result.answer.split('\n')[0]?.includes('4,321.07')]).toEqual([true, true]);
  });
});
