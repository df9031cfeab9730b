import { describe, expect, it } from 'vitest';
import { plainReportService, zhStatementPage } from './reportFixture.js';

/**
 * A Chinese question about another company the report names — a holding, a shareholder — asks that
 * company's figure: none of the report's own rows answers it unless its table names the company.
 * Read on an invented Chinese report built as a PDF in the test.
 */
const service = plainReportService('qinghe-holding-2031.pdf', [
  ['青禾窑业股份有限公司', '2031 年年度报告'],
  [
    { line: '主要参股公司分析', size: 12 },
    '报告期内，公司参股江苏栖木新材料科技有限公司，持股比例为 20%，该公司主要从事釉料研发。',
  ],
  zhStatementPage('合并利润表', [
    ['一、营业总收入', '925,158,518.22', '1,037,381,220.58'],
    ['五、净利润', '60,112,301.15', '81,442,907.33'],
  ]),
]);

const figuresOf = async (question: string) => (await service().ask(question)).figures.map((f) => f.value);

describe('another company a Chinese question names', () => {
  it('is not answered by the report\'s own row', async () => {
    expect(await figuresOf('栖木新材料科技那边31年的净利润是多少？')).toEqual([]);
  });

  it('leaves the report\'s own figure to a question that names no other company', async () => {
    expect(await figuresOf('31年的净利润是多少？')).toEqual(['60,112,301.15']);
  });
});
