import { describe, expect, it } from 'vitest';
import type { ParsedTable } from '../../../src/store/shapes.js';
import { tableCsv } from '../../../src/render/tableCsv.js';

const table = (header: string[], rows: string[][]): ParsedTable => ({
  id: '表 9-1',
  title: '测试表',
  page: 3,
  pages: [3],
  header,
  rows,
  sourceNote: null,
  section: { id: '9.1', path: ['9.1 测试'] },
});

describe('tableCsv', () => {
  it('writes a BOM, the header, then the rows with CRLF line ends when no cell needs quoting', () => {
    expect(tableCsv(table(['序号', '名称'], [['1', '化工'], ['2', '制药']]))).toBe('\ufeff序号,名称\r\n1,化工\r\n2,制药\r\n');
  });

  it('quotes cells holding a comma, a quote or a line break and doubles the quotes', () => {
    const csv = tableCsv(table(['名称', '备注'], [['化工, 制药', '他说"好"'], ['多行\n文本', 'a\r\nb']]));
    expect(csv).toBe('\ufeff名称,备注\r\n"化工, 制药","他说""好"""\r\n"多行\n文本","a\r\nb"\r\n');
  });

  it('pads short rows with empty fields when rows are ragged', () => {
    expect(tableCsv(table(['序号', '名称', '数量'], [['1'], ['2', '化工']]))).toBe('\ufeff序号,名称,数量\r\n1,,\r\n2,化工,\r\n');
  });

  it('starts with the rows when the table has no header', () => {
    expect(tableCsv(table([], [['1', '化工']]))).toBe('\ufeff1,化工\r\n');
  });
});
