import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseReport } from '../../../ingest/ingestReports.js';
import type { ParsedTable } from '../../../src/store/shapes.js';
import { tablesFromLayout } from '../../../ingest/tables/tablesFromLayout.js';
import { findLayoutTables, type LayoutTable } from '../../../ingest/tables/findLayoutTables.js';
import type { CleanLine } from '../../../ingest/types.js';
import { makeReportPdf, makeRuledTablePdf, makeTwoPageTablePdf, type PdfBlock, statementRow, TWO_PAGE_TABLE } from '../../fixtures/pdfs.js';

/**
 * Tables found from where text sits on PDF pages built in the test: ruled and unruled, with period
 * columns, unit lines, wrapped labels, key-value pairs and page breaks. Invented organisations and
 * figures; nothing here comes from a report the project is measured on.
 */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layout-tables-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function tablesOf(pdf: Buffer, name: string): Promise<ParsedTable[]> {
  const file = path.join(work, name);
  await writeFile(file, pdf);
  return (await analyseReport(file, { maxBytes: 10 * 1024 * 1024, year: 2031 })).tables;
}


/** Tables of one page set at 10 pt with no running header or footer. */
const tablesOfPage = async (blocks: PdfBlock[], name: string) => tablesOf(await makeReportPdf({ header: null, footer: null, fontSize: 10, pages: [blocks] }), name);

/** The same line followed by more space (a blank row, or the gap before the text after a table). */
const spaced = (block: PdfBlock, advance: number): PdfBlock => (typeof block === 'object' && 'placed' in block ? { ...block, advance } : block);

describe('tables from the layout of a PDF', () => {
  it('reads a ruled table under its caption, the wrapped cell joined without a space', async () => {
    const [table] = await tablesOf(await makeRuledTablePdf(), 'ruled.pdf');
    expect(table).toMatchObject({
      id: '表 1-1',
      title: '测试表格',
      header: ['序号', '项目名称', '数量（个）'],
      rows: [
        ['1', '省级专业群', '3'],
        ['2', '国家级职业教育教师教学创新团队', '2'],
        ['3', '校企合作企业', '120'],
      ],
      sourceNote: '数据来源：测试学院教务处',
      section: { id: '表 1-1', path: ['1.1 专业建设', '表 1-1 测试表格'] },
    });
  });

  it('joins a table printed over two pages and drops the header printed again', async () => {
    const tables = await tablesOf(await makeTwoPageTablePdf(), 'two-page.pdf');
    expect(tables.map((t) => [t.id, t.pages, t.header])).toEqual([['表 2-1', [2, 3], [...TWO_PAGE_TABLE.header]]]);
    expect(tables[0]?.rows).toEqual([...TWO_PAGE_TABLE.firstPageRows, ...TWO_PAGE_TABLE.secondPageRows]);
    expect(tables[0]?.rowPages).toEqual([2, 2, 3, 3]);
  });

  it('reads an unruled statement: title line, unit line, period columns, label-only rows and a wrapped label', async () => {
    const pdf = await makeReportPdf({
      pages: [
        [
          '五、财务报表',
          { line: '1、合并资产负债表', size: 12 },
          { line: '单位：元', align: 'right' },
          { placed: [{ text: '项目', x: 120 }, { text: '2031 年 12 月 31 日', x: 400, align: 'right' }, { text: '2030 年 12 月 31 日', x: 510, align: 'right' }], advance: 20 },
          { placed: [{ text: '流动资产：', x: 60 }], advance: 20 },
          statementRow('货币资金', '1,234,567.89', '987,654.32'),
          statementRow('应收账款', '45,000.00', '—'),
          { placed: [{ text: '以公允价值计量且其变动计入', x: 70 }], advance: 15 },
          statementRow('当期损益的金融资产', '3,200.50', '2,100.00'),
          statementRow('流动资产合计', '1,282,768.39', '989,754.32'),
          '以上为合并报表数据，详见附注。',
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'statement.pdf');
    expect(table?.title).toBe('合并资产负债表');
    expect(table?.header).toEqual(['项目', '2031 年 12 月 31 日', '2030 年 12 月 31 日']);
    expect(table?.rows).toEqual([
      ['流动资产：', '', ''],
      ['货币资金', '1,234,567.89', '987,654.32'],
      ['应收账款', '45,000.00', '—'],
      ['以公允价值计量且其变动计入当期损益的金融资产', '3,200.50', '2,100.00'],
      ['流动资产合计', '1,282,768.39', '989,754.32'],
    ]);
    expect(table?.unit).toEqual({ printed: '单位：元', unit: '元', currency: 'CNY', factor: 1 });
    expect(table?.periods?.map((p) => p && [p.year, p.pointInTime])).toEqual([null, [2031, true], [2030, true]]);
  });

  it('reads a line of bare years under the column heads as the heads\' last line, dating them', async () => {
    const heads = (...texts: string[]): PdfBlock => ({ placed: texts.map((text, i) => ({ text, x: 400 + i * 110, align: 'right' as const })), advance: 20 });
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          { line: 'Directors’ interests in kiln shares', size: 12 },
          'The directors who held office at the year end had the following interests in ordinary shares:',
          heads('31 December', '31 December'),
          heads('2031', '2030'),
          heads('No:', 'No:'),
          statementRow('O Vale', '2,012,122', '2,012,122'),
          statementRow('I Marrow', '47,783,284', '39,931,011'),
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'interests.pdf');
    expect(table?.header.slice(1)).toEqual(['31 December 2031 No:', '31 December 2030 No:']);
    expect(table?.periods?.map((p) => p && [p.year, p.pointInTime])).toEqual([null, [2031, true], [2030, true]]);
    expect(table?.rows).toEqual([
      ['O Vale', '2,012,122', '2,012,122'],
      ['I Marrow', '47,783,284', '39,931,011'],
    ]);
  });

  it('keeps a statement whole across a long label wrapped without figures and a row of dashes', async () => {
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          { line: 'CONSOLIDATED BALANCE SHEETS', size: 12, align: 'centre' },
          { placed: [{ text: 'December 31, 2031', x: 400, align: 'right' }, { text: 'December 31, 2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Total liabilities', '993,304', '946,905'),
          { placed: [{ text: 'Stockholders’ equity:', x: 60 }], advance: 20 },
          { placed: [{ text: 'Preferred quill stock, par $.01; 10,000 authorized;', x: 70 }], advance: 14 },
          { placed: [{ text: 'zero shares issued and outstanding', x: 80 }, { text: '-', x: 400, align: 'right' }, { text: '-', x: 510, align: 'right' }], advance: 20 },
          statementRow('Additional paid-in capital', '495,189', '488,303'),
          statementRow('Total stockholders’ equity', '355,249', '440,244'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'wrapped-label.pdf');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.header).toEqual(['', 'December 31, 2031', 'December 31, 2030']);
    expect(tables[0]?.rows.at(-1)).toEqual(['Total stockholders’ equity', '355,249', '440,244']);
  });

  it('joins a label that runs on at the rows\' own pitch: a next line in lower case, one closing the label\'s bracket, or a bracketed qualifier, from its edge or a hanging indent', async () => {
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          { line: 'Quill levy reconciliation', size: 12 },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
          statementRow('Loss before quill levy', '(412)', '(377)'),
          statementRow('Loss before quill levy multiplied by the standard'),
          statementRow('rate of quill levy of 21% (2030:'),
          statementRow('21%)', '(87)', '(79)'),
          statementRow('Glimmer credits not recognised as a deferred'),
          statementRow('levy asset', '64', '58'),
          statementRow('Effects of:'),
          statementRow('Items not deductible', '12', '9'),
          statementRow('Quill levy charge', '(11)', '(12)'),
          statementRow('Change in quill price at year end'),
          statementRow('(pence per quill)', '1.20', '(1.00)'),
          // (A hanging indent: the label's next line starts right of its first.)
          statementRow('Issuance of quill stock pursuant to employee quill'),
          { placed: [{ text: 'purchase plan', x: 85 }, { text: '68', x: 400, align: 'right' }, { text: '57', x: 510, align: 'right' }], advance: 20 },
          statementRow('2. Glimmer fees'),
          { placed: [{ text: 'a. Startup glimmer fees', x: 85 }, { text: '40', x: 400, align: 'right' }, { text: '35', x: 510, align: 'right' }], advance: 20 },
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'label-runs-on.pdf');
    expect(table?.rows).toEqual([
      ['Loss before quill levy', '(412)', '(377)'],
      ['Loss before quill levy multiplied by the standard rate of quill levy of 21% (2030: 21%)', '(87)', '(79)'],
      ['Glimmer credits not recognised as a deferred levy asset', '64', '58'],
      ['Effects of:', '', ''],
      ['Items not deductible', '12', '9'],
      ['Quill levy charge', '(11)', '(12)'],
      // (A line that is only a bracketed qualifier qualifies the label above it.)
      ['Change in quill price at year end (pence per quill)', '1.20', '(1.00)'],
      ['Issuance of quill stock pursuant to employee quill purchase plan', '68', '57'],
      // (A lower-case list marker opens an item of its own.)
      ['2. Glimmer fees', '', ''],
      ['a. Startup glimmer fees', '40', '35'],
    ]);
  });

  it('parts the columns where the rows\' figures part, under headings that reach across two of them', async () => {
    const at = (...cells: Array<[string, number]>): PdfBlock => ({ placed: cells.map(([text, x], i) => ({ text, x, align: i === 0 ? ('left' as const) : ('right' as const) })), advance: 12 });
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          { line: 'Quill pay mix', size: 12 },
          { placed: [{ text: 'Glimmer-based', x: 330 }, { text: 'Glimmer-based', x: 450 }], advance: 12 },
          { placed: [{ text: 'Fixed pay', x: 200 }, { text: 'pay - short term', x: 330 }, { text: 'pay - long term', x: 450 }], advance: 12 },
          at(['Name', 70], ['2031', 230], ['2030', 290], ['2031', 360], ['2030', 420], ['2031', 480], ['2030', 540]),
          at(['Ms. Ada Brill', 70], ['94.86%', 230], ['93.07%', 290], ['5.14%', 360], ['6.93%', 420], ['-', 480], ['-', 540]),
          at(['Mr. Otto Penn', 70], ['96.67%', 230], ['94.49%', 290], ['3.33%', 360], ['5.51%', 420], ['-', 480], ['-', 540]),
          at(['Ms. Lin Vorn', 70], ['100.00%', 230], ['100.00%', 290], ['-', 360], ['-', 420], ['-', 480], ['-', 540]),
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'group-headings.pdf');
    expect(table?.rows[0]).toEqual(['Ms. Ada Brill', '94.86%', '93.07%', '5.14%', '6.93%', '-', '-']);
  });

  it('takes the title from above the unit line, never a column-group line centred under it', async () => {
    const pdf = await makeReportPdf({
      pages: [
        [
          { line: '（2）对联营企业投资', size: 12 },
          { line: '单位：元', align: 'right' },
          { line: '本期增减变动', align: 'centre' },
          { placed: [{ text: '被投资单位', x: 60 }, { text: '期初余额', x: 400, align: 'right' }, { text: '追加投资', x: 510, align: 'right' }], advance: 20 },
          statementRow('青禾蓝湾材料有限公司', '1,200,000.00', '300,000.00'),
          statementRow('青禾北岭科技有限公司', '800,000.00', '—'),
          statementRow('合计', '2,000,000.00', '300,000.00'),
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'group-line.pdf');
    expect(table?.title).toBe('对联营企业投资');
    expect(table?.rows[0]).toEqual(['青禾蓝湾材料有限公司', '1,200,000.00', '300,000.00']);
  });

  it('reads an English statement: currency signs beside amounts, parenthesised negatives, a unit note and two period columns', async () => {
    const pdf = await makeReportPdf({
      header: 'Northwind Widgets, Inc. Annual Report 2031',
      footer: (page) => `Page ${page}`,
      pages: [
        [
          { line: 'CONSOLIDATED STATEMENTS OF INCOME', size: 12, align: 'centre' },
          '(in thousands, except per share data)',
          { placed: [{ text: 'December 31, 2031', x: 400, align: 'right' }, { text: 'December 31, 2030', x: 510, align: 'right' }], advance: 18 },
          { placed: [{ text: 'Net sales', x: 60 }, { text: '$', x: 330 }, { text: '512,300', x: 400, align: 'right' }, { text: '$', x: 440 }, { text: '498,100', x: 510, align: 'right' }], advance: 14 },
          { placed: [{ text: 'Cost of sales', x: 60 }, { text: '(401,200)', x: 400, align: 'right' }, { text: '(390,050)', x: 510, align: 'right' }], advance: 14 },
          { placed: [{ text: 'Other income (expense)', x: 60 }, { text: '—', x: 400, align: 'right' }, { text: '1,020', x: 510, align: 'right' }], advance: 14 },
          { placed: [{ text: 'Net income', x: 60 }, { text: '$', x: 330 }, { text: '111,100', x: 400, align: 'right' }, { text: '$', x: 440 }, { text: '109,070', x: 510, align: 'right' }], advance: 24 },
          'See the notes to the consolidated financial statements, which are part of this report.',
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'income.pdf');
    expect(table?.title).toBe('CONSOLIDATED STATEMENTS OF INCOME');
    expect(table?.header).toEqual(['', 'December 31, 2031', 'December 31, 2030']);
    expect(table?.rows).toEqual([
      ['Net sales', '$ 512,300', '$ 498,100'],
      ['Cost of sales', '(401,200)', '(390,050)'],
      ['Other income (expense)', '—', '1,020'],
      ['Net income', '$ 111,100', '$ 109,070'],
    ]);
    expect(table?.unit).toMatchObject({ factor: 1000, currency: '' });
    expect(table?.periods?.map((p) => p?.year ?? null)).toEqual([null, 2031, 2030]);
  });

  it('reads whole amounts set close under a row\'s amounts as an unlabelled subtotal row, not as their wrapped end', async () => {
    const row = (label: string, a: string, b: string, advance: number): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: a, x: 400, align: 'right' }, { text: b, x: 510, align: 'right' }], advance });
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          { line: 'Note 10. Quill receivables', size: 12 },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 18 },
          row('Trade quill receivables', '704,215', '431,908', 18),
          { placed: [{ text: 'Research and development glimmer', x: 60 }], advance: 11 },
          row('incentives', '1,122,470', '918,306', 18),
          row('Prepayments', '812,093', '126,451', 11),
          { placed: [{ text: '2,638,778', x: 400, align: 'right' }, { text: '1,476,665', x: 510, align: 'right' }], advance: 18 },
          row('Allowance for credit losses', '(12,000)', '(9,000)', 24),
          'The allowance is reviewed every year by the glimmer committee of the board.',
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'subtotal.pdf');
    expect(table?.rows).toEqual([
      ['Trade quill receivables', '704,215', '431,908'],
      ['Research and development glimmer incentives', '1,122,470', '918,306'],
      ['Prepayments', '812,093', '126,451'],
      ['', '2,638,778', '1,476,665'],
      ['Allowance for credit losses', '(12,000)', '(9,000)'],
    ]);
  });

  it('moves a year set left of its figures onto their column, though a column-group label over both names that column by its start', async () => {
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          'As of March 31, 2031 and 2030, the share of net billed quill receivables from these customers was:',
          { placed: [{ text: 'As of March 31,', x: 410 }], advance: 12 },
          { placed: [{ text: '2031', x: 406, align: 'right' }, { text: '2030', x: 497, align: 'right' }], advance: 14 },
          { placed: [{ text: 'Quorvex', x: 76 }, { text: '22 %', x: 445, align: 'right' }, { text: '23 %', x: 535, align: 'right' }], advance: 14 },
          { placed: [{ text: 'Brill', x: 76 }, { text: '17 %', x: 445, align: 'right' }, { text: '20 %', x: 535, align: 'right' }], advance: 24 },
          'We expect these customers to remain large for some years.',
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'grouped-years.pdf');
    const yearOf = (cell: string) => table?.header[table.rows[0]?.indexOf(cell) ?? -1];
    expect([yearOf('22 %'), yearOf('23 %')]).toEqual(['As of March 31, 2031', 'As of March 31, 2030']);
  });

  it('reads labels beside their values as a key-value table with no header', async () => {
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: value, x: 200 }], advance: 20 });
    const pdf = await makeReportPdf({
      pages: [
        [
          { line: '一、公司信息', size: 12 },
          { placed: [{ text: '股票简称', x: 60 }, { text: '远山科技', x: 200 }, { text: '股票代码', x: 340 }, { text: '600999', x: 450 }], advance: 20 },
          pair('公司的中文名称', '远山科技股份有限公司'),
          pair('公司的法定代表人', '林青山'),
          pair('注册地址', '青州市云岭路 18 号'),
          '二、联系人和联系方式',
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'company.pdf');
    expect(table).toMatchObject({ title: '公司信息', keyValue: true, header: ['', '', '', ''] });
    expect(table?.rows).toEqual([
      ['股票简称', '远山科技', '股票代码', '600999'],
      ['公司的中文名称', '远山科技股份有限公司', '', ''],
      ['公司的法定代表人', '林青山', '', ''],
      ['注册地址', '青州市云岭路 18 号', '', ''],
    ]);
  });

  it('parts a percentage from the next year\'s amount whose currency sign stands close after it', async () => {
    const row = (label: string, cells: Array<[string, number]>): PdfBlock => ({ placed: [{ text: label, x: 60 }, ...cells.map(([text, x]) => ({ text, x, align: 'right' as const }))], advance: 14 });
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      fontSize: 10,
      pages: [
        [
          'Net sales by product category',
          { placed: [{ text: '2031', x: 300, align: 'right' }, { text: '2030', x: 440, align: 'right' }], advance: 14 },
          { placed: [{ text: 'Glimmer', x: 60 }, { text: '$ 3,978,397', x: 300, align: 'right' }, { text: '84.7 %', x: 345, align: 'right' }, { text: '$', x: 349 }, { text: '3,633,023', x: 440, align: 'right' }, { text: '86.1 %', x: 490, align: 'right' }], advance: 14 },
          row('Quills', [['441,840', 300], ['9.4', 345], ['399,128', 440], ['9.4', 490]]),
          row('Kilns', [['263,265', 300], ['5.6', 345], ['183,631', 440], ['4.3', 490]]),
          'Every category is sold in every region the Company serves, through the same depots and the same shops.',
        ],
      ],
    });
    const table = (await tablesOf(pdf, 'shares-beside-amounts.pdf')).find((t) => t.rows.some((r) => r[0] === 'Kilns'));
    expect(table?.rows).toEqual([
      ['Glimmer', '$ 3,978,397', '84.7 %', '$ 3,633,023', '86.1 %'],
      ['Quills', '441,840', '9.4', '399,128', '9.4'],
      ['Kilns', '263,265', '5.6', '183,631', '4.3'],
    ]);
  });

  it('reads a directory whose values run on over lines of their own as one key-value table', async () => {
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: value, x: 220 }], advance: 14 });
    const more = (value: string): PdfBlock => ({ placed: [{ text: value, x: 220 }], advance: 14 });
    const pdf = await makeReportPdf({
      pages: [
        [
          { line: 'Corporate directory', size: 12 },
          pair('Company secretary', 'Ms Wren Calloway'),
          pair('Share register', 'Quillstone Registry Services'),
          more('12 Ember Street'),
          more('GLIMMERTON, VIC 3999'),
          pair('Auditor', 'Brackwater Audit Partners'),
          more('Tower 7, 88 Lantern Road'),
          more('QUILLPORT, VIC 3998'),
          pair('Bankers', 'Harbourline Bank Limited'),
          pair('Website', 'www.glimmer-example.test'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'directory.pdf');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ title: 'Corporate directory', keyValue: true });
    expect(tables[0]?.rows.filter((r) => r[0] !== '').map((r) => r.slice(0, 2))).toEqual([
      ['Company secretary', 'Ms Wren Calloway'],
      ['Share register', 'Quillstone Registry Services'],
      ['Auditor', 'Brackwater Audit Partners'],
      ['Bankers', 'Harbourline Bank Limited'],
      ['Website', 'www.glimmer-example.test'],
    ]);
  });

  it('does not read two columns of text side by side as a key-value table', async () => {
    const both = (left: string, right: string): PdfBlock => ({ placed: [{ text: left, x: 60 }, { text: right, x: 300 }], advance: 14 });
    const right = (text: string): PdfBlock => ({ placed: [{ text, x: 300 }], advance: 14 });
    const left = (text: string): PdfBlock => ({ placed: [{ text, x: 60 }], advance: 14 });
    const pdf = await makeReportPdf({
      pages: [
        [
          { line: 'CORPORATE DIRECTORY', size: 12 },
          both('DIRECTORS', 'HARBOUR OFFICE'),
          both('Wren Calloway', '12 Ember Street'),
          both('Executive Chair', 'Glimmerton 3999'),
          left('Otto Penn'),
          left('Non-Executive Director'),
          right('SHARE REGISTRY'),
          both('Ada Brill', 'Quillstone Registry Services'),
          left('Non-Executive Director'),
          right('STOCK EXCHANGE LISTING'),
          both('OFFICERS', 'Glimmer Stock Exchange'),
          both('Ivo Marsh', 'Code: QLM'),
          both('Company Secretary', 'www.quill-example.test'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'two-columns.pdf');
    expect(tables.map((t) => t.keyValue ?? false)).not.toContain(true);
  });

  it('takes a row of short titles over a column of numbers as the header', async () => {
    const person = (name: string, age: string, title: string): PdfBlock => ({ placed: [{ text: name, x: 60 }, { text: age, x: 240 }, { text: title, x: 290 }], advance: 14 });
    const tables = await tablesOfPage(
      [
        { line: 'Information about our glimmer officers', size: 12 },
        'The following sets forth the names and ages of the officers as of March 1, 2032:',
        person('Name', 'Age', 'Title'),
        person('Wren A. Calloway (a)', '57', 'Senior Vice President of Quills'),
        person('Otto B. Penn (b)', '61', 'Chief Glimmer Officer'),
        person('Ada C. Brill (c)', '49', 'Treasurer'),
      ],
      'officers.pdf',
    );
    expect(tables.map((t) => [t.header, t.rows.length])).toEqual([[['Name', 'Age', 'Title'], 3]]);
    // (Pairs stay pairs: a name over figures in two columns is one more label and its value.)
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: value, x: 240 }], advance: 14 });
    const pairs = await tablesOfPage([{ line: 'Company profile', size: 12 }, pair('Company name', 'Quillmere Ltd'), pair('Registered capital', '5,000'), pair('Employees', '1,200')], 'profile.pdf');
    expect(pairs.map((t) => t.keyValue)).toEqual([true]);
  });

  it('ends a table before a line under it that runs across its value columns, and the lines after that', async () => {
    const tables = await tablesOfPage(
      [
        { line: 'Board meetings', size: 12 },
        { placed: [{ text: 'Attended', x: 250, align: 'right' }, { text: 'Held', x: 330, align: 'right' }], advance: 20 },
        { placed: [{ text: 'Ms. Ember Quill', x: 70 }, { text: '4', x: 250, align: 'right' }, { text: '4', x: 330, align: 'right' }], advance: 20 },
        { placed: [{ text: 'Mr. Cinder Heron', x: 70 }, { text: '3', x: 250, align: 'right' }, { text: '4', x: 330, align: 'right' }], advance: 20 },
        // (Short of the text's right edge, as a row label may be, but across the value columns.)
        { placed: [{ text: 'Held: meetings held while the director was in office.', x: 70 }], advance: 20 },
        { placed: [{ text: 'Lantern report', x: 70 }], advance: 20 },
        'The Lantern report sets out how the directors of Qinghe Widgets were paid over the year under review.',
      ],
      'note-under-table.pdf',
    );
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['Ms. Ember Quill', '4', '4'],
        ['Mr. Cinder Heron', '3', '4'],
      ],
    ]);
  });

  it('takes no line of the column heads in their small type for the title, though it stands near the middle', async () => {
    const lifeRow = (label: string, life: string, a: string, b: string): PdfBlock => ({
      placed: [{ text: label, x: 70 }, { text: life, x: 260 }, { text: a, x: 420, align: 'right' }, { text: b, x: 520, align: 'right' }],
      advance: 16,
    });
    const tables = await tablesOfPage(
      [
        { line: 'Quill equipment', size: 12 },
        'Quill equipment at Qinghe Widgets at the end of the year consisted of the following.',
        { placed: [{ text: 'Service Lives', x: 245 }], size: 7, advance: 10 },
        { placed: [{ text: '(Years)', x: 255 }, { text: 'December 31, 2031', x: 420, align: 'right' }, { text: 'December 31, 2030', x: 520, align: 'right' }], size: 7, advance: 14 },
        lifeRow('Ember tools', '3-6', '85,432', '85,501'),
        lifeRow('Cinder fittings', '10', '23,996', '25,183'),
        lifeRow('Lantern plant', '3-8', '65,949', '68,583'),
      ],
      'column-head-lines.pdf',
    );
    expect(tables).toHaveLength(1);
    // (No title of its own: it is named by the heading over it.)
    expect(tables[0]?.title).toBe('Quill equipment');
    expect(tables[0]?.rows.map((r) => r[0])).toEqual(['Ember tools', 'Cinder fittings', 'Lantern plant']);
  });

  it('carries an unruled table over a page break without a repeated header', async () => {
    const pdf = await makeReportPdf({
      pages: [
        ['1.1 经营情况', { placed: [{ text: '项目', x: 60 }, { text: '本期发生额', x: 400, align: 'right' }, { text: '上期发生额', x: 510, align: 'right' }], advance: 20 }, statementRow('营业收入', '900.00', '800.00'), statementRow('营业成本', '500.00', '450.00')],
        [statementRow('销售费用', '30.00', '28.00'), statementRow('管理费用', '40.00', '39.00'), '以上费用均按权责发生制确认。'],
        ['1.2 其他事项', '本年度无其他需要说明的事项。'],
      ],
    });
    const tables = await tablesOf(pdf, 'over-break.pdf');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.map((r) => r[0])).toEqual(['营业收入', '营业成本', '销售费用', '管理费用']);
    expect(tables[0]?.rowPages).toEqual([1, 1, 2, 2]);
    expect(tables[0]?.periods?.map((p) => p?.relative ?? null)).toEqual([null, 'current', 'previous']);
  });

  it('spreads column-group labels over the columns under them and keeps a statement whole across blank rows', async () => {
    const amounts = (label: string, ...values: string[]): PdfBlock => ({
      placed: [{ text: label, x: 60 }, ...values.map((text, i) => ({ text, x: 330 + i * 65, align: 'right' as const }))],
      advance: 14,
    });
    const pdf = await makeReportPdf({
      pages: [
        [
          { line: 'Statement of financial position', size: 12 },
          'As at 30 June 2031',
          { placed: [{ text: 'Group', x: 290 }, { text: 'Holding entity', x: 420 }], advance: 14 },
          { placed: ['2031', '2030', '2031', '2030'].map((text, i) => ({ text, x: 330 + i * 65, align: 'right' as const })), advance: 14 },
          { placed: ["$'000", "$'000", "$'000", "$'000"].map((text, i) => ({ text, x: 330 + i * 65, align: 'right' as const })), advance: 14 },
          amounts('Cash at bank', '1,204', '998', '12', '9'),
          amounts('Receivables', '340', '(25)', '-', '-'),
          spaced(amounts('Total current assets', '1,544', '973', '12', '9'), 32),
          amounts('Plant and equipment', '2,010', '1,870', '-', '-'),
          amounts('Total assets', '3,554', '2,843', '12', '9'),
        ],
      ],
    });
    const [table, ...rest] = await tablesOf(pdf, 'groups.pdf');
    expect(rest).toEqual([]);
    expect(table?.title).toBe('Statement of financial position');
    expect(table?.header).toEqual(['', "Group 2031 $'000", "Group 2030 $'000", "Holding entity 2031 $'000", "Holding entity 2030 $'000"]);
    expect(table?.rows.map((r) => r[0])).toEqual(['Cash at bank', 'Receivables', 'Total current assets', 'Plant and equipment', 'Total assets']);
    expect(table?.unit).toMatchObject({ unit: '$ thousand', factor: 1000 });
  });

  it('keeps a wrapped label whose value sits beside its middle line in its key-value row', async () => {
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: value, x: 200 }], advance: 20 });
    const pdf = await makeReportPdf({
      pages: [
        [
          { line: '一、公司信息', size: 12 },
          pair('股票代码', '688321'),
          pair('公司的中文名称', '青禾智造股份有限公司'),
          pair('公司的外文名称', 'Qinghe Zhizao Co., Ltd'),
          { placed: [{ text: '公司的外文名称缩写（如', x: 60 }], advance: 8 },
          { placed: [{ text: 'Qinghe ZZ', x: 200 }], advance: 8 },
          { placed: [{ text: '有）', x: 60 }], advance: 20 },
          pair('公司的法定代表人', '程远舟'),
          pair('注册地址', '云水市兰台路 6 号'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'wrapped-pair.pdf');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.map((r) => r.slice(0, 2))).toEqual([
      ['股票代码', '688321'],
      ['公司的中文名称', '青禾智造股份有限公司'],
      ['公司的外文名称', 'Qinghe Zhizao Co., Ltd'],
      ['公司的外文名称缩写（如有）', 'Qinghe ZZ'],
      ['公司的法定代表人', '程远舟'],
      ['注册地址', '云水市兰台路 6 号'],
    ]);
  });

  it('keeps a directory whole where a line running on in the value column happens to sit centred on the page', async () => {
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: value, x: 220 }], advance: 14 });
    const more = (value: string): PdfBlock => ({ placed: [{ text: value, x: 220 }], advance: 14 });
    const pdf = await makeReportPdf({
      header: null,
      footer: null,
      pages: [
        [
          { line: 'Corporate directory', size: 12 },
          'Brackwater Quills Ltd keeps its register and its books at the offices below, and the Board',
          'answers letters to either of them within the month.',
          pair('Registered office', '14 Ember Street'),
          more('GLIMMERTON, VIC 3999'),
          more('Telephone: + 61 3 9000 1234 (office hours only)'),
          pair('Share register', 'Quillstone Registry Services'),
          more('QUILLPORT, VIC 3998'),
          pair('Website', 'www.glimmer-example.test'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'centred-directory.pdf');
    expect(tables.map((t) => t.rows.filter((r) => r[0] !== '').map((r) => r[0]))).toEqual([['Registered office', 'Share register', 'Website']]);
  });

  it('starts a statement at its title on the next page, though a table of words ends the page before on a lone line', async () => {
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 56 }, { text: value, x: 220 }], advance: 14 });
    const pdf = await makeReportPdf({
      header: null,
      pages: [
        [
          { line: 'Reserves', size: 12 },
          pair('Quill reserve', 'amounts set aside for the renewal of quill'),
          pair('Retained earnings', 'cumulative net gains and losses recognised in the'),
          { placed: [{ text: 'statement of comprehensive income', x: 56 }], advance: 14 },
        ],
        [
          'Group Statement of Cash Flows',
          'For the year ended 31 December 2031',
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 14 },
          statementRow('Receipts from glimmer sales', '4,120', '3,870'),
          statementRow('Purchase of quills', '(411)', '(120)'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'words-then-statement.pdf');
    const flows = tables.find((t) => t.rows.some((r) => r[0] === 'Purchase of quills'));
    expect([flows?.title, flows?.page, flows?.rows.some((r) => (r[0] ?? '').startsWith('Retained'))]).toEqual(['Group Statement of Cash Flows', 2, false]);
  });

  it('starts a new table under a title at the top of the next page, after a signature block', async () => {
    // Titles in the body size, as some reports print them: only the layout tells them from a row.
    const statement = (title: string, first: string): PdfBlock[] => [
      title,
      'At 31 December 2031',
      { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 14 },
      statementRow(first, '7,241', '5,901'),
      spaced(statementRow('Total equity', '7,164', '5,822'), 70),
    ];
    const pdf = await makeReportPdf({
      header: null,
      pages: [
        [...statement('Group Statement of Financial Position', 'Total assets'), { placed: [{ text: 'A. Marlowe', x: 56 }, { text: 'B. Quist', x: 200 }], advance: 14 }, { placed: [{ text: 'Director', x: 56 }, { text: 'Director', x: 200 }], advance: 14 }],
        statement('Parent Statement of Financial Position', 'Investments'),
      ],
    });
    const tables = await tablesOf(pdf, 'signatures.pdf');
    const statements = tables.filter((t) => t.rows.some((r) => r[0] === 'Total equity'));
    expect(statements.map((t) => [t.title, t.page, t.rows[0]?.[0]])).toEqual([
      ['Group Statement of Financial Position', 1, 'Total assets'],
      ['Parent Statement of Financial Position', 2, 'Investments'],
    ]);
  });

  it('names a table by a capitals title that runs on with its period, and never by a sentence above it', async () => {
    const pdf = await makeReportPdf({
      header: null,
      pages: [
        [
          { line: 'CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (LOSS) FOR THE YEARS ENDED DECEMBER 31, 2031, 2030 AND 2029', size: 7 },
          { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 14 },
          statementRow('Net income', '1,200', '(300)'),
          statementRow('Translation adjustment', '45', '12'),
          spaced(statementRow('Comprehensive income', '1,245', '(288)'), 40),
          'The amounts below are presented in the currency of the Zorblat Islands.',
          { placed: [{ text: 'Owned', x: 400, align: 'right' }, { text: 'Leased', x: 510, align: 'right' }], advance: 14 },
          statementRow('Vessels', '9,000', '8,100'),
          statementRow('Cash', '700', '650'),
        ],
      ],
    });
    const tables = await tablesOf(pdf, 'caps-title.pdf');
    expect(tables.map((t) => t.title)).toEqual(['CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (LOSS)', '']);
  });

  it('takes no line wholly in brackets for a table title: it is a note on the line above it', async () => {
    const tables = await tablesOfPage(
      [
        { line: 'Quorvex Kilns, Inc.', size: 14 },
        '(Exact name of kiln works as specified in its charter)',
        { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 14 },
        statementRow('Kilns fired', '1,200', '1,100'),
        statementRow('Glazes mixed', '450', '420'),
        statementRow('Tiles sold', '9,000', '8,100'),
      ],
      'bracketed-note.pdf',
    );
    expect(tables.map((t) => t.title)).toEqual(['']);
  });

  it('does not take a label-only row above the rows for the title of a table that opens with rows', async () => {
    const pdf = await makeReportPdf({
      header: null,
      pages: [
        [
          '2.3 Fleet costs',
          'The costs of running the fleet were as follows in the year under review.',
          { placed: [{ text: 'Cost', x: 70 }], advance: 18 },
          statementRow('Fuel', '1,200', '1,100'),
          statementRow('Crew', '800', '760'),
          statementRow('Repairs', '300', '280'),
        ],
      ],
    });
    const [table] = await tablesOf(pdf, 'label-row.pdf');
    // The heading just above names it; the label-only row right above the rows does not.
    expect(table?.title).toBe('2.3 Fleet costs');
  });

  it('does not take numbered paragraphs for a two-column table', async () => {
    const pdf = await makeReportPdf({
      pages: [
        [
          '2.1 主要工作',
          { placed: [{ text: '1.', x: 60 }, { text: '学校完善了教学质量保证体系，建立了常态化的诊断与改进机制。', x: 80 }] },
          { placed: [{ text: '2.', x: 60 }, { text: '学校深化了产教融合，与多家企业共建了产业学院和实训基地。', x: 80 }] },
          { placed: [{ text: '3.', x: 60 }, { text: '学校推进了数字化转型，建成了覆盖全校的智慧教学平台。', x: 80 }] },
        ],
      ],
    });
    expect(await tablesOf(pdf, 'numbered.pdf')).toEqual([]);
  });

  it('starts a new table at a note title above a column-group line, and keeps the title out of the rows', async () => {
    const group: PdfBlock = { placed: [{ text: 'Consolidated', x: 455 }], advance: 16 };
    const tables = await tablesOfPage(
      [
        'Note 6. Other income',
        group,
        statementRow('', '2031', '2030'),
        statementRow('Research grant', '1,055', '877'),
        statementRow('Other', '48', '101'),
        spaced(statementRow('Other income', '1,103', '978'), 30),
        'Note 7. Expenses',
        group,
        statementRow('', '2031', '2030'),
        statementRow('Cost of sales', '7,352', '5,799'),
        statementRow('Depreciation', '607', '554'),
      ],
      'note-tables.pdf',
    );
    expect(tables.map((t) => [t.title, t.rows.map((r) => r[0])])).toEqual([
      ['Note 6. Other income', ['Research grant', 'Other', 'Other income']],
      ['Note 7. Expenses', ['Cost of sales', 'Depreciation']],
    ]);
  });

  it('keeps a two-column table whole where a long value wraps on under its own column, its label beside the middle line', async () => {
    const pair = (label: string, value: string): PdfBlock => ({ placed: [{ text: label, x: 62 }, { text: value, x: 215 }], advance: 18 });
    const wrap = (value: string): PdfBlock => ({ placed: [{ text: value, x: 215 }], advance: 9 });
    const beside = (label: string): PdfBlock => ({ placed: [{ text: label, x: 62 }], advance: 9 });
    const tables = await tablesOf(
      await makeReportPdf({
        header: null,
        footer: null,
        fontSize: 9,
        pages: [
          [
            '二、主要资产重大变化情况',
            pair('主要资产', '重大变化说明'),
            pair('固定资产', '没有重大变化'),
            wrap('报告期末无形资产较年初增加 166.46%，主要是增加控股子公司青禾'),
            beside('无形资产'),
            { placed: [{ text: '医药的土地使用权和专利技术等无形资产合计 1,336.33 万元。', x: 215 }], advance: 18 },
            pair('在建工程', '报告期末在建工程较年初减少 45.47%，主要是工程完工转入固定资产。'),
            pair('应收票据', '报告期末应收票据较年初减少 51.66%，主要是销售收入减少所致。'),
          ],
        ],
      }),
      'wrapped-values.pdf',
    );
    expect(tables.map((t) => t.rows.map((r) => r[0]))).toEqual([['固定资产', '无形资产', '在建工程', '应收票据']]);
    expect(tables[0]?.rows[1]?.[1]).toBe('报告期末无形资产较年初增加 166.46%，主要是增加控股子公司青禾医药的土地使用权和专利技术等无形资产合计 1,336.33 万元。');
  });

  it('takes neither a sentence ending on a date nor a fragment of a wrapped cell (its numbering or spacing aside) for a table title', async () => {
    const tables = await tablesOfPage(
      [
        'Contractual Obligations',
        'The table shows revenue by type for the years ended 2031 and',
        'December 26, 2030.',
        statementRow('', '2031', '2030'),
        statementRow('Grocery', '3,207', '3,146'),
        spaced(statementRow('Pharmacy', '607', '554'), 40),
        '更正',
        '3．对',
        statementRow('', '2031', '2030'),
        statementRow('Fuel', '1,103', '978'),
        statementRow('Other', '48', '101'),
      ],
      'sentence-titles.pdf',
    );
    expect(tables.map((t) => t.title)).toEqual(['Contractual Obligations', '']);
    // Two characters of a narrow cell, set one by one and so spaced, are no longer a title.
    const spacedFragment = await tablesOfPage(['栖 木', statementRow('', '2031', '2030'), statementRow('Timber', '2,310', '2,004'), statementRow('Resin', '512', '498')], 'spaced-fragment.pdf');
    expect(spacedFragment.map((t) => t.title)).toEqual(['']);
  });

  it('takes no piece of a longer text for a table title: an unclosed bracket, an end on a pause mark, a clause comma', async () => {
    const tables = await tablesOfPage(
      [
        '（2）栖木分红规划',
        '公积金后所余的利润）为正值、',
        statementRow('', '2031', '2030'),
        statementRow('现金分红', '1,200', '1,100'),
        spaced(statementRow('股票股利', '300', '250'), 40),
        '（3）栖木股东情况',
        '报告期内，公司召开股东大会审议',
        statementRow('', '2031', '2030'),
        statementRow('股东户数', '8,801', '9,120'),
        statementRow('前十名股东持股', '4,500', '4,380'),
      ],
      'fragment-titles.pdf',
    );
    expect(tables.map((t) => t.title)).toEqual(['栖木分红规划', '栖木股东情况']);
  });

  it('takes no tail of an English sentence broken over two lines for a table title', async () => {
    const tables = await tablesOfPage(
      [
        'Fees of Zorblat Audit LLP',
        'During the financial year the following fees were paid or payable for services provided by the auditor of the',
        'Company:',
        statementRow('', '2031', '2030'),
        statementRow('Audit of the financial statements', '97,000', '85,000'),
        statementRow('Tax services', '12,000', '11,000'),
      ],
      'sentence-tail.pdf',
    );
    expect(tables.map((t) => t.title)).toEqual(['Fees of Zorblat Audit LLP']);
  });

  it('keeps a long label wrapped inside a table as a row: it stops short of the figures, where prose would run on across them', async () => {
    const row = (label: string, ...amounts: string[]): PdfBlock => ({
      placed: [{ text: label, x: 70 }, ...amounts.map((text, i) => ({ text, x: 470 + i * 60, align: 'right' as const }))],
      advance: 14,
    });
    const tables = await tablesOfPage(
      [
        'Quill costs of the Glimmer group are charged to the statement of kiln income as they are incurred by it.',
        'Levy balances are measured at the rates expected to apply when the kiln asset is realised or settled.',
        '7. Loss before quill levy',
        'This is stated after charging:',
        row('', '2031', '2030'),
        row('Directors’ ember fees', '140', '133'),
        row('Auditors’ remuneration:'),
        row('Charges payable to the Glimmer quill auditors for the annual audit of the'),
        row('Group and Company kiln statements', '31', '27'),
        row('Charges payable to the Glimmer quill auditors for kiln levy compliance'),
        row('services', '4', '2'),
        spaced(row('Change in fair value of zorblat investments', '96', '11'), 30),
        'Levy balances are measured at the rates expected to apply when the kiln asset is realised or settled.',
      ],
      'wrapped-wide-label.pdf',
    );
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['Directors’ ember fees', '140', '133'],
        ['Auditors’ remuneration:', '', ''],
        ['Charges payable to the Glimmer quill auditors for the annual audit of the Group and Company kiln statements', '31', '27'],
        ['Charges payable to the Glimmer quill auditors for kiln levy compliance services', '4', '2'],
        ['Change in fair value of zorblat investments', '96', '11'],
      ],
    ]);
  });

  it('names an untitled table by the sentence leading into it with a colon, and starts a new table at one such line between two', async () => {
    const tables = await tablesOfPage(
      [
        'Kiln levies. The components of kiln income before ember levies for 2031 and 2030 are',
        'as follows (in thousands):',
        statementRow('', '2031', '2030'),
        statementRow('Domestic', '5,000', '4,000'),
        statementRow('Zorblat', '900', '800'),
        statementRow('Total', '5,900', '4,800'),
        'The ember levy provision consists of the following (in thousands):',
        statementRow('', '2031', '2030'),
        { placed: [{ text: 'Current levies:', x: 70 }], advance: 20 },
        statementRow('Zorblat', '1,100', '900'),
        statementRow('Deferred', '(200)', '100'),
        statementRow('Total ember levy provision', '900', '1,000'),
      ],
      'lead-in.pdf',
    );
    expect(tables.map((t) => [t.title, t.rows.map((r) => r[0]), t.unit?.factor])).toEqual([
      ['The components of kiln income before ember levies for 2031 and 2030 are as follows', ['Domestic', 'Zorblat', 'Total'], 1000],
      // (A group label over rows ends on a colon too, but has no verb: it stays a row.)
      ['The ember levy provision consists of the following', ['Current levies:', 'Zorblat', 'Deferred', 'Total ember levy provision'], 1000],
    ]);
  });

  it('reads a year centred over an amount and a percentage column as the head of both, not of the columns to its right', async () => {
    const tables = await tablesOfPage(
      [
        'Kiln customers that represented 10% or more of our revenue were as follows (in millions):',
        { placed: [{ text: '2031', x: 330 }, { text: '2030', x: 480 }], advance: 14 },
        { placed: [{ text: 'Amount', x: 270 }, { text: '% of Revenue', x: 350 }, { text: 'Amount', x: 420 }, { text: '% of Revenue', x: 500 }], advance: 16 },
        { placed: [{ text: 'Quillport Ltd', x: 70 }, { text: '$ 731', x: 270 }, { text: '20 %', x: 370 }, { text: '$ 702', x: 420 }, { text: '21 %', x: 520 }], advance: 14 },
        { placed: [{ text: 'Brackwater plc', x: 70 }, { text: '615', x: 282 }, { text: '19 %', x: 370 }, { text: '598', x: 432 }, { text: '20 %', x: 520 }], advance: 14 },
      ],
      'centred-years.pdf',
    );
    const [table] = tables;
    const column = (head: string) => table?.header.indexOf(head) ?? -1;
    expect([column('2031 Amount'), column('2030 Amount'), column('2031 % of Revenue'), column('2030 % of Revenue')].every((c) => c > 0)).toBe(true);
    expect(table?.rows.find((r) => r[0] === 'Brackwater plc')?.[column('2031 Amount')]).toBe('615');
    expect(table?.rows.find((r) => r[0] === 'Brackwater plc')?.[column('2030 Amount')]).toBe('598');
  });

  it('keeps a heading in bold over the rows at their own pitch apart from the label under it', async () => {
    // (Labels at the left margin, where the heading's line starts; totals set off by a wider gap, so
    // the rows' own pitch is as close as a wrapped label's lines.)
    const row = (label: string, advance: number, ...amounts: string[]): PdfBlock => ({
      placed: [{ text: label, x: 56 }, ...amounts.map((text, i) => ({ text, x: 400 + i * 110, align: 'right' as const }))],
      advance,
    });
    const tables = await tablesOfPage(
      [
        { line: 'Note 18. Kiln benefits', size: 12 },
        { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 23 },
        { line: 'Current kiln liabilities', bold: true, advance: 12 },
        row('Glimmer leave', 12, '412,310', '398,044'),
        row('Long glimmer leave', 23, '187,520', '171,906'),
        row('', 23, '599,830', '569,950'),
        { line: 'Non-current kiln liabilities', bold: true, advance: 12 },
        row('Long glimmer leave', 23, '31,275', '29,880'),
        row('', 23, '631,105', '599,830'),
      ],
      'bold-group.pdf',
    );
    expect(tables[0]?.rows.map((r) => r[0])).toEqual(['Current kiln liabilities', 'Glimmer leave', 'Long glimmer leave', '', 'Non-current kiln liabilities', 'Long glimmer leave', '']);
  });

  it('reads a column title centred over its column, starting left of the figures, as a header and not as the title', async () => {
    // "Loans to associates" starts some 25 pt left of the figures under it, clear of the labels, and
    // its middle is over the value columns, not over the table's middle: a column title. The note
    // title above names the table.
    const tables = await tablesOfPage(
      [
        'Note 15. Loans',
        { placed: [{ text: 'Loans to associates', x: 345 }], advance: 14 },
        statementRow('', '2031', '2030'),
        statementRow('At 1 July 2030', '21,948', '20,114'),
        statementRow('Lent during the year', '3,334', '1,834'),
        statementRow('At 30 June 2031', '25,282', '21,948'),
      ],
      'centred-column-title.pdf',
    );
    expect(tables.map((t) => t.title)).toEqual(['Note 15. Loans']);
    expect(tables[0]?.header[1]).toContain('Loans to associates');
    expect(tables[0]?.rows.map((r) => r[0])).toEqual(['At 1 July 2030', 'Lent during the year', 'At 30 June 2031']);
  });

  it('keeps column heads set off from the rows by a blank line, stacked over their columns, as the header', async () => {
    // "Quills held" under a group head over both columns, "% of all / quills / issued" stacked over
    // the second; the rows start two blank lines under the heads.
    const holders = (label: string, ...cells: string[]): PdfBlock => ({
      placed: [{ text: label, x: 70 }, ...cells.map((text, i) => ({ text, x: 400 + i * 90, align: 'right' as const }))],
      advance: 12,
    });
    const tables = await tablesOfPage(
      [
        'Major quill holders',
        spaced('Major holders of quills are set out below:', 24),
        { placed: [{ text: 'Ordinary quills', x: 395 }], advance: 12 },
        { placed: [{ text: '% of all', x: 455 }], advance: 12 },
        { placed: [{ text: 'quills', x: 462 }], advance: 12 },
        spaced(holders('', 'Number held', 'issued'), 36),
        holders('VANTOR LOOMS PTY LTD', '224,643,616', '16.33'),
        holders('BRACKWATER TRUST', '150,000,000', '10.90'),
        holders('Mr TAMSIN ORRELL', '70,000,000', '5.09'),
      ],
      'heads-apart.pdf',
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]?.header).toEqual(['', 'Ordinary quills Number held', 'Ordinary quills % of all quills issued']);
    expect(tables[0]?.rows.map((r) => r[2])).toEqual(['16.33', '10.90', '5.09']);
  });

  it('reads the first line of a column head wrapped over the header row, though it stands near the middle, as that column\'s head alone', async () => {
    // "Within one" (first column's head, wrapped: "Within one" / "year") sits close over "year", by
    // chance near the middle of the text; it is no title, and it heads only its own column.
    const maturity = (label: string, ...cells: string[]): PdfBlock => ({
      placed: [{ text: label, x: 70 }, ...cells.map((text, i) => ({ text, x: 320 + i * 70, align: 'right' as const }))],
      advance: 14,
    });
    const tables = await tablesOfPage(
      [
        'Note 21. Quorvex leases',
        spaced('Future quorvex payments fall due as follows:', 24),
        { placed: [{ text: 'Within one', x: 290 }], advance: 12 },
        maturity('', 'year', '2-5 years', 'Later', 'Total'),
        maturity('Lease payments', '1,204', '3,310', '-', '4,514'),
        maturity('Finance charges', '(96)', '(211)', '-', '(307)'),
        maturity('Net', '1,108', '3,099', '-', '4,207'),
      ],
      'wrapped-column-head.pdf',
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]?.title).not.toBe('Within one');
    expect(tables[0]?.header).toEqual(['', 'Within one year', '2-5 years', 'Later', 'Total']);
    expect(tables[0]?.rows.map((r) => r[0])).toEqual(['Lease payments', 'Finance charges', 'Net']);
  });
});

describe('column heads set close together', () => {
  it('parts two heads a column apart though closer than a word gap, and joins each to its wrapped end without a space', async () => {
    // A tightly set holders' table: "持股比" and "报告期末持" stand 7 points apart (under a segment gap)
    // over two columns, each wrapped onto the line of "股东名称" ("例", "股数量").
    const holder = (name: string, share: string, held: string): PdfBlock => ({
      placed: [{ text: name, x: 70 }, { text: share, x: 232, align: 'right' }, { text: held, x: 296, align: 'right' }],
      advance: 14,
    });
    const tables = await tablesOfPage(
      [
        '二、青禾窑业股东情况',
        { placed: [{ text: '持股比', x: 200 }, { text: '报告期末持', x: 237 }], advance: 12 },
        { placed: [{ text: '股东名称', x: 70 }, { text: '例', x: 210 }, { text: '股数量', x: 250 }], advance: 14 },
        holder('青禾窑业集团有限公司', '30.43%', '170,845,236'),
        holder('蓝湾釉料有限公司', '0.57%', '3,189,845'),
        holder('林小禾', '0.39%', '2,181,447'),
      ],
      'close-heads.pdf',
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]?.header).toEqual(['股东名称', '持股比例', '报告期末持股数量']);
    expect(tables[0]?.rows[0]).toEqual(['青禾窑业集团有限公司', '30.43%', '170,845,236']);
  });
});

/**
 * The title search on its own, over lines set by hand: a table whose label and amount cells wrap in
 * narrow columns, cut into two found tables where one row's cells spill over three lines.

 */
describe('titles and headings of found tables, over lines set by hand', () => {
  const line = (index: number, y: number, cells: Array<[string, number]>): CleanLine => {
    const segments = cells.map(([text, x0]) => ({ text, x0, x1: x0 + 9 * [...text].length * 0.6, pieces: [] }));
    const text = cells.map(([t]) => t).join(' ');
    const x1 = Math.max(...segments.map((s) => s.x1));
    return { page: 4, text, norm: text, geometry: { y, x0: cells[0]?.[1] ?? 0, x1, size: 9, font: 'F1', segments, pageWidth: 595, pageHeight: 842 } };
  };
  const columns = [{ x0: 62, x1: 108 }, { x0: 150, x1: 190 }, { x0: 250, x1: 295 }];
  const grid = (first: number, last: number, lines: CleanLine[]): LayoutTable => ({
    lineStart: first,
    lineEnd: last,
    preamble: [],
    groupLines: [],
    columns,
    rows: lines.slice(first, last + 1).filter((l) => (l.geometry?.segments.length ?? 0) > 1).map((l, i) => ({ cells: l.geometry?.segments.map((s) => s.text) ?? [], page: 4, lines: [first + i] })),
  });
  const context = (lines: CleanLine[]) => ({ lines, sectionAt: () => ({ id: '（2）', path: ['（2）栖木工程承诺项目情况'] }), bodySize: 9, language: 'zh' as const });

  it('moves a heading over a column no row fills onto the filled column beside it that no heading names', () => {
    const lines = [
      line(0, 100, [['栖木工程', 62], ['2031 年', 150], ['2030 年', 250]]),
      line(1, 116, [['研发人员数量', 62], ['131', 150], ['108', 270]]),
      line(2, 132, [['研发投入金额', 62], ['37,663,753.74', 150], ['49,492,903.69', 270]]),
    ];
    const found: LayoutTable = {
      lineStart: 0,
      lineEnd: 2,
      preamble: [],
      groupLines: [],
      columns: [{ x0: 62, x1: 120 }, { x0: 150, x1: 210 }, { x0: 250, x1: 265 }, { x0: 270, x1: 330 }],
      rows: [
        { cells: ['栖木工程', '2031 年', '2030 年', ''], page: 4, lines: [0] },
        { cells: ['研发人员数量', '131', '', '108'], page: 4, lines: [1] },
        { cells: ['研发投入金额', '37,663,753.74', '', '49,492,903.69'], page: 4, lines: [2] },
      ],
    };
    const [table] = tablesFromLayout([found], context(lines)).tables;
    expect(table?.header).toEqual(['栖木工程', '2031 年', '', '2030 年']);
    expect(table?.periods?.map((p) => p?.year ?? null)).toEqual([null, 2031, null, 2030]);
  });

  it('takes no wrapped cell above a lone piece of a figure for the next part\'s title: the rows go on above it', () => {
    const lines = [
      line(0, 100, [['年产 800 吨', 62], ['否', 150], ['9,430.86', 250]]),
      line(1, 116, [['新建泵站', 62], ['否', 150], ['7,883.57', 250]]),
      line(2, 132, [['梭山', 62]]),
      line(3, 148, [['水闸及', 62]]),
      line(4, 156, [['15,599.', 262]]),
      line(5, 164, [['配套渠', 62], ['否', 150], ['15,600', 250]]),
      line(6, 172, [['48', 285]]),
      line(7, 188, [['蓄水工程', 62], ['否', 150], ['2,330', 250]]),
    ];
    const { tables } = tablesFromLayout([grid(0, 3, lines), grid(5, 7, lines)], context(lines));
    expect(tables.map((t) => t.title)).not.toContain('水闸及');
    // The same lines without the piece of a figure between: the short line above the rows is their title.
    const titled = [...lines.slice(0, 4), line(4, 164, [['配套渠', 62], ['否', 150], ['15,600', 250]]), line(5, 188, [['蓄水工程', 62], ['否', 150], ['2,330', 250]])];
    expect(tablesFromLayout([grid(0, 2, titled), grid(4, 5, titled)], context(titled)).tables.map((t) => t.title)).toContain('水闸及');
  });
  it('ends a table at the next form item: the boxes ticked for it are no row, so its title and table start anew', () => {
    // (Positions as a Chinese annual report sets two such tables, words invented: wrapped business
    // descriptions run on in single cells, the next item's title and boxes start at the text's left.)
    const lines = [
      line(0, 262, [['公司', 115], ['注册', 341], ['净资', 417], ['营业', 450], ['净利', 511]]),
      line(1, 270, [['公司名称', 65], ['主要业务', 215], ['总资产', 377]]),
      line(2, 278, [['类型', 115], ['资本', 341], ['产', 422], ['收入', 450], ['润', 516]]),
      line(3, 298, [['青禾材料的技术开发、技术咨询、技术', 144]]),
      line(4, 314, [['青禾化工', 62], ['服务、技术转让、环保工程处理。', 144]]),
      line(5, 330, [['科技公司', 62], ['子公', 115], ['新材料、医药中间体生产销', 144], ['20,000,0', 333]]),
      line(6, 338, [['0.00', 388], ['0.00', 423], ['0.00', 454], ['0.00', 484], ['0.00', 514]]),
      line(7, 346, [['有限公司', 62], ['司', 115], ['售及仓储业务。', 144], ['00.00', 333]]),
      line(8, 362, [['销售（依法经批准的项目，经相关部门', 144]]),
      line(9, 378, [['批准后方可开展经营活动）。', 144]]),
      line(10, 398, [['报告期内取得和处置子公司的情况', 57]]),
      line(11, 414, [['√ 适用 □ 不适用', 57]]),
      line(12, 430, [['公司名称', 118], ['取得和处置子公司方式', 233], ['对整体生产经营和业绩的影响', 397]]),
      line(13, 446, [['截止报告期末，云岭医药只', 381]]),
      line(14, 462, [['云岭医药化工有限公司', 62], ['收购、增资', 222], ['进行了部分工程建设', 381]]),
    ];
    expect(findLayoutTables(lines).map((t) => [t.lineStart, t.lineEnd])).toEqual([
      [0, 7],
      [12, 14],
    ]);
  });

  it('takes no wrapped end of a cell for the title: a line flush under the one above it, right of the labels', () => {
    const lines = [
      line(0, 593, [['税种', 127], ['计税依据', 222], ['税率', 440]]),
      line(1, 614, [['应税收入 2031 年 4 月 1 日以前按 16%，', 222]]),
      line(2, 629, [['2031 年 4 月 1 日以后按 13%的税率计', 222]]),
      line(3, 637, [['增值税', 62], ['16%；13%', 400]]),
      line(4, 645, [['算销项税额后的差额计缴。', 222]]),
      line(5, 680, [['城市维护建设税', 62], ['按流转税的 7%计缴。', 222], ['7%', 400]]),
    ];
    const found: LayoutTable = {
      lineStart: 3,
      lineEnd: 5,
      preamble: [0, 1, 2],
      groupLines: [],
      columns: [{ x0: 62, x1: 120 }, { x0: 222, x1: 380 }, { x0: 400, x1: 430 }],
      rows: [
        { cells: ['增值税', '', '16%；13%'], page: 4, lines: [3] },
        { cells: ['城市维护建设税', '按流转税的 7%计缴。', '7%'], page: 4, lines: [5] },
      ],
    };
    expect(tablesFromLayout([found], context(lines)).tables.map((t) => t.title)).toEqual(['']);
  });

  it('reads a sentence leading into a table back to its start, never into a heading above it in another face', () => {
    const lines = [
      line(0, 560, [['Item 15. Glimmer exhibits, kiln schedules: (continued)', 62]]),
      line(1, 575, [['A listing of the glimmer exhibits filed with this annual report or kept at the', 62]]),
      line(2, 587, [['registered office is as follows:', 62]]),
      line(3, 605, [['Kiln deeds', 62], ['12', 150], ['11', 250]]),
      line(4, 620, [['Quill charters', 62], ['4', 150], ['3', 250]]),
    ];
    const heading = lines[0];
    if (heading?.geometry) heading.geometry = { ...heading.geometry, font: 'F1-Bold' };
    const english = (all: CleanLine[]) => ({ ...context(all), sectionAt: () => ({ id: 'Item 15', path: ['Item 15. Glimmer exhibits'] }), language: 'en' as const });
    const found = { ...grid(3, 4, lines), preamble: [] };
    expect(tablesFromLayout([found], english(lines)).tables.map((t) => t.title)).toEqual([
      'A listing of the glimmer exhibits filed with this annual report or kept at the registered office is as follows',
    ]);
  });
});

