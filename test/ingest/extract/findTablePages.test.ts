import { describe, expect, it } from 'vitest';
import { findTablePages } from '../../../ingest/extract/findTablePages.js';
import type { PageText } from '../../../src/store/shapes.js';

const pages = (...texts: string[][]): PageText[] => texts.map((lines, index) => ({ page: index + 1, text: lines.join('\n') }));
const HEADER = '序号 赛项名称 奖项 参赛教师 级别';

describe('findTablePages', () => {
  it('picks the page of a caption whose table ends on it', () => {
    expect(findTablePages(pages(['正文。'], ['表 1-1 学生比赛成绩', HEADER, '1 跆拳道 冠军', '数据来源：体育部'], ['正文。']))).toEqual([2]);
  });

  it('picks the next page too when the table has no source note on its caption page', () => {
    expect(findTablePages(pages(['表 1-5 教师获奖情况', HEADER, '1 教学能力比赛 一等奖'], ['2 说课比赛 二等奖', '正文。'], ['正文。']))).toEqual([1, 2]);
  });

  it('follows a table over every page that repeats its header until the source note', () => {
    const picked = findTablePages(
      pages(['表 1-8 学生竞赛获奖情况', HEADER, '1 …'], [HEADER, '20 …'], [HEADER, '40 …'], [HEADER, '60 …', '数据来源：教务处', '正文。'], ['正文。']),
    );

    expect(picked).toEqual([1, 2, 3, 4]);
  });

  it('finds a repeated header under a running header line', () => {
    const picked = findTablePages(
      pages(['报告（2024年度）', '表 1-3 专业名称', HEADER, '1 …'], ['报告（2024年度）', HEADER, '20 …'], ['报告（2024年度）', HEADER, '数据来源：教务处'], ['报告（2024年度）', '正文。']),
    );

    expect(picked).toEqual([1, 2, 3]);
  });

  it('reads captions written without spaces or with full-width digits and dashes', () => {
    expect(findTablePages(pages(['表1-2 专业群', '数据来源：教务处'], ['正文。'], ['表１－３ 专业代码', '资料来源：教务处'], ['续表 1-3', '数据来源：教务处']))).toEqual([1, 3, 4]);
  });

  it('picks no page for prose that mentions 表 or for figure captions', () => {
    expect(findTablePages(pages(['数据表明学校发展良好。', '图 1-1 开展思政课'], ['表彰大会于 5 月召开。']))).toEqual([]);
  });

  it('picks no page when no line starts a caption', () => {
    expect(findTablePages(pages(['正文。', '数据来源：教务处']))).toEqual([]);
  });
});
