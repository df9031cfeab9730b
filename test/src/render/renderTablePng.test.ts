import { describe, expect, it } from 'vitest';
import type { ParsedTable } from '../../../src/store/shapes.js';
import { TABLE_STYLE } from '../../../src/render/layoutTable.js';
import { renderTablePng, renderTablePngs } from '../../../src/render/renderTablePng.js';
import { decodePng, pngHeader, type Pixels } from '../../fixtures/png.js';

const HEADER_FILL = [0xe6, 0xeb, 0xf2];
/** Just inside the grid's left edge, left of any text: only fills show there. */
const PROBE_X = TABLE_STYLE.margin + 4;

function table(rows: string[][], header = ['序号', '专业名称', '在校生（人）']): ParsedTable {
  return {
    id: '表 9-1',
    title: '测试学院专业设置一览表',
    page: 12,
    pages: [12],
    header,
    rows,
    sourceNote: '数据来源：测试学院教务处',
    section: { id: '9.1', path: ['9.测试', '9.1 专业'] },
  };
}

const SMALL = [
  ['1', '化工智能制造技术', '812'],
  ['2', '工业机器人技术', '645'],
  ['3', 'Python 程序开发与数据分析', '1,024'],
];
const numbered = (count: number) => Array.from({ length: count }, (_, i) => [String(i + 1), `测试专业名称${i + 1}`, String(300 + i)]);

/** Rows [top, bottom) where the probe column shows the header fill. */
function headerBand(pixels: Pixels): [number, number] {
  let top = -1;
  for (let y = 0; y < pixels.height; y++) {
    const [r, g, b] = pixels.at(PROBE_X, y);
    const filled = r === HEADER_FILL[0] && g === HEADER_FILL[1] && b === HEADER_FILL[2];
    if (filled && top < 0) top = y;
    if (!filled && top >= 0) return [top, y];
  }
  throw new Error('no header band found');
}

function darkPixels(pixels: Pixels, [top, bottom]: [number, number]): Array<[number, number]> {
  const dark: Array<[number, number]> = [];
  for (let y = top; y < bottom; y++) {
    for (let x = PROBE_X; x < pixels.width - PROBE_X; x++) {
      const [r, g, b] = pixels.at(x, y);
      if (r < 110 && g < 110 && b < 110) dark.push([x, y]);
    }
  }
  return dark;
}

describe('renderTablePng', () => {
  it('returns a PNG narrower than the default cap when the table is small', async () => {
    const { width, height } = pngHeader(await renderTablePng(table(SMALL)));
    expect(width).toBeGreaterThanOrEqual(TABLE_STYLE.minContentWidth + 2 * TABLE_STYLE.margin);
    expect(width).toBeLessThan(1000);
    expect(height).toBeGreaterThan(300);
  });

  it('fills exactly maxWidth when the cells hold more text than fits', async () => {
    const long = [['1', '国家级职业教育教师教学创新团队建设项目'.repeat(6), 'A very long English description of the programme'.repeat(3)]];
    expect(pngHeader(await renderTablePng(table(long), { maxWidth: 900 })).width).toBe(900);
  });

  it('grows by one row height per added single-line row', async () => {
    const three = pngHeader(await renderTablePng(table(numbered(3))));
    const six = pngHeader(await renderTablePng(table(numbered(6))));
    expect(six.height - three.height).toBe(3 * (TABLE_STYLE.lineHeight.cell + 2 * TABLE_STYLE.padY));
  });

  it('draws dark glyph pixels inside the shaded header band', async () => {
    const pixels = await decodePng(await renderTablePng(table(SMALL)));
    const band = headerBand(pixels);
    // The 2 px frame above and rule below, centred on the band's edges, each cover one pixel of it.
    expect(band[1] - band[0]).toBe(TABLE_STYLE.lineHeight.header + 2 * TABLE_STYLE.padY - 2);
    // Bold 24 px Chinese: each character leaves well over 100 dark pixels; an empty band leaves none.
    expect(darkPixels(pixels, band).length).toBeGreaterThan(1000);
  });

  it('draws different pixels for different Chinese words, which tofu boxes would not', async () => {
    const a = await decodePng(await renderTablePng(table(SMALL, ['序号', '专业名称', '在校生数'])));
    const b = await decodePng(await renderTablePng(table(SMALL, ['年份', '课程类别', '教师人数'])));
    const key = (pixels: Pixels) => new Set(darkPixels(pixels, headerBand(pixels)).map(([x, y]) => `${x},${y}`));
    const [first, second] = [key(a), key(b)];
    const shared = [...first].filter((point) => second.has(point)).length;
    expect(shared / Math.max(first.size, second.size)).toBeLessThan(0.5);
  });

  it('renders a 70-row table as one image under the default height cap', async () => {
    const pngs = await renderTablePngs(table(numbered(70)));
    expect(pngs.length).toBe(1);
    const { height } = pngHeader(pngs[0] ?? Buffer.alloc(0));
    expect(height).toBeGreaterThan(70 * (TABLE_STYLE.lineHeight.cell + 2 * TABLE_STYLE.padY));
    expect(height).toBeLessThanOrEqual(16000);
  });

  it('splits a 70-row table over several images no taller than maxHeight, each repeating the header', async () => {
    const pngs = await renderTablePngs(table(numbered(70)), { maxHeight: 1500 });
    // 1500 minus margins, caption, header and notes leaves room for 23 single-line rows: 23 + 23 + 23 + 1.
    expect(pngs.length).toBe(4);
    const heights = pngs.map((png) => pngHeader(png).height);
    expect(heights.every((height) => height <= 1500)).toBe(true);
    const bands = await Promise.all(pngs.map(async (png) => headerBand(await decodePng(png))));
    expect(new Set(bands.map((band) => band.join('-'))).size).toBe(1);
  });
});
