import { describe, expect, it } from 'vitest';
import type { PageRecogniser } from '../../../ingest/ocr/ocrPool.js';
import type { PageReading, ReadRequest } from '../../../ingest/ocr/pageReader.js';
import { startRecognition } from '../../../ingest/ocr/recognisePages.js';

/** Records the pages asked for; each reading waits until the test lets it go. */
class HeldRecogniser implements PageRecogniser {
  readonly asked: number[] = [];
  private readonly held: Array<() => void> = [];
  async read(request: ReadRequest): Promise<PageReading> {
    this.asked.push(request.page);
    await new Promise<void>((resolve) => this.held.push(resolve));
    const box = { text: `page ${request.page}`, x0: 10, y0: 10, x1: 90, y1: 30, confidence: 0.9 };
    return { scale: 1, regions: request.find === 'page' ? [[box]] : [] };
  }
  release(): void {
    for (const go of this.held.splice(0)) go();
  }
  async close(): Promise<void> {}
}

const document = { key: 'made', bytes: new Uint8Array(new SharedArrayBuffer(4)) };

describe('startRecognition', () => {
  it('sends each page to the recogniser as it is added, before the reading of the file ends', async () => {
    const recogniser = new HeldRecogniser();
    const recognition = startRecognition(document, { recogniser, maxPages: 5 });
    recognition.add({ page: 2, find: 'page' });
    await Promise.resolve();
    expect(recogniser.asked).toEqual([2]);
    recognition.add({ page: 7, find: 'pictures', bands: [{ y0: 100, y1: 300 }] });
    await Promise.resolve();
    expect(recogniser.asked).toEqual([2, 7]);
    const outcome = recognition.finish();
    recogniser.release();
    const { regions, skipped } = await outcome;
    expect(regions.map((region) => [region.page, region.items.map((item) => item.text)])).toEqual([[2, ['page 2']]]);
    expect(skipped).toEqual([]);
  });

  it('skips the pages added beyond the page budget and names them', async () => {
    const recogniser = new HeldRecogniser();
    const recognition = startRecognition(document, { recogniser, maxPages: 1 });
    recognition.add({ page: 4, find: 'page' });
    recognition.add({ page: 1, find: 'page' });
    await Promise.resolve();
    const outcome = recognition.finish();
    recogniser.release();
    const { regions, skipped } = await outcome;
    expect(recogniser.asked).toEqual([4]);
    expect(regions.map((region) => region.page)).toEqual([4]);
    expect(skipped).toEqual([{ page: 1, reason: 'page budget' }]);
  });
});
