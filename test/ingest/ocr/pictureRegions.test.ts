import { describe, expect, it } from 'vitest';
import { holdsLargeImage, leavesRoomForPicture } from '../../../ingest/ocr/pictureRegions.js';
import type { PositionedItem } from '../../../ingest/types.js';
import { makePng, makeReportPdf } from '../../fixtures/pdfs.js';

const run = (y: number): PositionedItem => ({ text: '青藤', x: 56, y, width: 21, size: 10, font: 'f' });

describe('which pages may hold a picture worth reading', () => {
  it('takes a page whose text leaves a band of at least 12% of its height between two lines', () => {
    // 842 pt page: 0.12 × 842 = 101 pt. Lines at 80 and 200 leave 110 pt (200 − 10 − 80).
    expect(leavesRoomForPicture([run(60), run(80), run(200), run(220)], 842)).toBe(true);
    expect(leavesRoomForPicture([run(60), run(80), run(180), run(200)], 842)).toBe(false);
  });

  it('does not count the margins above the first line and below the last', () => {
    expect(leavesRoomForPicture([run(400), run(420)], 842)).toBe(false);
    expect(leavesRoomForPicture([], 842)).toBe(false);
  });

  it('looks only in files that hold an image large enough to carry a table (250 000 pixels)', async () => {
    const withImage = (png: Buffer) => makeReportPdf({ pages: [['三、青藤计划', { picture: png, height: 200 }]] });

    expect(holdsLargeImage(await withImage(makePng(900, 600)))).toBe(true);
    expect(holdsLargeImage(await withImage(makePng(400, 300)))).toBe(false);
    expect(holdsLargeImage(await makeReportPdf({ pages: [['三、青藤计划', '青藤计划覆盖 4,386 名学员。']] }))).toBe(false);
  });
});
