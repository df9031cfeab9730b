import { describe, expect, it } from 'vitest';
import { plainReportService, zhStatementPage } from './reportFixture.js';

/**
 * A Chinese question that names the whole before the part it asks ("釉料费用明细里窑具费") asks the
 * part, read in the note the whole heads: the statement's row of the whole is no answer to it.
 * Read on an invented Chinese report built as a PDF in the test.
 */
const service = plainReportService('qinghe-glaze-costs-2031.pdf', [
  ['青禾窑业股份有限公司', '2031 年年度报告'],
  zhStatementPage('合并利润表', [
    ['一、营业总收入', '925,158,518.22', '1,037,381,220.58'],
    ['釉料费用', '41,377,205.16', '38,902,114.70'],
    ['五、净利润', '60,112,301.15', '81,442,907.33'],
  ]),
  [
    { line: '七、合并财务报表项目注释', size: 12 },
    ...zhStatementPage('12、釉料费用', [
      ['直接投入费用', '20,118,402.33', '19,004,215.80'],
      ['窑具损耗', '12,530,117.20', '11,871,300.45'],
      ['其他', '8,728,685.63', '8,026,598.45'],
      ['合计', '41,377,205.16', '38,902,114.70'],
    ]),
  ],
]);

const figuresOf = async (question: string) => (await service().ask(question)).figures.map((f) => f.value);

describe('a part asked within the whole a Chinese question names', () => {
  it('is read in the note the whole heads', async () => {
    expect(await figuresOf('釉料费用里直接投入31年多少')).toEqual(['20,118,402.33']);
    expect(await figuresOf('釉料费用明细里面窑具损耗那块，31年花了多少？')).toEqual(['12,530,117.20']);
  });

  it('leaves the whole to a question that asks the whole', async () => {
    expect(await figuresOf('31年釉料费用是多少？')).toEqual(['41,377,205.16']);
  });
});
