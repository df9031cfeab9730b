import { describe, expect, it } from 'vitest';
import { chunkDocument, packSentences } from '../../../ingest/chunk/chunkDocument.js';
import type { Block, ParsedTable, SectionRef } from '../../../src/store/shapes.js';

const SECTION: SectionRef = { id: '1.1', path: ['1.概况', '1.1 育人'] };

function block(kind: Block['kind'], text: string, section: SectionRef = SECTION, page = 1): Block {
  return { kind, text, norm: text, pageStart: page, pageEnd: page, section, lineStart: 0, lineEnd: 0 };
}

describe('packSentences', () => {
  it('packs sentences into pieces no longer than the limit', () => {
    const text = '甲'.repeat(30).concat('。', '乙'.repeat(30), '。', '丙'.repeat(30), '。');
    expect(packSentences(text, 70)).toEqual([`${'甲'.repeat(30)}。${'乙'.repeat(30)}。`, `${'丙'.repeat(30)}。`]);
  });
});

describe('chunkDocument', () => {
  it('gives every chunk report, year, section and page', () => {
    const chunks = chunkDocument({ reportId: 'r1', year: 2024, blocks: [block('paragraph', '学校开设课程数 11 门，开展思政实践教学人次 6404 次，效果良好。', SECTION, 3)], tables: [] });
    expect(chunks).toEqual([
      {
        id: 'r1#0',
        reportId: 'r1',
        year: 2024,
        kind: 'paragraph',
        section: SECTION,
        pageStart: 3,
        pageEnd: 3,
        text: '学校开设课程数 11 门，开展思政实践教学人次 6404 次，效果良好。',
        norm: '1.1育人\n学校开设课程数11门,开展思政实践教学人次6404次,效果良好。',
      },
    ]);
  });

  it('keeps the words of a heading closed by the next with nothing under it, and no heading that has text or headings under it', () => {
    const officers: SectionRef = { id: 'Officers', path: ['Officers'] };
    const name: SectionRef = { id: 'Maren J. Tollefsen', path: ['Officers', 'Maren J. Tollefsen'] };
    const role: SectionRef = { id: 'Chief Quill Officer', path: ['Officers', 'Chief Quill Officer'] };
    const chunks = chunkDocument({
      reportId: 'r',
      year: 2031,
      blocks: [
        block('heading', 'Officers', officers),
        block('heading', 'Maren J. Tollefsen', name),
        block('heading', 'Chief Quill Officer', role),
        block('paragraph', 'Ms. Tollefsen, 52, leads the quill works and the dye house of the company.', role),
      ],
      tables: [],
    });
    expect(chunks.map((c) => [c.section.id, c.text])).toEqual([
      ['Maren J. Tollefsen', 'Maren J. Tollefsen'],
      ['Chief Quill Officer', 'Ms. Tollefsen, 52, leads the quill works and the dye house of the company.'],
    ]);
  });

  it('keeps a small case box whole under its case label', () => {
    const caseRef: SectionRef = { id: '案例 1-1', path: ['1.概况', '【案例 1-1】讲好思政课'] };
    const chunks = chunkDocument({
      reportId: 'r',
      year: 2024,
      blocks: [block('case', '【案例 1-1】讲好思政课', caseRef), block('case', '第一段。', caseRef), block('case', '第二段。', caseRef, 2)],
      tables: [],
    });
    expect(chunks.map((c) => [c.kind, c.section.id, c.text, c.pageStart, c.pageEnd])).toEqual([['case', '案例 1-1', '第一段。第二段。', 1, 2]]);
    expect(chunks[0]?.norm.startsWith('【案例1-1】讲好思政课\n')).toBe(true);
  });

  it('cuts a table between rows and repeats caption and header in every piece', () => {
    const tableRef: SectionRef = { id: '表 1-1', path: ['1.概况', '表 1-1 测试'] };
    const table: ParsedTable = {
      id: '表 1-1',
      title: '测试',
      page: 8,
      pages: [8, 9],
      header: ['名称', '数量'],
      rows: Array.from({ length: 10 }, (_, i) => [`项目${i + 1}`, String(i + 1)]),
      sourceNote: '数据来源：某处',
      section: tableRef,
    };
    const chunks = chunkDocument({ reportId: 'r', year: 2024, blocks: [block('table_caption', '表 1-1 测试', tableRef), block('table_body', '名称 数量 项目1 1', tableRef)], tables: [table] });
    expect(chunks.map((c) => c.text.split('\n').slice(0, 3))).toEqual([
      ['表 1-1 测试', '名称 数量', '项目1 1'],
      ['表 1-1 测试', '名称 数量', '项目9 9'],
    ]);
    expect(chunks[1]?.text.split('\n').at(-1)).toBe('数据来源：某处');
    expect(chunks.every((c) => c.kind === 'table_rows' && c.pageStart === 8 && c.pageEnd === 9)).toBe(true);
  });

  it('cuts a list of records where each record starts, and leads each piece with the record it is about', () => {
    const ref: SectionRef = { id: 'Information on wardens', path: ['Wardens’ report', 'Information on wardens'] };
    const record = (name: string, lines: number) => [
      ['Name:', name],
      ['Title:', 'Warden – Non-Executive'],
      ...Array.from({ length: lines }, (_, i) => ['', `Line ${i + 1} about ${name}`]),
      ['Interests in quills:', '1,200 quills'],
    ];
    const rows = [...record('Ms. Ada Brill', 2), ...record('Mr. Otto Penn', 8)];
    const table: ParsedTable = { id: 'Information on wardens', title: '', page: 7, pages: [7], header: ['', ''], rows, sourceNote: null, section: ref, keyValue: true };
    const chunks = chunkDocument({ reportId: 'r', year: 2031, blocks: [], tables: [table] });
    // Ada's record (5 rows) is one piece; Otto's (11 rows) two, the second led by his name.
    expect(chunks.map((c) => [c.subject, c.text.split('\n')[2], c.text.split('\n').length - 2])).toEqual([
      ['Name: Ms. Ada Brill', 'Name: Ms. Ada Brill', 5],
      ['Name: Mr. Otto Penn', 'Name: Mr. Otto Penn', 8],
      ['Name: Mr. Otto Penn', 'Name: Mr. Otto Penn', 4],
    ]);
  });

  it('cuts a table whose first key does not repeat in runs of rows, about no record', () => {
    const ref: SectionRef = { id: 'Corporate directory', path: ['Corporate directory'] };
    const rows = Array.from({ length: 10 }, (_, i) => [`Key ${i + 1}:`, `Value ${i + 1}`]);
    const table: ParsedTable = { id: 'Corporate directory', title: '', page: 3, pages: [3], header: ['', ''], rows, sourceNote: null, section: ref, keyValue: true };
    const chunks = chunkDocument({ reportId: 'r', year: 2031, blocks: [], tables: [table] });
    expect(chunks.map((c) => [c.subject, c.text.split('\n')[2]])).toEqual([
      [undefined, 'Key 1: Value 1'],
      [undefined, 'Key 9: Value 9'],
    ]);
  });

  it('reads a one-line lead-in together with the paragraph after it', () => {
    const chunks = chunkDocument({ reportId: 'r', year: 2024, blocks: [block('paragraph', '主要做法如下：'), block('paragraph', '一是加强领导，统筹部署全校的各项工作安排，确保落实到位。')], tables: [] });
    expect(chunks.map((c) => c.text)).toEqual(['主要做法如下：一是加强领导，统筹部署全校的各项工作安排，确保落实到位。']);
  });
});
