import { describe, expect, it } from 'vitest';
import { factsOfTable, withPrintedAliases } from '../../../src/answer/factAnswerer.js';
import type { ParsedTable, ReportMeta } from '../../../src/store/shapes.js';
import { plainReportService, zhStatementPage } from './reportFixture.js';

/**
 * Labels a report prints the same figures under, year for year, name one quantity: a quarter's row
 * of the one is named by the other's name (and its abbreviation), which the quarters' table never
 * prints. Read on an invented Chinese report built as a PDF in the test, and on invented tables.
 */
const service = plainReportService('qinghe-kiln-2031.pdf', [
  ['青禾窑业股份有限公司', '2031 年年度报告'],
  zhStatementPage(
    '主要会计数据和财务指标',
    [
      ['营业收入（元）', '925,158,518.22', '1,037,381,220.58'],
      ['归属于上市公司股东的净利润（元）', '58,100,412.37', '80,004,166.21'],
      ['归属于上市公司股东的扣除\n非经常性损益的净利润（元）', '50,216,307.95', '71,090,542.60'],
    ],
    ['2031 年', '2030 年'],
  ),
  [
    { line: '分季度主要财务指标', size: 12 },
    {
      table: {
        header: ['项目', '第一季度', '第二季度', '第三季度', '第四季度'],
        rows: [
          ['营业收入', '201,554,101.10', '240,877,342.05', '232,118,905.47', '250,608,169.60'],
          ['归属于上市公司股东的净利润', '12,501,337.20', '16,539,999.97', '14,221,640.02', '14,837,435.18'],
          ['归属于上市公司股东的扣除\n非经常性损益的净利润', '10,940,118.31', '13,706,551.28', '12,381,920.44', '13,187,717.92'],
        ],
        columnWidths: [150, 75, 75, 75, 75],
      },
    },
  ],
  zhStatementPage('合并利润表', [
    ['一、营业总收入', '925,158,518.22', '1,037,381,220.58'],
    ['五、净利润', '60,112,301.15', '81,442,907.33'],
    ['归属于母公司所有者的净利润', '58,100,412.37', '80,004,166.21'],
  ]),
]);

describe('a quarter of a row named by another label of the same figures', () => {
  it('is named by the abbreviation of the statement\'s label (归母 of 归属于母公司所有者的净利润)', async () => {
    const result = await service().ask('Q4那个季度归母净利润有多少？');
    expect(result.figures.map((f) => f.value)).toEqual(['14,837,435.18']);
  });

  it('says the quarter by either writing and the row by either label, as the question does (Q4, 归母)', async () => {
    // (A terse question is mostly those words: the evidence must say them for the row to stand.)
    const result = await service().ask('Q4单季归母净利？');
    expect(result.figures.map((f) => f.value)).toEqual(['14,837,435.18']);
  });

  it('is found among the asker\'s own words, which the report never prints', async () => {
    // (Words no report prints weigh less than the rarest printed one: the evidence cannot say them.)
    const result = await service().ask('咱老板天天念叨的那个Q4单季归母净利到底有多少');
    expect(result.figures.map((f) => f.value)).toEqual(['14,837,435.18']);
  });

  it('is not the answer when the question names what a fuller row of its table adds (扣非 of 扣除非经常性损益)', async () => {
    const result = await service().ask('Q4那个季度扣非归母净利润有多少？');
    expect(result.figures.map((f) => f.value)).not.toContain('14,837,435.18');
  });
});

describe('labels that print the same figures', () => {
  const report = { id: 'qinghe-2031-annual', year: 2031, title: '青禾窑业 2031 年年度报告' } as ReportMeta;
  const period = (year: number) => ({ year, relative: null, pointInTime: false, quarter: null, change: false });
  const table = (id: string, rows: string[][]): ParsedTable => ({
    id,
    title: id,
    page: 9,
    pages: [9],
    header: ['项目', '2031 年', '2030 年'],
    rows,
    rowPages: rows.map(() => 9),
    sourceNote: null,
    section: { id, path: [id] },
    periods: [null, period(2031), period(2030)],
    unit: { printed: '单位：元', unit: '元', currency: 'CNY', factor: 1 },
  });
  const aliasesOf = (tables: ParsedTable[], label: string) =>
    withPrintedAliases(tables.flatMap((t) => factsOfTable({ table: t, report }))).find((f) => f.label === label)?.aliases ?? [];

  it('are one quantity when every year both print agrees', () => {
    const summary = table('主要会计数据', [['归属于上市公司股东的净利润', '58,100,412.37', '80,004,166.21']]);
    const statement = table('合并利润表', [['归属于母公司所有者的净利润', '58,100,412.37', '80,004,166.21']]);
    expect(aliasesOf([summary, statement], '归属于上市公司股东的净利润')).toEqual(['归属于母公司所有者的净利润']);
  });

  it('are two quantities when one year differs, and a short figure equal by chance joins nothing', () => {
    const summary = table('主要会计数据', [['归属于上市公司股东的净利润', '58,100,412.37', '80,004,166.21'], ['研发人员数量', '131', '127']]);
    const restated = table('合并利润表', [['归属于母公司所有者的净利润', '58,100,412.37', '79,998,001.00'], ['技术人员数量', '131', '127']]);
    expect(aliasesOf([summary, restated], '归属于上市公司股东的净利润')).toEqual([]);
    expect(aliasesOf([summary, restated], '研发人员数量')).toEqual([]);
  });
});
