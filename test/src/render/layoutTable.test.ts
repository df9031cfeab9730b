import { describe, expect, it } from 'vitest';
import type { ParsedTable } from '../../../src/store/shapes.js';
import { layoutTable, TABLE_STYLE } from '../../../src/render/layoutTable.js';

/** Every character 10 px wide in every role, so widths and line counts can be worked out by hand. */
const measureFor = () => (text: string) => [...text].length * 10;
const ROW = TABLE_STYLE.lineHeight.cell + 2 * TABLE_STYLE.padY;

function table(rows: string[][], overrides: Partial<ParsedTable> = {}): ParsedTable {
  return {
    id: '表 9-1',
    title: '测试学院专业设置',
    page: 12,
    pages: [12],
    header: ['序号', '项目名称', '人数'],
    rows,
    sourceNote: '数据来源：测试学院教务处',
    section: { id: '9.1', path: ['9.1 专业'] },
    ...overrides,
  };
}

const numbered = (count: number) => Array.from({ length: count }, (_, i) => [String(i + 1), `测试项目${i + 1}`, String(100 + i)]);

describe('layoutTable', () => {
  it('adds one row height per single-line row when rows are added', () => {
    const [three] = layoutTable(table(numbered(3)), {}, measureFor);
    const [six] = layoutTable(table(numbered(6)), {}, measureFor);
    expect((six?.height ?? 0) - (three?.height ?? 0)).toBe(3 * ROW);
  });

  it('splits 70 rows over pages no taller than maxHeight, each with the header, covering every row once', () => {
    const pages = layoutTable(table(numbered(70)), { maxHeight: 1200 }, measureFor);
    expect(pages.length).toBe(5);
    expect(pages.every((page) => page.height <= 1200)).toBe(true);
    expect(pages.every((page) => page.header?.cells.map((cell) => cell.lines.join('')).join('|') === '序号|项目名称|人数')).toBe(true);
    expect(pages.map((page) => page.firstRow)).toEqual([0, 17, 34, 51, 68]);
    expect(pages.reduce((total, page) => total + page.rows.length, 0)).toBe(70);
    expect(pages[1]?.rows[0]?.cells[1]?.lines).toEqual(['测试项目18']);
  });

  it('numbers the pages in the caption when the table is split', () => {
    const pages = layoutTable(table(numbered(70)), { maxHeight: 1200 }, measureFor);
    expect(pages.map((page) => page.caption.lines.join(''))).toEqual([1, 2, 3, 4, 5].map((n) => `表 9-1 测试学院专业设置（${n}/5）`));
  });

  it('keeps a short column at its natural width when a long column has to wrap', () => {
    const [page] = layoutTable(table([['1', '很'.repeat(200), '12']]), { maxWidth: 800 }, measureFor);
    // 序号: 2 characters + padding; 人数: 2 characters + padding; the rest of 800 - 2 × 36 to 项目名称.
    expect(page?.columnWidth).toEqual([48, 632, 48]);
    // 632 - 2 × 14 padding = 60 characters a line: 200 characters need 4 lines, balanced to 50 each.
    expect(page?.rows[0]?.cells[1]?.lines.map((line) => line.length)).toEqual([50, 50, 50, 50]);
  });

  it('wraps a long header onto two balanced lines when the columns do not fit side by side', () => {
    const rows = [['1', '很'.repeat(200), '812']];
    const [page] = layoutTable(table(rows, { header: ['序号', '项目名称', '在校生人数合计'] }), { maxWidth: 800 }, measureFor);
    expect(page?.header?.cells.map((cell) => cell.lines)).toEqual([['序号'], ['项目名称'], ['在校生人', '数合计']]);
  });

  it('keeps a header of up to three characters on one line when the columns do not fit', () => {
    const rows = [['1', '很'.repeat(200), '8']];
    const [page] = layoutTable(table(rows, { header: ['序号', '项目名称', '人数'] }), { maxWidth: 800 }, measureFor);
    expect(page?.header?.cells[2]?.lines).toEqual(['人数']);
  });

  it('right-aligns a column when every body cell is a number', () => {
    const [page] = layoutTable(table([['1', '化工', '1,024'], ['2', '制药', '63.93%']]), {}, measureFor);
    expect(page?.align).toEqual(['right', 'left', 'right']);
  });

  it('prints the source note and the page range under the grid when no source line is given', () => {
    const [page] = layoutTable(table(numbered(2), { page: 13, pages: [13, 14, 15] }), {}, measureFor);
    expect(page?.notes.lines).toEqual(['数据来源：测试学院教务处', '第 13–15 页']);
  });

  it('uses the given title and source line instead of the defaults', () => {
    const [page] = layoutTable(table(numbered(2), { sourceNote: null }), { title: '专业一览', sourceLine: '测试报告 · 2024 · 第 12 页' }, measureFor);
    expect([page?.caption.lines, page?.notes.lines]).toEqual([['专业一览'], ['测试报告 · 2024 · 第 12 页']]);
  });

  it('cuts a cell taller than a whole page with an ellipsis when one row cannot fit', () => {
    const pages = layoutTable(table([['1', '长'.repeat(3000), '2']]), { maxWidth: 600, maxHeight: 1000 }, measureFor);
    expect(pages.length).toBe(1);
    expect(pages[0]?.height).toBeLessThanOrEqual(1000);
    expect(pages[0]?.rows[0]?.cells[1]?.lines.at(-1)?.endsWith('…')).toBe(true);
  });

  it('throws RangeError when maxHeight leaves no room for a single row', () => {
    expect(() => layoutTable(table(numbered(3)), { maxHeight: 150 }, measureFor)).toThrow(RangeError);
  });
});
