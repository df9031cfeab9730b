import { describe, expect, it } from 'vitest';
import { splitTextPages } from '../../../ingest/extract/splitTextPages.js';

/** The "older extractor" form: every printed line followed by a blank line. */
const doubleSpaced = (lines: string[]) => lines.map((line) => `${line}\n\n`).join('');

describe('splitTextPages', () => {
  it('gives one page with every line when the text has no page markers', () => {
    expect(splitTextPages('前 言\n学校高度重视质量年报的编制工作，\n明确分工、细化要求。\n')).toEqual([
      { page: 1, text: '前 言\n学校高度重视质量年报的编制工作，\n明确分工、细化要求。' },
    ]);
  });

  it('keeps a paragraph break as an empty line when Markdown paragraphs span several lines', () => {
    const md = '# 前言\n\n学校高度重视质量年报的编制工作，\n明确分工、细化要求。\n\n\n报告从七个方面梳理成效，\n系统总结办学情况。\n';

    expect(splitTextPages(md)).toEqual([
      { page: 1, text: '# 前言\n\n学校高度重视质量年报的编制工作，\n明确分工、细化要求。\n\n报告从七个方面梳理成效，\n系统总结办学情况。' },
    ]);
  });

  it('keeps the paragraph breaks when Markdown is written one paragraph per line', () => {
    const md = '# 前言\n\n学校高度重视质量年报的编制工作。\n\n报告从七个方面梳理成效。\n\n## 1.人才培养\n\n学校坚持立德树人。\n\n志愿者注册人数 10750 人。\n';

    expect(splitTextPages(md)[0]?.text).toBe('# 前言\n\n学校高度重视质量年报的编制工作。\n\n报告从七个方面梳理成效。\n\n## 1.人才培养\n\n学校坚持立德树人。\n\n志愿者注册人数 10750 人。');
  });

  it('drops the blank separator lines when nearly every printed line is followed by one', () => {
    const text = doubleSpaced(['前 言', '学校将质量年报作为履行责任担当、接受社会监督的重要载', '体；作为加强内涵建设，深化教育改革的重要抓手；作为展', '示办学成果、记录发展历史的重要形式。']);

    expect(splitTextPages(text)).toEqual([
      { page: 1, text: '前 言\n学校将质量年报作为履行责任担当、接受社会监督的重要载\n体；作为加强内涵建设，深化教育改革的重要抓手；作为展\n示办学成果、记录发展历史的重要形式。' },
    ]);
  });

  it('starts a new page at a line with one leading space when the text is double-spaced', () => {
    const text = doubleSpaced(['前 言', '学校将质量年报作为履行责任担当、接受社会监督的重要载', '体；作为加强内涵建设', ' 1.人才培养', '1.1 立德树人', '学校坚持以习近平新时代中国特色社会主义思想为指导']);

    expect(splitTextPages(text)).toEqual([
      { page: 1, text: '前 言\n学校将质量年报作为履行责任担当、接受社会监督的重要载\n体；作为加强内涵建设' },
      { page: 2, text: '1.人才培养\n1.1 立德树人\n学校坚持以习近平新时代中国特色社会主义思想为指导' },
    ]);
  });

  it('starts page N + 1 right after a "第 N 页" footer and keeps the footer lines in the page', () => {
    const text = `${doubleSpaced(['前 言', '学校将质量年报作为履行责任担当、接受社会监督的重要载', '体；作为加强内涵建设', '优胜奖 方一特 省级'])}\n\n高等职业教育质量报告（2024 年度）\n\n第 20 页\n\n${doubleSpaced(['序号 赛项名称 奖项 参赛教师 级别', '39', '株洲“职教杯”第八届职业院校教师技能'])}`;

    expect(splitTextPages(text)).toEqual([
      { page: 20, text: '前 言\n学校将质量年报作为履行责任担当、接受社会监督的重要载\n体；作为加强内涵建设\n优胜奖 方一特 省级\n高等职业教育质量报告（2024 年度）\n第 20 页' },
      { page: 21, text: '序号 赛项名称 奖项 参赛教师 级别\n39\n株洲“职教杯”第八届职业院校教师技能' },
    ]);
  });

  it('keeps page numbers increasing when a footer names a page the count has passed', () => {
    const text = doubleSpaced(['第一页的正文没有结束', ' 第二页的正文没有结束', ' 第三页的正文没有结束', '第 2 页', '下一页的正文没有结束']);

    expect(splitTextPages(text).map((page) => page.page)).toEqual([1, 2, 3, 4]);
  });

  it('does not take indented lines for page starts when the text is not double-spaced', () => {
    expect(splitTextPages('列表：\n  - 第一项\n  - 第二项\n')).toHaveLength(1);
  });

  it('splits pages at form feeds, without a page after the final one', () => {
    expect(splitTextPages('第一页正文\n第 1 页\n\f第二页正文\n第 2 页\n\f')).toEqual([
      { page: 1, text: '第一页正文\n第 1 页' },
      { page: 2, text: '第二页正文\n第 2 页' },
    ]);
  });

  it('reads Windows line ends like Unix ones', () => {
    expect(splitTextPages('前 言\r\n正文。\r\n')).toEqual([{ page: 1, text: '前 言\n正文。' }]);
  });
});
