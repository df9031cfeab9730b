import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { PageImageRenderer } from '../../../src/render/pageImageRenderer.js';
import { PageOutOfRangeError, PageRenderError } from '../../../src/render/renderErrors.js';
import { pngHeader } from '../../fixtures/png.js';

const REPORT = path.resolve('data/reports/hnhgzy-2024-quality-report.pdf');
/** Small pages for the cache tests: the rules under test do not depend on size, the run time does. */
const SMALL = 300;

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'page-images-'));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

describe('PageImageRenderer', () => {
  it('renders page 8 of the bundled report as a 1240 × 1753 PNG (A4 at 150 dpi) by default', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger });
    expect(pngHeader(await renderer.render(REPORT, 8))).toEqual({ width: 1240, height: 1753 });
  });

  it('serves the second request for a page from memory without drawing it again', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL });
    const first = await renderer.render(REPORT, 8);
    const second = await renderer.render(REPORT, 8);
    expect(second).toBe(first);
    expect(renderer.stats).toEqual({ memoryHits: 1, diskHits: 0, shared: 0, renders: 1 });
  });

  it('draws a page once when two requests for it arrive together', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL });
    const [a, b] = await Promise.all([renderer.render(REPORT, 9), renderer.render(REPORT, 9)]);
    expect(b).toBe(a);
    // Drawn once; the second request joins the render in flight or, if the first one finished while
    // the second was still hashing the file, is served from memory — which of the two is timing.
    const { renders, shared, memoryHits, diskHits } = renderer.stats;
    expect([renders, shared + memoryHits, diskHits]).toEqual([1, 1, 0]);
  });

  it('throws PageOutOfRangeError with the page count when the page is past the end', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL });
    const error = await renderer.render(REPORT, 999).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PageOutOfRangeError);
    expect(error).toMatchObject({ page: 999, pageCount: 110 });
    expect((error as PageOutOfRangeError).userMessage).toBe('第 999 页不存在：报告共 110 页。Page 999 does not exist: the report has 110 pages.');
  });

  it('throws PageOutOfRangeError when the page is 0', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL });
    await expect(renderer.render(REPORT, 0)).rejects.toBeInstanceOf(PageOutOfRangeError);
  });

  it('throws PageRenderError when the PDF does not exist', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL });
    await expect(renderer.render(path.join(cacheDir, 'missing.pdf'), 1)).rejects.toBeInstanceOf(PageRenderError);
  });

  it('serves a page from cacheDir when a new renderer is asked for it, leaving no temporary file', async () => {
    const writer = new PageImageRenderer({ logger: silentLogger, width: SMALL, cacheDir });
    const drawn = await writer.render(REPORT, 13);
    const reader = new PageImageRenderer({ logger: silentLogger, width: SMALL, cacheDir });
    const loaded = await reader.render(REPORT, 13);
    expect(loaded.equals(drawn)).toBe(true);
    expect(reader.stats).toEqual({ memoryHits: 0, diskHits: 1, shared: 0, renders: 0 });
    const files = await readdir(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{64}-p13-w300\.png$/u)]);
    expect((await readFile(path.join(cacheDir, files[0] ?? ''))).equals(drawn)).toBe(true);
  });

  it('draws a page again after it was evicted by newer pages when maxEntries is reached', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL, maxEntries: 1 });
    await renderer.render(REPORT, 2);
    await renderer.render(REPORT, 3);
    await renderer.render(REPORT, 3);
    await renderer.render(REPORT, 2);
    expect(renderer.stats).toEqual({ memoryHits: 1, diskHits: 0, shared: 0, renders: 3 });
  });

  it('makes images of the configured width when a width is given', async () => {
    const renderer = new PageImageRenderer({ logger: silentLogger, width: SMALL });
    expect(pngHeader(await renderer.render(REPORT, 1))).toEqual({ width: 300, height: 424 });
  });
});
