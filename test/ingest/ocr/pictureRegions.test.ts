import { describe, expect, it } from 'vitest';
import { emptyBands, holdsLargeImage, inBands } from '../../../ingest/ocr/pictureRegions.js';
import type { PositionedItem } from '../../../ingest/types.js';
import { makePng, makeReportPdf } from '../../fixtures/pdfs.js';

const run = (y: number): PositionedItem => ({ text: '青藤', x: 56, y, width: 21, size: 10, font: 'f' });

describe('which pages may hold a picture worth reading', () => {
  it('finds the bands of at least 12% of the page height that text leaves between two lines', () => {
    // 842 pt page: 0.12 × 842 = 101 pt. Lines at 80 and 200 leave 110 pt (from 80 down to 200 − 10).
    expect(emptyBands([run(60), run(80), run(200), run(220)], 842)).toEqual([{ y0: 80, y1: 190 }]);
    expect(emptyBands([run(60), run(80), run(180), run(200)], 842)).toEqual([]);
  });

  it('does not count the margins above the first line and below the last', () => {
    expect(emptyBands([run(400), run(420)], 842)).toEqual([]);
    expect(emptyBands([], 842)).toEqual([]);
  });

  it('keeps of a picture only its parts in empty bands that still cover 6% of the page', () => {
    const page = { width: 600, height: 800 };
    // A background under the whole text area, with one empty band of 150 pt across it: that part is kept.
    const background = { x0: 50, y0: 50, x1: 550, y1: 750 };
    expect(inBands([background], [{ y0: 300, y1: 450 }], page)).toEqual([{ x0: 50, y0: 300, x1: 550, y1: 450 }]);
    // A picture reaching only 40 pt into the band: 500 × 40 is 4% of the page, so nothing is kept.
    expect(inBands([{ x0: 50, y0: 50, x1: 550, y1: 340 }], [{ y0: 300, y1: 450 }], page)).toEqual([]);
    // A picture under text lines alone is not read at all.
    expect(inBands([{ x0: 50, y0: 500, x1: 550, y1: 700 }], [{ y0: 300, y1: 450 }], page)).toEqual([]);
  });

  it('looks only in files that hold an image large enough to carry a table (250 000 pixels)', async () => {
    const withImage = (png: Buffer) => makeReportPdf({ pages: [['三、青藤计划', { picture: png, height: 200 }]] });

    expect(holdsLargeImage(await withImage(makePng(900, 600)))).toBe(true);
    expect(holdsLargeImage(await withImage(makePng(400, 300)))).toBe(false);
    expect(holdsLargeImage(await makeReportPdf({ pages: [['三、青藤计划', '青藤计划覆盖 4,386 名学员。']] }))).toBe(false);
  });
});
