import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../ingest/extract/extractPdf.js';
import { cleanPages } from '../../../ingest/clean/cleanPages.js';
import { structureDocument } from '../../../ingest/structure/structureDocument.js';
import { buildTables } from '../../../ingest/tables/buildTables.js';
import { cellText } from '../../../ingest/tables/cellText.js';
import type { PageGridTable } from '../../../ingest/types.js';
import type { ParsedTable } from '../../../src/store/shapes.js';
import { makeRuledTablePdf, makeTwoPageTablePdf, TWO_PAGE_TABLE } from '../../fixtures/pdfs.js';
import { documentOf } from './documentOf.js';

/** The whole front of the pipeline on a PDF built in memory: extract, clean, structure, tables. */
async function tablesOfPdf(bytes: Buffer): Promise<ParsedTable[]> {
  const extracted = await extractPdf(bytes, { file: 'fixture.pdf', tablePages: 'all' });
  const doc = cleanPages(extracted.pages);
  return buildTables({ lines: doc.lines, blocks: structureDocument(doc).blocks, gridTables: extracted.gridTables });
}

describe('tables from ruled PDF grids', () => {
  it('joins a table printed over two pages into one and drops the header printed again', async () => {
    const tables = await tablesOfPdf(await makeTwoPageTablePdf());
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table?.pages).toEqual([2, 3]);
    expect(table?.header).toEqual(['序号', '产业学院名称', '合作企业']);
    expect(table?.rows).toEqual([...TWO_PAGE_TABLE.firstPageRows, ...TWO_PAGE_TABLE.secondPageRows]);
  });

  it('re-joins a cell printed on two lines without a space between the CJK characters', async () => {
    const [table] = await tablesOfPdf(await makeRuledTablePdf());
    expect(table?.rows[1]).toEqual(['2', '国家级职业教育教师教学创新团队', '2']);
  });

  it('attaches the caption id and title, the source note, the page and the section when the grid sits under its caption', async () => {
    const [table] = await tablesOfPdf(await makeRuledTablePdf());
    expect(table).toMatchObject({
      id: '表 1-1',
      title: '测试表格',
      page: 1,
      pages: [1],
      sourceNote: '数据来源：测试学院教务处',
      section: { id: '表 1-1', path: ['1.1 专业建设', '表 1-1 测试表格'] },
    });
  });

  it('keeps the spaces printed inside a cell line when it joins the cell’s wrapped lines', () => {
    expect(cellText('2024 年全国大学生跆拳道锦标\n赛（国家级）')).toBe('2024 年全国大学生跆拳道锦标赛（国家级）');
    expect(cellText('胡彩玲、\n王 伟')).toBe('胡彩玲、王 伟');
    expect(cellText(' 陈 超 ')).toBe('陈 超');
    expect(cellText('Computer\nAided Design')).toBe('Computer Aided Design');
  });

  it('continues a table on the next page when the grid there repeats no header but the table’s text runs on', () => {
    const { lines, blocks } = documentOf([
      ['1.1 专业建设', '表 1-1 专业一览', '序号 专业 人数', '1 化工 30', '2 制药 40'],
      ['3 机械 50', '数据来源：教务处', '以上数据截至年底。'],
    ]);
    const gridTables: PageGridTable[] = [
      { page: 1, rows: [['序号', '专业', '人数'], ['1', '化工', '30'], ['2', '制药', '40']] },
      { page: 2, rows: [['3', '机械', '50']] },
    ];
    const tables = buildTables({ lines, blocks, gridTables });
    expect(tables.map((t) => [t.id, t.pages, t.rows.length, t.sourceNote])).toEqual([['表 1-1', [1, 2], 3, '数据来源：教务处']]);
  });

  it('adds the single row of a last-page grid once when that grid holds only the repeated header and one row', () => {
    const { lines, blocks } = documentOf([
      ['表 1-8 学生获奖', '序号 赛项 学院', '69 供应链管理 商务贸易学院'],
      ['序号 赛项 学院', '70 供应链管理 商务贸易学院', '数据来源：教务处'],
    ]);
    const gridTables: PageGridTable[] = [
      { page: 1, rows: [['序号', '赛项', '学院'], ['69', '供应链管理', '商务贸易学院']] },
      { page: 2, rows: [['序号', '赛项', '学院'], ['70', '供应链管理', '商务贸易学院']] },
    ];
    const [table] = buildTables({ lines, blocks, gridTables });
    expect(table?.rows).toEqual([
      ['69', '供应链管理', '商务贸易学院'],
      ['70', '供应链管理', '商务贸易学院'],
    ]);
  });

  it('gives a grid to the caption whose text quotes its header when an earlier caption on the page has no grid', () => {
    const { lines, blocks } = documentOf([
      ['表 1-1 校园风貌', '数据来源：宣传部', '表 1-2 经费投入', '项目 金额（万元）', '设备 120', '数据来源：财务处'],
    ]);
    const gridTables: PageGridTable[] = [{ page: 1, rows: [['项目', '金额（万元）'], ['设备', '120']] }];
    const tables = buildTables({ lines, blocks, gridTables });
    expect(tables.map((t) => [t.id, t.title, t.sourceNote, t.rows])).toEqual([['表 1-2', '经费投入', '数据来源：财务处', [['设备', '120']]]]);
  });

  it('keeps a grid printed without a caption as a table with no id, placed in the section it is printed in', () => {
    const { lines, blocks } = documentOf([['1.1 服务地方', '学校为企业开展培训，情况如下。', '培训项目 人次', '安全生产 300']]);
    const gridTables: PageGridTable[] = [{ page: 1, rows: [['培训项目', '人次'], ['安全生产', '300']] }];
    const tables = buildTables({ lines, blocks, gridTables });
    expect(tables).toEqual([
      {
        id: '',
        title: '',
        page: 1,
        pages: [1],
        header: ['培训项目', '人次'],
        rows: [['安全生产', '300']],
        rowPages: [1],
        sourceNote: null,
        section: { id: '1.1', path: ['1.1 服务地方'] },
      },
    ]);
  });

  it('ignores a one-column ruled frame when it is a boxed text rather than a table', () => {
    const { lines, blocks } = documentOf([['【案例 1-1】校企共建实训基地', '学校与企业共建实训基地。']]);
    const gridTables: PageGridTable[] = [{ page: 1, rows: [['学校与企业共建实训基地。']] }];
    expect(buildTables({ lines, blocks, gridTables })).toEqual([]);
  });

  it('starts a new table when a grid on the next page repeats the header of a table whose source note already closed it', () => {
    const { lines, blocks } = documentOf([
      ['表 2-1 合作企业', '序号 企业 城市', '1 甲公司 株洲', '数据来源：校企合作处'],
      ['表 2-2 新增合作企业', '序号 企业 城市', '1 乙公司 长沙', '数据来源：校企合作处'],
    ]);
    const gridTables: PageGridTable[] = [
      { page: 1, rows: [['序号', '企业', '城市'], ['1', '甲公司', '株洲']] },
      { page: 2, rows: [['序号', '企业', '城市'], ['1', '乙公司', '长沙']] },
    ];
    const tables = buildTables({ lines, blocks, gridTables });
    expect(tables.map((t) => [t.id, t.page, t.rows])).toEqual([
      ['表 2-1', 1, [['1', '甲公司', '株洲']]],
      ['表 2-2', 2, [['1', '乙公司', '长沙']]],
    ]);
  });
});
