import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../../ingest/clean/cleanPages.js';
import { structureDocument } from '../../../ingest/structure/structureDocument.js';
import { numberedHeading } from '../../../ingest/structure/lineShapes.js';
import { textPageLines } from '../../../ingest/extract/extractDocument.js';

function structure(pages: string[][]) {
  return structureDocument(cleanPages(pages.map((lines, i) => textPageLines({ page: i + 1, text: lines.join('\n') }))));
}

// Full printed lines are about 37 CJK cells wide; a short line ending a sentence ends its paragraph.
const FULL = '这是一整行排满的正文内容用来模拟版心宽度的文字排版效果而且足够长的一行';

describe('structureDocument', () => {
  it('builds the section path from numbered headings', () => {
    const doc = structure([['1.人才培养', '1.1 立德树人', '1.1.1“大思政课”', FULL, '段落结束。', '1.1.2“三全育人”', '第二节正文。']]);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((b) => b.section)).toEqual([
      { id: '1.1.1', path: ['1.人才培养', '1.1 立德树人', '1.1.1“大思政课”'] },
      { id: '1.1.2', path: ['1.人才培养', '1.1 立德树人', '1.1.2“三全育人”'] },
    ]);
  });

  it('joins a paragraph broken across lines and pages and records both pages', () => {
    const doc = structure([['1.概况', FULL, '学校开设课程数 11 门；年度开'], ['展思政实践教学人次 6404 次。']]);
    const paragraph = doc.blocks.find((b) => b.kind === 'paragraph' || b.kind === 'metric_list');
    expect(paragraph?.text).toBe(`${FULL}学校开设课程数 11 门；年度开展思政实践教学人次 6404 次。`);
    expect([paragraph?.pageStart, paragraph?.pageEnd]).toEqual([1, 2]);
  });

  it('does not take a number that starts a prose line for a heading', () => {
    const doc = structure([['1.概况', '2024 年学校招生。', '12.5%的学生参加。', '3.2 万元用于采购。']]);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['1.概况']);
  });

  it('labels a case box, its figure, and returns to the outline after the figure', () => {
    const doc = structure([['1.概况', '1.1 育人', '【案例 1-1】讲好思政课', '案例正文。', '图 1-1 开展活动', '回到正文。']]);
    expect(doc.blocks.map((b) => [b.kind, b.section.id])).toEqual([
      ['heading', '1'],
      ['heading', '1.1'],
      ['case', '案例 1-1'],
      ['case', '案例 1-1'],
      ['figure_caption', '案例 1-1'],
      ['paragraph', '1.1'],
    ]);
  });

  it('marks a table caption, its body lines and its source note', () => {
    const doc = structure([['1.概况', '表 1-1 测试表格', '序号 名称', '1 甲', '数据来源：教务处', '正文继续。']]);
    expect(doc.blocks.map((b) => [b.kind, b.section.id, b.text])).toEqual([
      ['heading', '1', '1.概况'],
      ['table_caption', '表 1-1', '表 1-1 测试表格'],
      ['table_body', '表 1-1', '序号 名称1 甲'],
      ['source_note', '表 1-1', '数据来源：教务处'],
      ['paragraph', '1', '正文继续。'],
    ]);
  });

  it('recognises a semicolon list of figures as a metric list', () => {
    const doc = structure([['1.概况', '课程数 11 门；实践人次 6404 次；项目数 2 个；比例 100%。']]);
    expect(doc.blocks.at(-1)?.kind).toBe('metric_list');
  });

  it('starts the preface as its own section', () => {
    const doc = structure([['前 言', '前言正文。', '1.人才培养', '正文。']]);
    expect(doc.blocks.map((b) => b.section.id)).toEqual(['前言', '前言', '1', '1']);
  });
});


describe('numberedHeading', () => {
  it('reads numbers and title', () => {
    expect(numberedHeading('3.2.2 服务 4×4 现代产业体系')).toEqual({ numbers: [3, 2, 2], title: '服务 4×4 现代产业体系' });
    expect(numberedHeading('1 化学工程学院 470201')).toBeNull();
  });
});
