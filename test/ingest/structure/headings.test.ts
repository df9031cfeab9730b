import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseReport } from '../../../ingest/ingestReports.js';
import type { Chunk } from '../../../src/store/shapes.js';
import { makeReportPdf, type PdfBlock } from '../../fixtures/pdfs.js';

/**
 * Headings of every common numbering style, and headings set apart only by type, read from PDFs built
 * here: each chunk's section path comes from them, a contents page is not content, and text before
 * the first heading is filed under the front matter. Organisations and wording are invented.
 */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'headings-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function chunksOf(pages: PdfBlock[][], name: string, header: string | null = null): Promise<Chunk[]> {
  const file = path.join(work, name);
  await writeFile(file, await makeReportPdf({ pages, header, footer: null }));
  return (await analyseReport(file, { maxBytes: 10 * 1024 * 1024, year: 2031 })).chunks;
}

/** The section path of the chunk holding `text`. */
function pathOf(chunks: Chunk[], text: string): string[] | undefined {
  return chunks.find((c) => c.text.includes(text))?.section.path;
}

// Body lines that fill the text width, so the headings stand out as lines that end early.
const zhBody = (topic: string) => `${topic}方面，青禾公司持续推进各项工作，全年运行平稳，相关制度得到有效执行和落实。`;
const enBody = (topic: string) => `${topic} work at Qinghe Widgets continued through the year under the plans approved by the board.`;
// A paragraph of two lines opening on the given words: the first fills the width, the second ends it early.
const paragraph = (opening: string, topic: string) => [`${opening} ${topic} work at Qinghe Widgets continued through the year under the plans`, 'approved by the board.'];

describe('headings and sections', () => {
  it('nests Chinese headings by the official numbering order and skips the contents page', async () => {
    const chunks = await chunksOf(
      [
        [{ line: '青禾智造股份有限公司', size: 22, align: 'centre' }, { line: '2031 年年度报告', size: 18, align: 'centre' }, zhBody('封面说明')],
        [
          { line: '目录', size: 16, align: 'centre' },
          { placed: [{ text: '第一节 公司简介', x: 56 }, { text: '3', x: 530 }] },
          { placed: [{ text: '第二节 经营情况讨论与分析', x: 56 }, { text: '3', x: 530 }] },
          { placed: [{ text: '第三节 重要事项', x: 56 }, { text: '4', x: 530 }] },
          { placed: [{ text: '第四节 财务报告', x: 56 }, { text: '4', x: 530 }] },
        ],
        [
          { line: '第一节 公司简介', size: 16 },
          zhBody('简介'),
          { line: '一、公司信息', size: 12 },
          zhBody('信息披露'),
          { line: '第二节 经营情况讨论与分析', size: 16 },
          { line: '一、概述', size: 12 },
          zhBody('概述'),
          { line: '二、主营业务分析', size: 12 },
          '（一）收入与成本',
          zhBody('收入'),
          '1、营业收入构成',
          zhBody('构成'),
          '（1）按行业分',
          zhBody('行业'),
          '2、营业成本构成',
          zhBody('成本'),
        ],
        [{ line: '第三节 重要事项', size: 16 }, zhBody('重要事项'), '1、报告期内，公司未发生重大诉讼、仲裁事项，也未发生其他需要披露的重大事项，特此说明。', zhBody('说明')],
      ],
      'zh-outline.pdf',
    );
    expect(pathOf(chunks, '封面说明')).toEqual(['卷首']);
    expect(pathOf(chunks, '信息披露')).toEqual(['第一节 公司简介', '一、公司信息']);
    expect(pathOf(chunks, '概述方面')).toEqual(['第二节 经营情况讨论与分析', '一、概述']);
    expect(pathOf(chunks, '行业方面')).toEqual(['第二节 经营情况讨论与分析', '二、主营业务分析', '（一）收入与成本', '1、营业收入构成', '（1）按行业分']);
    expect(pathOf(chunks, '成本方面')).toEqual(['第二节 经营情况讨论与分析', '二、主营业务分析', '（一）收入与成本', '2、营业成本构成']);
    // A numbered line that runs on into a paragraph is text, not a heading.
    expect(pathOf(chunks, '特此说明')).toEqual(['第三节 重要事项']);
    // The contents page lists headings; its entries are not content.
    expect(chunks.filter((c) => c.pageStart === 2)).toEqual([]);
  });

  it('reads PART, Item and Note headings, bold headings under them, and no heading in a numbered sentence or footnote', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }, { line: 'Annual Report 2031', size: 18, align: 'centre' }],
        [
          { line: 'PART I', size: 12, align: 'centre' },
          { line: 'Item 1. Business', bold: true },
          enBody('Business'),
          { line: 'Products and Services', bold: true },
          enBody('Product'),
          { line: 'Suppliers', bold: true },
          enBody('Supplier'),
          { line: 'Item 1A. Risk Factors', bold: true },
          enBody('Risk'),
          { line: 'PART II', size: 12, align: 'centre' },
          { line: 'Item 2. Management’s Discussion and Analysis', bold: true },
          enBody('Review'),
          '1. The Company was incorporated in the Zorblat Islands and all of its operations',
          'are carried on there by its subsidiaries as described in this report.',
          '(1) Includes amounts paid to the trustee of the employee plan during the',
          enBody('Footnoted'),
        ],
        [
          { line: 'Notes to the Financial Statements', size: 13 },
          'Note 1. General information',
          enBody('General'),
          'Note 2. Revenue',
          enBody('Revenue'),
          { line: 'Disaggregation of revenue', bold: true },
          enBody('Split'),
          'Note 3. Income tax',
          enBody('Tax'),
        ],
      ],
      'en-outline.pdf',
    );
    expect(pathOf(chunks, 'Business work')).toEqual(['PART I', 'Item 1. Business']);
    expect(pathOf(chunks, 'Supplier work')).toEqual(['PART I', 'Item 1. Business', 'Suppliers']);
    expect(pathOf(chunks, 'Risk work')).toEqual(['PART I', 'Item 1A. Risk Factors']);
    expect(pathOf(chunks, 'Review work')).toEqual(['PART II', 'Item 2. Management’s Discussion and Analysis']);
    expect(pathOf(chunks, 'Zorblat Islands')).toEqual(['PART II', 'Item 2. Management’s Discussion and Analysis']);
    expect(pathOf(chunks, 'Footnoted work')).toEqual(['PART II', 'Item 2. Management’s Discussion and Analysis']);
    // A title in a face the report sets only once (a letterhead, a part's title page) holds no headings.
    expect(pathOf(chunks, 'Split work')).toEqual(['Note 2. Revenue', 'Disaggregation of revenue']);
    expect(pathOf(chunks, 'Tax work')).toEqual(['Note 3. Income tax']);
    expect(chunks.find((c) => c.text.includes('Tax work'))?.section.id).toBe('Note 3. Income tax');
  });

  it('nests decimal headings and half-bracket list headings, reads a number printed twice as the next title, and files text before them under the front matter', async () => {
    const chunks = await chunksOf(
      [
        [
          enBody('Opening'),
          '1. Operations',
          enBody('Operations'),
          '1.1 Plant',
          enBody('Plant'),
          '1) Furnaces',
          enBody('Furnace'),
          '2) Kilns',
          enBody('Kiln'),
          '1.2 Logistics',
          enBody('Logistics'),
          '1.2 Freight',
          enBody('Freight'),
          '2. People',
          enBody('People'),
        ],
      ],
      'decimal-outline.pdf',
    );
    expect(pathOf(chunks, 'Opening work')).toEqual(['Front matter']);
    expect(pathOf(chunks, 'Kiln work')).toEqual(['1. Operations', '1.1 Plant', '2) Kilns']);
    expect(pathOf(chunks, 'Logistics work')).toEqual(['1. Operations', '1.2 Logistics']);
    // A number printed twice over two titles (a slip in the report) heads the second title's text.
    expect(pathOf(chunks, 'Freight work')).toEqual(['1. Operations', '1.2 Freight']);
    expect(pathOf(chunks, 'People work')).toEqual(['2. People']);
    expect(chunks.find((c) => c.text.includes('Logistics work'))?.section.id).toBe('1.2');
  });

  it('reads lettered headings under an item, and a title printed again as continued is no new section', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          { line: 'ITEM 1. INFORMATION ON THE COMPANY', bold: true },
          'A. History and Development of the Company',
          enBody('History'),
          'B. Business Overview',
          enBody('Overview'),
          '(a) Shipping markets',
          enBody('Market'),
          '(b) Competition',
          enBody('Rival'),
        ],
        [{ line: 'B. Business Overview (continued)', bold: true }, enBody('Later')],
      ],
      'lettered.pdf',
    );
    expect(pathOf(chunks, 'History work')).toEqual(['ITEM 1. INFORMATION ON THE COMPANY', 'A. History and Development of the Company']);
    expect(pathOf(chunks, 'Rival work')).toEqual(['ITEM 1. INFORMATION ON THE COMPANY', 'B. Business Overview', '(b) Competition']);
    // The running "(continued)" title leaves the text under the section it carries on.
    expect(pathOf(chunks, 'Later work')).toEqual(['ITEM 1. INFORMATION ON THE COMPANY', 'B. Business Overview', '(b) Competition']);
  });

  it('cites the heading above an untitled table and the title of a titled one, and its chunks name the table', async () => {
    const row = (label: string, a: string, b: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: a, x: 400, align: 'right' }, { text: b, x: 510, align: 'right' }], advance: 18 });
    const file = path.join(work, 'table-sections.pdf');
    await writeFile(
      file,
      await makeReportPdf({
        header: null,
        footer: null,
        pages: [
          [
            { line: '一、经营情况', size: 14 },
            // Text between the heading and the table: the table has no title line of its own.
            ...['经营', '销售', '生产', '采购', '库存'].map(zhBody),
            row('营业收入', '900.00', '800.00'),
            row('营业成本', '500.00', '450.00'),
            row('销售费用', '30.00', '28.00'),
            zhBody('说明'),
            { line: '二、费用情况', size: 14 },
            '主要费用明细表',
            row('项目', '本期', '上期'),
            row('管理费用', '40.00', '39.00'),
            row('研发费用', '12.00', '11.00'),
          ],
        ],
      }),
    );
    const report = await analyseReport(file, { maxBytes: 10 * 1024 * 1024, year: 2031 });
    const untitled = report.chunks.find((c) => c.kind === 'table_rows' && c.text.includes('营业收入'));
    const titled = report.chunks.find((c) => c.kind === 'table_rows' && c.text.includes('管理费用'));
    expect([untitled?.section.id, untitled?.table]).toEqual(['一、经营情况', '表（第 1 页）']);
    expect([titled?.section.id, titled?.table]).toEqual(['主要费用明细表', '主要费用明细表']);
    expect(report.tables.map((t) => t.id)).toEqual(['表（第 1 页）', '主要费用明细表']);
  });

  it('reads a capitals line as a heading, splits two stacked headings, and takes no line holding a sentence stop', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        ['STRATEGIC REPORT', enBody('Strategy'), 'CHAIRMAN’S STATEMENT', enBody('Chair')],
        [
          'DIRECTORS’ REPORT',
          enBody('Directors'),
          { line: 'Company Overview', bold: true },
          { line: 'General', bold: true },
          enBody('General'),
          { line: 'Outlook', bold: true },
          enBody('Outlook'),
          { line: 'Results. The year closed well', bold: true },
          enBody('Closing'),
          'EXHIBIT INDEX',
          enBody('Exhibit'),
        ],
      ],
      'caps.pdf',
    );
    expect(pathOf(chunks, 'Directors work')).toEqual(['DIRECTORS’ REPORT']);
    expect(pathOf(chunks, 'General work')).toEqual(['DIRECTORS’ REPORT', 'General']);
    // The line holding a sentence stop is no heading; its first sentence is a title run into its paragraph.
    expect(pathOf(chunks, 'Closing work')).toEqual(['DIRECTORS’ REPORT', 'Outlook', 'Results']);
    expect(pathOf(chunks, 'Exhibit work')).toEqual(['EXHIBIT INDEX']);
  });

  it('takes no bold line wholly in brackets for a heading: it is a note on the line above it', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          { line: 'Outlook', bold: true },
          enBody('Outlook'),
          { line: 'Widget Forecasts', bold: true },
          { line: '(Unaudited and subject to change)', bold: true },
          enBody('Forecast'),
          { line: 'Dividends', bold: true },
          enBody('Dividend'),
        ],
      ],
      'bracketed.pdf',
    );
    expect(pathOf(chunks, 'Forecast work')).toEqual(['Widget Forecasts']);
    expect(pathOf(chunks, 'Dividend work')).toEqual(['Dividends']);
  });

  it('takes a caption sentence in a heading face as a heading, and never a period line under a title', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          { line: 'Risk Factors', bold: true },
          enBody('Overview'),
          { line: 'We may not be able to renew the charters of our vessels on good terms', bold: true },
          enBody('Charter'),
          { line: 'Our debt may limit our ability to pay dividends', bold: true },
          enBody('Debt'),
          { line: 'For the year ended 31 December 2031', bold: true },
          enBody('Period'),
        ],
      ],
      'captions.pdf',
    );
    expect(pathOf(chunks, 'Charter work')).toEqual(['We may not be able to renew the charters of our vessels on good terms']);
    expect(pathOf(chunks, 'Period work')).toEqual(['Our debt may limit our ability to pay dividends']);
  });

  it('reads sentences a face sets alone over their text as captions under the group title, and no lone emphasised sentence', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          'Item 1A. Risk Factors',
          enBody('Opening'),
          { line: 'Risks Related to Our Furnaces', bold: true },
          { line: 'We May Not Be Able to Keep Our Zorblat Furnaces Lit.', bold: true },
          enBody('Furnace'),
          enBody('Furnace upkeep'),
          { line: 'Our Kilns Depend on One Supplier of Blue Clay.', bold: true },
          enBody('Kiln'),
          { line: 'Risks Related to Our Shares', bold: true },
          enBody('Share overview'),
          { line: 'The Price of Our Shares May Swing Widely.', bold: true },
          enBody('Price'),
        ],
      ],
      'risk-captions.pdf',
    );
    const group = ['Item 1A. Risk Factors', 'Risks Related to Our Furnaces'];
    expect(pathOf(chunks, 'Furnace upkeep work')).toEqual([...group, 'We May Not Be Able to Keep Our Zorblat Furnaces Lit.']);
    expect(pathOf(chunks, 'Kiln work')).toEqual([...group, 'Our Kilns Depend on One Supplier of Blue Clay.']);
    // A new group title closes the caption before it; a caption closes only the caption before it.
    expect(pathOf(chunks, 'Share overview work')).toEqual(['Item 1A. Risk Factors', 'Risks Related to Our Shares']);
    expect(pathOf(chunks, 'Price work')).toEqual(['Item 1A. Risk Factors', 'Risks Related to Our Shares', 'The Price of Our Shares May Swing Widely.']);

    const lone = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          'Item 1. Review',
          enBody('Review'),
          { line: 'All amounts below were audited by Zorvane & Co.', bold: true },
          enBody('Audited'),
          { line: 'Outlook', bold: true },
          enBody('Outlook'),
          { line: 'Staff', bold: true },
          enBody('Staff'),
        ],
      ],
      'lone-sentence.pdf',
    );
    // One emphasised sentence is no habit of its face: not a caption.
    expect(pathOf(lone, 'Audited work')).toEqual(['Item 1. Review']);
  });

  it('takes a part name between contents entries for contents under a title with a footnote mark, not for the outline', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          { line: 'TABLE OF CONTENTS1', align: 'centre' },
          'PART I',
          { placed: [{ text: 'Item 1. Business', x: 56 }, { text: '3', x: 530 }] },
          { placed: [{ text: 'Item 2. Properties', x: 56 }, { text: '3', x: 530 }] },
          { placed: [{ text: 'Item 3. Legal Proceedings', x: 56 }, { text: '3', x: 530 }] },
          { placed: [{ text: 'Item 4. Mine Safety', x: 56 }, { text: '3', x: 530 }] },
        ],
        [
          { line: 'CAUTIONARY STATEMENT REGARDING FORWARD-LOOKING STATEMENTS', bold: true },
          enBody('Caution'),
          { line: 'PART I', align: 'centre' },
          'Item 1. Business',
          enBody('Business'),
          { line: 'Suppliers', bold: true },
          enBody('Supplier'),
        ],
      ],
      'contents-footnote.pdf',
    );
    expect(pathOf(chunks, 'Caution work')).toEqual(['CAUTIONARY STATEMENT REGARDING FORWARD-LOOKING STATEMENTS']);
    expect(pathOf(chunks, 'Business work')).toEqual(['PART I', 'Item 1. Business']);
  });

  it('reads an item kept only by its number, its title in brackets, as the next item', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        ['PART I', 'Item 1. Market for Quill Stock', enBody('Market'), 'Item 2. [Reserved]', 'Item 3. Review of Operations', enBody('Review')],
      ],
      'reserved-item.pdf',
    );
    // A heading with nothing under it, not a line of text filed under Item 1: its words stand in its own section.
    expect(chunks.filter((c) => c.text.includes('[Reserved]')).map((c) => c.section.path)).toEqual([['PART I', 'Item 2. [Reserved]']]);
    expect(pathOf(chunks, 'Review work')).toEqual(['PART I', 'Item 3. Review of Operations']);
  });

  it('starts a new part where the running title at the top of the pages changes, even with no heading printed', async () => {
    const file = path.join(work, 'parts.pdf');
    const partOf = (page: number) => (page === 1 ? null : page <= 4 ? 'Directors’ report' : 'Notes to the accounts');
    await writeFile(
      file,
      await makeReportPdf({
        header: partOf,
        footer: null,
        pages: [
          [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }],
          [{ line: 'Review of the year', bold: true }, enBody('Review')],
          [{ line: 'Outlook', bold: true }, enBody('Outlook'), { line: 'Closing remarks', bold: true }, enBody('Closing')],
          [enBody('Continuing')],
          [enBody('Preparation')],
          [{ line: '3 Revenue', bold: true }, enBody('Revenue')],
          [{ line: '4 Issued capital and reserves', bold: true }, enBody('Capital')],
          [enBody('Reserves')],
        ],
      }),
    );
    const { chunks } = await analyseReport(file, { maxBytes: 10 * 1024 * 1024, year: 2031 });
    expect(pathOf(chunks, 'Continuing work')).toEqual(['Closing remarks']);
    // The notes print no heading of their own: the running title names where their first page stands.
    expect(pathOf(chunks, 'Preparation work')).toEqual(['Notes to the accounts']);
    // A note's bare number before its title, in the face the notes' titles share.
    expect(pathOf(chunks, 'Revenue work')).toEqual(['3 Revenue']);
    expect(pathOf(chunks, 'Reserves work')).toEqual(['4 Issued capital and reserves']);
  });

  it('reads a Note title that lists things, and takes no figures in capitals, footnote, column-group line or closing sentence for a heading', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        [
          'Note 1. Inventories',
          enBody('Stock'),
          'Note 2. Property, plant and equipment',
          enBody('Plant'),
          'The carrying amount of the loan was MYR 4,648,453 at the end of the year under review',
          '(2030: MYR 2,671,654 (AUD 855,806))',
          enBody('Loan'),
          '(1) appointed 20 October 2031',
          enBody('Appointed'),
          { line: '(4), (5) resigned 20 June 2031', bold: true },
          enBody('Resigned'),
          { line: 'Consolidated', bold: true, align: 'right' },
          enBody('Assets'),
          'Note 3. Right-of-use assets',
          { line: 'Leases', bold: true },
          enBody('Lease'),
          { line: 'The above statement of profit or loss should be read in conjunction with the accompanying notes', bold: true },
        ],
      ],
      'note-titles.pdf',
    );
    expect(pathOf(chunks, 'Plant work')).toEqual(['Note 2. Property, plant and equipment']);
    expect(pathOf(chunks, 'Loan work')).toEqual(['Note 2. Property, plant and equipment']);
    expect(pathOf(chunks, 'Appointed work')).toEqual(['Note 2. Property, plant and equipment']);
    // A footnote set in a heading face is still a footnote: a numbering mark that is no numbered heading.
    expect(pathOf(chunks, 'Resigned work')).toEqual(['Note 2. Property, plant and equipment']);
    expect(pathOf(chunks, 'Assets work')).toEqual(['Note 2. Property, plant and equipment']);
    expect(pathOf(chunks, 'should be read')).toEqual(['Note 3. Right-of-use assets', 'Leases']);
  });

  it('ends the items at a filing’s signatures, opens an exhibit at its label atop a page, and takes no unit line for a heading', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          { line: 'PART II', size: 12, align: 'centre' },
          { line: 'Item 3. Exhibits', bold: true },
          enBody('Exhibits'),
          { line: 'SIGNATURES', bold: true, align: 'centre' },
          enBody('Signed'),
        ],
        [{ line: 'EXHIBIT 31.01', align: 'right' }, { line: 'CERTIFICATION', bold: true, align: 'centre' }, enBody('Certify'), 'See Exhibit 32.01', enBody('Referenced')],
        [{ line: 'NOTES TO THE ACCOUNTS', bold: true }, { line: 'All figures in USD ’000', bold: true }, enBody('Figures')],
      ],
      'filing.pdf',
    );
    expect(pathOf(chunks, 'Exhibits work')).toEqual(['PART II', 'Item 3. Exhibits']);
    expect(pathOf(chunks, 'Signed work')).toEqual(['SIGNATURES']);
    expect(pathOf(chunks, 'Certify work')).toEqual(['EXHIBIT 31.01 CERTIFICATION']);
    expect(pathOf(chunks, 'Referenced work')).toEqual(['EXHIBIT 31.01 CERTIFICATION']);
    // (An exhibit holds what follows it up to the next; the unit line heads nothing.)
    expect(pathOf(chunks, 'Figures work')).toEqual(['EXHIBIT 31.01 CERTIFICATION', 'NOTES TO THE ACCOUNTS']);
  });

  it('reads notes numbered in one face as one list however the number is printed, and a title repeated atop its pages once', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Annual Report 2031', size: 22, align: 'centre' }],
        [
          { line: '1. Employee benefits', size: 12, bold: true },
          enBody('Staff'),
          { line: 'Pension plans', bold: true },
          enBody('Pension'),
          { line: '2 Issued capital', size: 12, bold: true },
          enBody('Capital'),
          { line: '3 Provisions', size: 12, bold: true },
          enBody('Provision'),
        ],
        [
          { line: 'Independent auditor’s report to the members of', size: 12, bold: true },
          { line: 'Zorblat Holdings plc', size: 12, bold: true },
          { line: 'Opinion', bold: true },
          enBody('Opinion'),
        ],
        [{ line: 'Independent auditor’s report to the members of', size: 12, bold: true }, { line: 'Zorblat Holdings plc', size: 12, bold: true }, enBody('Continuing')],
      ],
      'notes-face.pdf',
    );
    expect(pathOf(chunks, 'Pension work')).toEqual(['1. Employee benefits', 'Pension plans']);
    expect(pathOf(chunks, 'Capital work')).toEqual(['2 Issued capital']);
    const report = ['Independent auditor’s report to the members of Zorblat Holdings plc', 'Opinion'];
    expect(pathOf(chunks, 'Opinion work')).toEqual(report);
    expect(pathOf(chunks, 'Continuing work')).toEqual(report);
  });

  it('reads a short title ending on a colon, one starting with a year and circled numbers under （1）, and takes no row label wrapped in a narrow cell or lone label for a heading', async () => {
    const chunks = await chunksOf(
      [
        [{ line: '青禾智造股份有限公司', size: 22, align: 'centre' }, { line: '2031 年年度报告', size: 18, align: 'centre' }],
        [
          { line: '第一节 经营情况', size: 16 },
          zhBody('经营'),
          '1、审计委员会履职情况汇总报告：',
          zhBody('审计'),
          '（1）2031 年起执行新租赁准则调整情况',
          zhBody('准则'),
          { placed: [{ text: '（五）专项储', x: 62 }], advance: 8 },
          { placed: [{ text: '1,893,899.62', x: 420, align: 'right' }], advance: 8 },
          { placed: [{ text: '备', x: 62 }] },
          zhBody('储备'),
          { placed: [{ text: '四、', x: 62 }] },
          { placed: [{ text: '本期', x: 62 }, { text: '561,374,326.00', x: 420, align: 'right' }] },
          zhBody('余额'),
          '① 成本法核算的长期股权投资',
          zhBody('成本法'),
        ],
      ],
      'zh-colon.pdf',
    );
    const standard = ['第一节 经营情况', '1、审计委员会履职情况汇总报告：', '（1）2031 年起执行新租赁准则调整情况'];
    expect(pathOf(chunks, '审计方面')).toEqual(standard.slice(0, 2));
    expect(pathOf(chunks, '准则方面')).toEqual(standard);
    expect(pathOf(chunks, '储备方面')).toEqual(standard);
    expect(pathOf(chunks, '余额方面')).toEqual(standard);
    expect(pathOf(chunks, '成本法方面')).toEqual([...standard, '① 成本法核算的长期股权投资']);
  });

  it('keeps a heading in larger type out of the table above it, and reads the heading under a running title printed again as continued', async () => {
    const amounts = (label: string, a: string, b: string): PdfBlock => ({ placed: [{ text: label, x: 56 }, { text: a, x: 430, align: 'right' }, { text: b, x: 530, align: 'right' }], size: 9, advance: 12 });
    const item = 'Item 2. Management’s Discussion and Analysis of Financial Condition and Results';
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [
          { line: item, bold: true },
          enBody('Discussion'),
          { line: 'Contractual Obligations', bold: true },
          amounts('Leases', '2,207', '2,146'),
          amounts('Purchase obligations', '1,118', '1,020'),
          amounts('Total', '3,325', '3,166'),
          { line: 'Off-Balance Sheet Arrangements', bold: true },
          enBody('Arrangement'),
        ],
        [{ line: `${item} (continued)`, bold: true }, { line: 'Critical Accounting Policies', bold: true }, enBody('Critical')],
      ],
      'continued-item.pdf',
    );
    expect(pathOf(chunks, 'Arrangement work')).toEqual([item, 'Off-Balance Sheet Arrangements']);
    expect(pathOf(chunks, 'Critical work')).toEqual([item, 'Critical Accounting Policies']);
  });

  it('ends a table carried over a page break at a Note heading atop the next page', async () => {
    const amounts = (label: string, a: string, b: string): PdfBlock => ({ placed: [{ text: label, x: 56 }, { text: a, x: 430, align: 'right' }, { text: b, x: 530, align: 'right' }], advance: 16 });
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        ['Note 1. Earnings per share', enBody('Earnings'), amounts('', '2031', '2030'), amounts('Profit after tax', '2,207', '2,146'), amounts('Weighted shares', '1,375', '1,375')],
        [amounts('Diluted shares', '1,422', '1,430'), 'Note 2. Changes in liabilities', enBody('Liabilities')],
      ],
      'note-after-table.pdf',
    );
    expect(pathOf(chunks, 'Liabilities work')).toEqual(['Note 2. Changes in liabilities']);
  });

  it('ends a statement carried over a page break at the next statement’s numbered name atop the page', async () => {
    const amounts = (label: string, a: string, b: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: a, x: 430, align: 'right' }, { text: b, x: 530, align: 'right' }], advance: 18 });
    const chunks = await chunksOf(
      [
        [{ line: '青禾智造股份有限公司', size: 22, align: 'centre' }],
        ['二、财务报表', '6、母公司现金流量表', amounts('项目', '2031 年度', '2030 年度'), amounts('经营活动现金流入小计', '1,203.00', '1,100.00'), amounts('经营活动现金流出小计', '903.00', '800.00')],
        // The name prints where the rows' labels start, so the page break alone does not end the table above.
        [{ placed: [{ text: '7、合并所有者权益变动表', x: 60 }] }, amounts('项目', '2031 年度', '2030 年度'), amounts('实收资本', '561.00', '561.00'), amounts('资本公积', '183.00', '164.00')],
      ],
      'statements-over-pages.pdf',
    );
    expect(pathOf(chunks, '实收资本')).toEqual(['二、财务报表', '合并所有者权益变动表']);
    expect(pathOf(chunks, '经营活动现金流入小计')).toEqual(['二、财务报表', '母公司现金流量表']);
  });

  it('reads (i) as the letter after (h) and as a roman numeral at the head of its own list', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }],
        [
          { line: '2. Summary of significant accounting policies', bold: true },
          '(a) Foreign currency translation',
          '(i) Functional currency',
          enBody('Functional'),
          '(ii) Transactions and balances',
          enBody('Balances'),
          ...['Basis', 'Leases', 'Taxes', 'Inventories', 'Goodwill', 'Cash'].flatMap((topic, i) => [`(${'bcdefg'[i]}) ${topic}`, enBody(topic)]),
          '(h) Financial instruments',
          enBody('Instruments'),
          '(i) Provisions',
          enBody('Provisions'),
          '(k) Revenue',
          enBody('Revenue'),
        ],
      ],
      'letters-and-romans.pdf',
    );
    const policies = '2. Summary of significant accounting policies';
    expect(pathOf(chunks, 'Balances work')).toEqual([policies, '(a) Foreign currency translation', '(ii) Transactions and balances']);
    expect(pathOf(chunks, 'Provisions work')).toEqual([policies, '(i) Provisions']);
    expect(pathOf(chunks, 'Revenue work')).toEqual([policies, '(k) Revenue']);
  });
});

describe('sections where a report repeats, closes or shrinks its titles', () => {
  const enRow = (label: string, a: string, b: string): PdfBlock => ({ placed: [{ text: label, x: 60 }, { text: a, x: 400, align: 'right' }, { text: b, x: 510, align: 'right' }], advance: 18 });

  it('carries a numbered note printed again with "(continued)" on, and closes it only at the next note', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }],
        [{ line: '3. Quill revenue', bold: true }, enBody('Quill'), { line: '4. Lantern risk management', bold: true }, { line: 'Ember risk', bold: true }, enBody('Ember')],
        [
          { line: 'Notes to the quill accounts (continued)', bold: true },
          'For the year ended 31 December 2031',
          { line: '4. Lantern risk management (continued)', bold: true },
          { line: 'Cinder risk', bold: true },
          enBody('Cinder'),
          { line: '5. Taxation', bold: true },
          enBody('Tax'),
        ],
      ],
      'continued-note.pdf',
    );
    expect(pathOf(chunks, 'Cinder work')).toEqual(['4. Lantern risk management', 'Cinder risk']);
    // The period under the running title atop the page is the running title's, not text of the note.
    expect(chunks.filter((c) => c.text.includes('For the year ended'))).toEqual([]);
    expect(pathOf(chunks, 'Tax work')).toEqual(['5. Taxation']);
  });

  it('takes no closing sentence about the text above ("This concludes …") for a heading, and ends the part it names there', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }],
        [
          { line: 'LANTERN REPORT', bold: true, size: 16 },
          { line: 'Lantern review', bold: true },
          enBody('Lantern'),
          { line: 'QUILL REPORT', bold: true, size: 16 },
          { line: 'Ember awards', bold: true },
          enBody('Ember'),
          { line: 'THIS CONCLUDES THE QUILL REPORT', bold: true },
          { line: 'Ember notice', bold: true },
          enBody('After'),
          { line: 'CINDER REPORT', bold: true, size: 16 },
          { line: 'Cinder review', bold: true },
          enBody('Cinder'),
        ],
      ],
      'closing-line.pdf',
    );
    expect(chunks.some((c) => c.section.path.includes('THIS CONCLUDES THE QUILL REPORT'))).toBe(false);
    // It closes the part it names: what follows is no longer under it, but under the part of its own
    // size it interrupted, which resumes (its subsections stay closed).
    expect(pathOf(chunks, 'After work')).toEqual(['LANTERN REPORT', 'Ember notice']);
  });

  it('ends the numbered notes at a title in capitals set in their face and size', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [{ line: 'Note 1 Quill Policies', bold: true }, enBody('Policy'), { line: 'Note 2 Ember Leases', bold: true }, enBody('Lease'), { line: 'Note 3 Cinder Debt', bold: true }, enBody('Debt')],
        [{ line: 'REPORT OF THE INDEPENDENT LANTERN AUDITOR', bold: true, align: 'centre' }, enBody('Opinion'), { line: 'Basis for Opinion', bold: true }, enBody('Basis')],
      ],
      'caps-after-notes.pdf',
    );
    expect(pathOf(chunks, 'Debt work')).toEqual(['Note 3 Cinder Debt']);
    expect(pathOf(chunks, 'Opinion work')).toEqual(['REPORT OF THE INDEPENDENT LANTERN AUDITOR']);
    expect(pathOf(chunks, 'Basis work')?.includes('Note 3 Cinder Debt')).toBe(false);
  });

  it('starts a new table under a heading on the next page, though it has no title and the same columns', async () => {
    const file = path.join(work, 'heading-between-tables.pdf');
    await writeFile(
      file,
      await makeReportPdf({
        header: null,
        footer: null,
        pages: [
          [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }],
          [{ line: 'Note 1. Quill stock', bold: true }, enBody('Stock'), enRow('Raw quill', '410', '380'), enRow('Finished quill', '520', '490'), enRow('Total quill', '930', '870')],
          [
            { line: 'Note 2. Ember plant', bold: true },
            ...['Plant', 'Depreciation', 'Disposal', 'Useful', 'Impairment', 'Review'].map(enBody),
            enRow('Ember kilns', '1,200', '1,150'),
            enRow('Ember sheds', '300', '280'),
            enRow('Total ember plant', '1,500', '1,430'),
          ],
        ],
      }),
    );
    const report = await analyseReport(file, { maxBytes: 10 * 1024 * 1024, year: 2031 });
    const tableOf = (label: string) => report.tables.find((t) => t.rows.some((row) => row[0] === label));
    expect(tableOf('Raw quill')?.rows.map((row) => row[0])).toEqual(['Raw quill', 'Finished quill', 'Total quill']);
    expect(tableOf('Ember kilns')?.section.path).toEqual(['Note 2. Ember plant']);
  });

  it('cites for each piece of a paragraph carried over a page break only the pages its own text is on', async () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Quill sentence ${i + 1} runs on with invented words for the lantern fund and ember works.`).join(' ');
    const lines: string[] = [];
    for (const word of sentences.split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && last.length + word.length < 92) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    const chunks = await chunksOf(
      [[{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }, enBody('Cover')], [{ line: 'Quill operations', size: 14 }, ...lines.slice(0, 6)], lines.slice(6)],
      'paragraph-over-pages.pdf',
    );
    const pieces = chunks.filter((c) => c.text.includes('Quill sentence'));
    expect(pieces.length).toBeGreaterThan(1);
    expect([pieces[0]?.pageStart, pieces.at(-1)?.pageStart, pieces.at(-1)?.pageEnd]).toEqual([2, 3, 3]);
    // Sentence 12 is printed on page 3 only; sentence 1 on page 2 only.
    expect(pieces.filter((c) => c.text.includes('Quill sentence 12 ')).map((c) => [c.pageStart, c.pageEnd])).toEqual([[3, 3]]);
    expect(pieces.filter((c) => c.text.includes('Quill sentence 1 ')).map((c) => c.pageStart)).toEqual([2]);
  });

  it('reads "i)" and "ii)" as roman numerals of the same list as "(iii)", a short title ending on a colon included', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }, enBody('Cover')],
        [
          { line: 'Note 1. Quill estimates', bold: true },
          enBody('Estimate'),
          { line: 'i) Ember payments:', bold: true },
          enBody('Ember'),
          { line: 'ii) Lantern impairment', bold: true },
          enBody('Lantern'),
          { line: '(iii) Cinder receivables', bold: true },
          enBody('Cinder'),
        ],
      ],
      'roman-half-paren.pdf',
    );
    expect(pathOf(chunks, 'Ember work')).toEqual(['Note 1. Quill estimates', 'i) Ember payments:']);
    expect(pathOf(chunks, 'Lantern work')).toEqual(['Note 1. Quill estimates', 'ii) Lantern impairment']);
    expect(pathOf(chunks, 'Cinder work')).toEqual(['Note 1. Quill estimates', '(iii) Cinder receivables']);
  });

  it('reads a page shrunk as a whole at the report\'s scale: its title is the next statement, not text', async () => {
    const statement = (title: string, topic: string, size?: number): PdfBlock[] => [
      { line: title, bold: true, align: 'centre', ...(size ? { size } : {}) },
      ...[1, 2, 3].map((n) => ({ line: enBody(`${topic}${n}`), ...(size ? { size } : {}) })),
    ];
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }, enBody('Cover')],
        statement('QUILL STATEMENTS OF INCOME', 'Income'),
        statement('QUILL STATEMENTS OF EQUITY', 'Equity'),
        // Every line of this page, title and text, printed at 8 points against the report's 10.5.
        statement('QUILL STATEMENTS OF CASH FLOWS', 'Flow', 8),
        // Shrunk too, though a group label inside its table keeps the body size.
        [
          { line: 'QUILL BALANCE SHEETS', bold: true, align: 'centre', size: 8 },
          { placed: [{ text: '2031', x: 420, align: 'right' }, { text: '2030', x: 520, align: 'right' }], size: 8, advance: 14 },
          { placed: [{ text: 'ASSETS', x: 70 }], advance: 16 },
          { placed: [{ text: 'Ember stock', x: 70 }, { text: '1,200', x: 420, align: 'right' }, { text: '1,100', x: 520, align: 'right' }], size: 8, advance: 14 },
          { placed: [{ text: 'Cinder cash', x: 70 }, { text: '300', x: 420, align: 'right' }, { text: '250', x: 520, align: 'right' }], size: 8, advance: 14 },
          { placed: [{ text: 'Lantern loans', x: 70 }, { text: '90', x: 420, align: 'right' }, { text: '95', x: 520, align: 'right' }], size: 8, advance: 20 },
          { line: enBody('Sheet'), size: 8 },
        ],
      ],
      'shrunk-page.pdf',
    );
    expect(pathOf(chunks, 'Equity2 work')).toEqual(['QUILL STATEMENTS OF EQUITY']);
    expect(pathOf(chunks, 'Flow2 work')).toEqual(['QUILL STATEMENTS OF CASH FLOWS']);
    expect(pathOf(chunks, 'Sheet work')).toEqual(['QUILL BALANCE SHEETS']);
  });

  it('names a table by its own title, not a running title or a date, and opens no section for a heading it repeats or a lead-in clause', async () => {
    const file = path.join(work, 'table-titles.pdf');
    await writeFile(
      file,
      await makeReportPdf({
        header: null,
        footer: null,
        pages: [
          [{ line: 'Qinghe Widgets plc', size: 22, align: 'centre' }],
          [
            { line: 'Ember holdings', bold: true },
            enRow('Quill Ltd', '1,200', '1,100'),
            enRow('Lantern Ltd', '300', '250'),
            enRow('Cinder Ltd', '75', '60'),
            enBody('Holdings'),
          ],
          [
            { line: 'Notes to the quill accounts (continued)', bold: true },
            { line: '16. Ember options', bold: true },
            enBody('Options'),
            'A summary of outstanding ember options is as follows:',
            enRow('At 1 January', '5,000', '4,000'),
            enRow('Granted', '1,000', '1,000'),
            enRow('At 31 December', '6,000', '5,000'),
            enBody('Later'),
            { line: '30 June 2031', advance: 24 },
            enRow('Quill stock', '910', '870'),
            enRow('Ember stock', '120', '95'),
            enRow('Cinder stock', '64', '51'),
          ],
        ],
      }),
    );
    const report = await analyseReport(file, { maxBytes: 10 * 1024 * 1024, year: 2031 });
    const tableOf = (label: string) => report.tables.find((t) => t.rows.some((row) => row[0] === label));
    expect(tableOf('Quill Ltd')?.section.path).toEqual(['Ember holdings']);
    const options = tableOf('Granted');
    // The clause leading into it names it but opens no section; the running title atop the page does neither.
    expect([options?.title, options?.section.path]).toEqual(['A summary of outstanding ember options is as follows:', ['16. Ember options']]);
    expect(tableOf('Quill stock')?.title).toBe('');
  });

  it('files a paragraph under the title run into its first sentence, and the paragraphs after it until the next title or heading', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        [
          { line: 'Note 3. Accounting policies', size: 12 },
          ...paragraph('Principles of Consolidation.', 'Consolidation'),
          ...paragraph('As in earlier years,', 'Scope'),
          ...paragraph('Use of Estimates.', 'Estimates'),
          // A reply, an abbreviation and a figure open sentences, not titles.
          ...paragraph('None. The', 'Reply'),
          ...paragraph('Mr. Reed said the', 'Reed'),
          ...paragraph('In 2031. The', 'Year'),
          // A title of ten words in title case is still a title, however long.
          ...paragraph('Indemnities Given to the Officers of the Quorvex Trust Board.', 'Indemnity'),
          { line: 'Note 4. Leases', size: 12 },
          enBody('Lease'),
        ],
      ],
      'run-in-titles.pdf',
    );
    expect(pathOf(chunks, 'Consolidation work')).toEqual(['Note 3. Accounting policies', 'Principles of Consolidation']);
    expect(pathOf(chunks, 'Scope work')).toEqual(['Note 3. Accounting policies', 'Principles of Consolidation']);
    expect(pathOf(chunks, 'Estimates work')).toEqual(['Note 3. Accounting policies', 'Use of Estimates']);
    expect(pathOf(chunks, 'Reply work')).toEqual(['Note 3. Accounting policies', 'Use of Estimates']);
    expect(pathOf(chunks, 'Reed work')).toEqual(['Note 3. Accounting policies', 'Use of Estimates']);
    expect(pathOf(chunks, 'Year work')).toEqual(['Note 3. Accounting policies', 'Use of Estimates']);
    expect(pathOf(chunks, 'Indemnity work')).toEqual(['Note 3. Accounting policies', 'Indemnities Given to the Officers of the Quorvex Trust Board']);
    // A heading ends the run-in title's reach.
    expect(pathOf(chunks, 'Lease work')).toEqual(['Note 4. Leases']);
  });

  it('reads a title in a heading face that starts with a year or ends on a colon, and no line of it in lower case', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        [
          { line: 'Compensation', bold: true },
          enBody('Pay'),
          { line: '2031 Ember Share Plan', bold: true },
          enBody('Plan'),
          { line: 'Board Members and Staff:', bold: true },
          enBody('Staff'),
          { line: 'Loans to Directors', bold: true },
          // A lead-in sentence set in the face over two lines: its second line is no title.
          { line: 'The loans granted to directors and officers during the year under the plan', bold: true },
          { line: 'described above are as follows:', bold: true },
          enBody('Loan'),
        ],
      ],
      'year-colon-titles.pdf',
    );
    expect(pathOf(chunks, 'Pay work')).toEqual(['Compensation']);
    expect(pathOf(chunks, 'Plan work')).toEqual(['2031 Ember Share Plan']);
    expect(pathOf(chunks, 'Staff work')).toEqual(['Board Members and Staff:']);
    expect(pathOf(chunks, 'Loan work')).toEqual(['Loans to Directors']);
  });

  it('reads the title a form prints over the boxes ticked for it as a heading under the one in force', async () => {
    const chunks = await chunksOf(
      [
        [{ line: '青禾智造股份有限公司', size: 22, align: 'centre' }, { line: '2031 年年度报告', size: 18, align: 'centre' }],
        [
          { line: '第一节 董事和员工情况', size: 16 },
          { line: '一、任职情况', size: 12 },
          '在蓝鲸湾集团任职情况',
          '√ 适用 □ 不适用',
          zhBody('任职'),
          '在其他单位任职情况',
          '□ 适用 √ 不适用',
          zhBody('兼职'),
          { line: '二、报酬情况', size: 12 },
          zhBody('报酬'),
        ],
      ],
      'form-items.pdf',
    );
    expect(pathOf(chunks, '任职方面')).toEqual(['第一节 董事和员工情况', '一、任职情况', '在蓝鲸湾集团任职情况']);
    // An item whose box declines holds only its choice line: the text after it is the heading's in force.
    expect(pathOf(chunks, '兼职方面')).toEqual(['第一节 董事和员工情况', '一、任职情况']);
    expect(pathOf(chunks, '□ 适用 √ 不适用')).toEqual(['第一节 董事和员工情况', '一、任职情况', '在其他单位任职情况']);
    expect(pathOf(chunks, '报酬方面')).toEqual(['第一节 董事和员工情况', '二、报酬情况']);
  });

  it('reads topics run in before a colon where the report makes a habit of them, and no field label printed per record or list after a colon', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        [
          { line: 'Note 2. Accounting policies', size: 12 },
          ...paragraph('Basis of Lantern Accounting: The', 'Basis'),
          ...paragraph('Principles of Ember Consolidation: Entities in', 'Entity'),
          ...paragraph('Quill Currency Translation: The', 'Currency'),
          // One word is a topic too in a report with the habit.
          ...paragraph('Inventories: The', 'Stock'),
          // A list of words in capitals after the colon is no sentence.
          'Values: Be Bold, Be Kind, Be Quick',
          ...paragraph('In the year', 'Values'),
          { line: 'Note 3. Directors', size: 12 },
          // A form's label printed for each person is a field, not a topic.
          ...paragraph('Role Held: The', 'First'),
          ...paragraph('Role Held: The', 'Second'),
        ],
      ],
      'colon-titles.pdf',
    );
    expect(pathOf(chunks, 'Basis work')).toEqual(['Note 2. Accounting policies', 'Basis of Lantern Accounting']);
    expect(pathOf(chunks, 'Entity work')).toEqual(['Note 2. Accounting policies', 'Principles of Ember Consolidation']);
    expect(pathOf(chunks, 'Currency work')).toEqual(['Note 2. Accounting policies', 'Quill Currency Translation']);
    expect(pathOf(chunks, 'Stock work')).toEqual(['Note 2. Accounting policies', 'Inventories']);
    expect(pathOf(chunks, 'Values work')).toEqual(['Note 2. Accounting policies', 'Inventories']);
    expect(pathOf(chunks, 'Second work')).toEqual(['Note 3. Directors']);
  });

  it('reads no colon lead-in as a title in a report that runs in no topics so', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        [
          { line: 'Note 1. Cinder plant', size: 12 },
          'Lantern Note: The figures below are stated at cost and include the Ember plant and the Quill',
          'site.',
          enBody('Plant'),
        ],
      ],
      'one-colon-lead.pdf',
    );
    expect(pathOf(chunks, 'Plant work')).toEqual(['Note 1. Cinder plant']);
  });

  it('holds a numbered list under a title printed straight over its first heading', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Inc.', size: 22, align: 'centre' }],
        [{ line: 'Item 1. Lantern Statements', bold: true }, enBody('Statement')],
        [
          { line: 'NOTES TO THE LANTERN STATEMENTS', bold: true, align: 'centre' },
          // A unit line between them counts for the whole part: the title is still straight over the list.
          { line: "(All amounts in USD '000)", align: 'centre' },
          { line: 'Note 1 Quill Policies', bold: true },
          enBody('Policy'),
          { line: 'Note 2 Ember Leases', bold: true },
          enBody('Lease'),
        ],
        [{ line: 'CINDER SCHEDULE', bold: true, align: 'centre' }, enBody('Schedule'), { line: 'Note 3 Loose Remark', bold: true }, enBody('Remark')],
        [{ line: 'Basis of Ember preparation', bold: true }, { line: '(a) Statement of compliance', bold: true }, enBody('Compliance'), { line: '(b) Going concern', bold: true }, enBody('Concern')],
      ],
      'notes-title.pdf',
    );
    expect(pathOf(chunks, 'Policy work')).toEqual(['Item 1. Lantern Statements', 'NOTES TO THE LANTERN STATEMENTS', 'Note 1 Quill Policies']);
    expect(pathOf(chunks, 'Lease work')).toEqual(['Item 1. Lantern Statements', 'NOTES TO THE LANTERN STATEMENTS', 'Note 2 Ember Leases']);
    // Text between them: the title in capitals introduced that text, not the numbered heading after it.
    expect(pathOf(chunks, 'Remark work')?.includes('CINDER SCHEDULE')).toBe(false);
    // In mixed case too: a title over the first heading of a lettered list.
    expect(pathOf(chunks, 'Concern work')?.slice(-2)).toEqual(['Basis of Ember preparation', '(b) Going concern']);
  });

  it('takes no line signing a report off, no signer\'s name under it and no postcode in capitals for a heading', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Plc', size: 22, align: 'centre' }],
        [
          { line: 'Use of the Lantern report', bold: true },
          enBody('Use'),
          'Ember Quill FCA (Senior Statutory Auditor)',
          { line: 'For and on behalf of Cinder Audit LLP', bold: true },
          'Statutory Auditors',
          'QW1 8ZZ',
          '11 May 2031',
          { line: 'Strategic Overview', bold: true },
          enBody('Strategy'),
          // The signer's name under a sign-off, set in a heading's type, is no heading either.
          { line: 'Future plans', bold: true },
          enBody('Plans'),
          'By order of the Board',
          { line: 'Maren Tollefsen', bold: true },
          'Executive Chair',
          '30th September 2031',
        ],
      ],
      'sign-off.pdf',
    );
    expect(pathOf(chunks, 'Executive Chair')).toEqual(['Future plans']);
    expect(pathOf(chunks, 'Statutory Auditors')).toEqual(['Use of the Lantern report']);
    expect(pathOf(chunks, '11 May 2031')).toEqual(['Use of the Lantern report']);
    expect(pathOf(chunks, 'Strategy work')).toEqual(['Strategic Overview']);
  });

  it('nests headings set like a part the contents page lists under it, and closes them at the next listed part', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Trust', size: 22, align: 'centre' }],
        [
          'Contents',
          "Trustees' report .................................................. 3",
          "Independent Auditor's Report ....................................... 4",
          'Statement of Quorvex Position as at 30 June 2031 .................... 5',
        ],
        [{ line: "Trustees' report", bold: true }, enBody('Trust'), { line: 'Principal activities', bold: true }, enBody('Activity'), { line: 'Review of glimmer', bold: true }, enBody('Glimmer')],
        [
          { line: "Independent Auditor's Report to the Members of Qinghe Trust", bold: true },
          // The same title again in capitals, right under it, is the same section.
          { line: "INDEPENDENT AUDITOR'S REPORT TO THE MEMBERS OF QINGHE TRUST", bold: true },
          { line: 'Opinion', bold: true },
          enBody('Opinion'),
        ],
        [{ line: 'STATEMENT OF QUORVEX POSITION', bold: true }, enBody('Position')],
      ],
      'listed-parts.pdf',
    );
    // Set in one face, the listed title holds the unlisted ones after it; they are siblings of each other.
    expect(pathOf(chunks, 'Activity work')).toEqual(["Trustees' report", 'Principal activities']);
    expect(pathOf(chunks, 'Glimmer work')).toEqual(["Trustees' report", 'Review of glimmer']);
    // A listed part printed with the addressee after its listed words, and one listed with its period.
    expect(pathOf(chunks, 'Opinion work')).toEqual(["Independent Auditor's Report to the Members of Qinghe Trust", 'Opinion']);
    expect(pathOf(chunks, 'Position work')).toEqual(['STATEMENT OF QUORVEX POSITION']);
  });

  it('reads a title setting two years against each other as a heading under the lettered section, not as a period line', async () => {
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Tankers Ltd', size: 22, align: 'centre' }],
        [
          { line: 'Item 1. Lantern Review', bold: true },
          { line: 'A. Operating Results', bold: true },
          enBody('Fleet'),
          'YEAR ENDED DECEMBER 31, 2031 COMPARED TO YEAR ENDED DECEMBER 31, 2030',
          enBody('Voyage'),
          'YEAR ENDED DECEMBER 31, 2030 COMPARED TO YEAR ENDED DECEMBER 31, 2029',
          enBody('Charter'),
          { line: 'B. Liquidity', bold: true },
          enBody('Cash'),
        ],
      ],
      'compared-years.pdf',
    );
    expect(pathOf(chunks, 'Voyage work')).toEqual(['Item 1. Lantern Review', 'A. Operating Results', 'YEAR ENDED DECEMBER 31, 2031 COMPARED TO YEAR ENDED DECEMBER 31, 2030']);
    expect(pathOf(chunks, 'Charter work')).toEqual(['Item 1. Lantern Review', 'A. Operating Results', 'YEAR ENDED DECEMBER 31, 2030 COMPARED TO YEAR ENDED DECEMBER 31, 2029']);
    expect(pathOf(chunks, 'Cash work')).toEqual(['Item 1. Lantern Review', 'B. Liquidity']);
  });

  it('reads two levels of titles set in one size as the levels they are: the face that comes first and sets fewer holds the other', async () => {
    const part = (title: string, ...subtitles: string[]): PdfBlock[] => [{ line: title, bold: true }, ...subtitles.flatMap((sub): PdfBlock[] => [{ line: sub, italic: true }, enBody(sub)])];
    const chunks = await chunksOf(
      [
        [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
        [...part('Quill Policies', 'Ember translation', 'Cinder operations'), ...part('Lantern Risks', 'Credit exposure', 'Market exposure')],
        [...part('Heron Payments', 'Fixed pay', 'Variable pay')],
      ],
      'two-faces-one-size.pdf',
    );
    expect(pathOf(chunks, 'Cinder operations work')).toEqual(['Quill Policies', 'Cinder operations']);
    expect(pathOf(chunks, 'Credit exposure work')).toEqual(['Lantern Risks', 'Credit exposure']);
    expect(pathOf(chunks, 'Variable pay work')).toEqual(['Heron Payments', 'Variable pay']);
  });

  /**
   * 24 pages: a part titled 'Heron Review' atop each of its five pages (too few for a running header
   * of the whole report), then 18 parts of a page each under titles of their own in 14 pt.
   */
  const partReport = (partTitle: PdfBlock): PdfBlock[][] => {
    const names = ['Alder', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir', 'Gorse', 'Hazel', 'Ivy', 'Juniper', 'Kale', 'Larch', 'Maple', 'Nettle', 'Oak', 'Pine', 'Quince', 'Rowan'];
    const filler = names.map((name): PdfBlock[] => [{ line: `${name} Notes`, size: 14, bold: true }, enBody(`${name} filler`), enBody(`${name} more`)]);
    const partPage = (...blocks: PdfBlock[]): PdfBlock[] => [partTitle, ...blocks];
    return [
      [{ line: 'Qinghe Widgets Ltd', size: 22, align: 'centre' }],
      partPage(enBody('Opening'), { line: 'Ember pay', bold: true }, enBody('Ember')),
      partPage(enBody('Ember more')),
      partPage({ line: 'Cinder pay', bold: true }, enBody('Cinder')),
      partPage(enBody('Cinder more')),
      partPage({ line: 'Lantern pay', bold: true }, enBody('Lantern')),
      ...filler,
    ];
  };

  it('reads a part title printed atop each of its pages as the part\'s heading on its first page and a running title after', async () => {
    // The part's title is set in the face of the titles in it, as some reports do.
    const chunks = await chunksOf(partReport({ line: 'Heron Review', bold: true }), 'part-title.pdf');
    expect(pathOf(chunks, 'Opening work')).toEqual(['Heron Review']);
    // Printed again atop the next pages, it opens no section there: the text goes on under the title in force.
    expect(pathOf(chunks, 'Ember more work')).toEqual(['Ember pay']);
    expect(pathOf(chunks, 'Cinder more work')).toEqual(['Cinder pay']);
    expect(chunks.filter((c) => c.text.includes('Heron Review') && c.pageStart > 2)).toEqual([]);
  });

  it('opens a part at its own title printed atop its first page, which holds the titles under it on the pages after', async () => {
    // Set larger than the titles in it, the part's title holds them.
    const chunks = await chunksOf(partReport({ line: 'Heron Review', size: 14, bold: true }), 'part-title-larger.pdf');
    expect(pathOf(chunks, 'Ember work')).toEqual(['Heron Review', 'Ember pay']);
    expect(pathOf(chunks, 'Cinder more work')).toEqual(['Heron Review', 'Cinder pay']);
    expect(pathOf(chunks, 'Alder filler work')).toEqual(['Alder Notes']);
  });
});
