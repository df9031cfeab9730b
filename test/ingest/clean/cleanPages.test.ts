import { describe, expect, it } from 'vitest';
import { cleanPages, joinWrapped } from '../../../ingest/clean/cleanPages.js';
import { textPageLines } from '../../../ingest/extract/extractDocument.js';
import type { LaidLine, PageLines } from '../../../ingest/types.js';

const HEADER = '某某学院年度质量报告（2025年度）';

function page(n: number, body: string[]): { page: number; text: string } {
  return { page: n, text: [...body, HEADER, `第 ${n} 页`].join('\n') };
}

/** A PDF line at `y` points from the top of an 842 pt page; the outer bands are the top and bottom 101 pt. */
function placed(page: number, text: string, y: number): LaidLine {
  return { page, text, geometry: { y, x0: 56, x1: 300, size: 10.5, font: 'f1', segments: [], pageWidth: 595, pageHeight: 842 } };
}

describe('cleanPages', () => {
  it('drops a running header and page-number footer that repeat on every page', () => {
    const bodies = ['学校概况。', '人才培养。', '服务贡献。', '文化传承。'];
    const doc = cleanPages(bodies.map((body, i) => textPageLines(page(i + 1, [body]))));
    expect(doc.lines.map((l) => l.text)).toEqual(bodies);
    expect(doc.droppedRepeats).toContain(HEADER);
  });

  it('drops a folio that continues the page numbering at an offset (cover and contents unnumbered)', () => {
    // PDF page 3 prints "1", page 4 prints "2", …: neither equals its PDF page number.
    const bodies = ['封面。', '目录。', ...'甲乙丙丁戊己'.split('').map((c) => `${c}部分的正文。`)];
    const pages = bodies.map((body, i) => ({ page: i + 1, text: i >= 2 ? `${i - 1}\n${body}` : body }));
    const doc = cleanPages(pages.map(textPageLines));
    expect(doc.lines.map((l) => l.text)).toEqual(bodies);
  });

  it('drops a lettered folio ("F-3") that numbers a part\'s pages in step, wherever a short page prints it', () => {
    // PDF pages 9–12 are the part's pages F-1 … F-4; each ends half-way down the page with its folio.
    const pages: PageLines[] = Array.from({ length: 12 }, (_, i) => {
      const n = i + 1;
      const lines = [placed(n, `Quorvex note ${n} explains the glimmer ledger.`, 120)];
      if (n >= 9) lines.push(placed(n, `F-${n - 8}`, 430));
      return { page: n, lines };
    });
    // Two pages ending in a code that is no folio in step ("A-7" on pages 3 and 5) keep it.
    pages[2]?.lines.push(placed(3, 'A-7', 430));
    pages[4]?.lines.push(placed(5, 'A-7', 430));
    const texts = cleanPages(pages).lines.map((l) => l.text);
    expect(texts.filter((t) => /^[AF]-\d$/u.test(t))).toEqual(['A-7', 'A-7']);
    expect(texts).toHaveLength(14);
  });

  it('keeps a source note that sits just above the running header', () => {
    const bodies = '甲乙丙丁戊己庚辛壬癸子丑'.split('').map((c) => `${c}部分的正文。`);
    const pages = bodies.map((body, i) => page(i + 1, i === 3 || i === 7 ? [body, '数据来源：某某处'] : [body]));
    const doc = cleanPages(pages.map(textPageLines));
    expect(doc.lines.filter((l) => l.text === '数据来源：某某处')).toHaveLength(2);
    expect(doc.lines).toHaveLength(14);
  });

  it('drops a stray page footer that only a few pages kept, with its wrapped title line', () => {
    const bodies = '甲乙丙丁戊己庚辛壬癸子丑'.split('').map((c) => `${c}部分的正文。`);
    const pages = bodies.map((body, i) => ({ page: i + 1, text: body }));
    pages[4] = { page: 5, text: `${bodies[4]}\n质量报告（2025 年度）\n第 5 页` };
    pages[8] = { page: 9, text: `${bodies[8]}\n质量报告（2025 年度）\n第 9 页` };
    const doc = cleanPages(pages.map(textPageLines));
    expect(doc.lines.map((l) => l.text)).toEqual(bodies);
  });

  it('keeps a table header repeated at the top of a few continuation pages', () => {
    const pages = Array.from({ length: 20 }, (_, i) => ({ page: i + 1, text: String.fromCodePoint(0x4e00 + i * 7).repeat(3) }));
    for (const n of [5, 6, 7]) pages[n - 1] = { page: n, text: `序号 名称 数量\n${n} 行 ${n}` };
    const doc = cleanPages(pages.map(textPageLines));
    expect(doc.lines.filter((l) => l.text === '序号 名称 数量')).toHaveLength(3);
  });

  it('keeps the only line of a short document even though it repeats on every page', () => {
    const doc = cleanPages([1, 2, 3].map((n) => textPageLines({ page: n, text: `Hello world\n${n}` })));
    expect(doc.lines.map((l) => l.text)).toEqual(['Hello world', 'Hello world', 'Hello world']);
  });

  it('gives each line a matching form without the spaces a PDF puts between figures and CJK', () => {
    const doc = cleanPages([textPageLines({ page: 1, text: '志愿者注册人数 10750 人；比例 63.93％' })]);
    expect(doc.lines[0]).toEqual({ geometry: null, page: 1, text: '志愿者注册人数 10750 人；比例 63.93％', norm: '志愿者注册人数10750人;比例63.93%' });
  });
});

describe('joinWrapped', () => {
  it('joins CJK wraps without a space and Latin wraps with one', () => {
    expect(joinWrapped(['学校开设课程数 11 门；年度开', '展思政实践教学'])).toBe('学校开设课程数 11 门；年度开展思政实践教学');
    expect(joinWrapped(['Haaga-Helia University of', 'Applied Sciences'])).toBe('Haaga-Helia University of Applied Sciences');
  });

  it('keeps a number apart from the word before it when the text has no CJK, and whole when it has', () => {
    expect(joinWrapped(['the number of holders of record of quill stock was', '417.'])).toBe('the number of holders of record of quill stock was 417.');
    expect(joinWrapped(['glimmer output rose by', '12.5% to 3,140 units,', 'a well-', 'known record'])).toBe('glimmer output rose by 12.5% to 3,140 units, a well-known record');
    expect(joinWrapped(['志愿者占在校生比例63.9', '3%'])).toBe('志愿者占在校生比例63.93%');
  });

  it('keeps a line a form repeats in its text, though it lands in a page margin on several pages', () => {
    const CHOICE = '□ 适用 √ 不适用';
    const FOOTER = '青禾智造股份有限公司 2031 年年度报告';
    // Twelve pages, each with a running footer. The choice line prints mid-page on six of them and
    // last above the footer, in the bottom band, on four.
    const pages: PageLines[] = Array.from({ length: 12 }, (_, i) => {
      const n = i + 1;
      const lines = [placed(n, `第${n}部分的正文。`, 120)];
      if (n <= 6) lines.push(placed(n, CHOICE, 400));
      if (n >= 9) lines.push(placed(n, `${'甲乙丙丁'[n - 9] ?? ''}项事项的说明`, 760), placed(n, CHOICE, 780));
      lines.push(placed(n, FOOTER, 810));
      return { page: n, lines };
    });

    const doc = cleanPages(pages);

    expect(doc.lines.filter((l) => l.text === CHOICE)).toHaveLength(10);
    expect(doc.droppedRepeats).toEqual([FOOTER]);
  });
});
