import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { pdfjsAssetUrls } from '../pdf/pdfjsAssetUrls.js';
import type { Logger } from '../log.js';
import { PageOutOfRangeError, PageRenderError } from './renderErrors.js';

export const DEFAULT_PAGE_WIDTH = 1240;
/** A report page at 1240 px is ~0.5 MB of PNG: 32 of them bound the memory cache to ~16 MB. */
export const DEFAULT_MAX_ENTRIES = 32;
/** Files whose digest is remembered by (size, mtime), so a warm hit does not re-hash the PDF. */
const MAX_DIGESTS = 64;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PageImageRendererOptions {
  logger: Logger;
  /** Where rendered pages are kept between runs; memory only when absent. */
  cacheDir?: string;
  /** Pages kept in memory (least recently used goes first); default 32. */
  maxEntries?: number;
  /** Image width in pixels (height follows the page's aspect); default 1240, A4 at 150 dpi. */
  width?: number;
}

export interface PageImageStats {
  /** Served from memory. */
  memoryHits: number;
  /** Served from `cacheDir`. */
  diskHits: number;
  /** Waited on a render another caller had already started. */
  shared: number;
  /** Actually drawn by pdf.js. */
  renders: number;
}

interface Digest {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/**
 * PNG images of report pages, for showing the page an answer came from. Rendering takes pdf.js a few
 * hundred milliseconds, so pages are cached by the file's content hash (a re-ingested report with a new
 * PDF never gets the old images), page and width: in memory, and on disk when `cacheDir` is given.
 * Concurrent requests for one page share one render.
 */
export class PageImageRenderer {
  readonly width: number;
  private readonly logger: Logger;
  private readonly cacheDir: string | undefined;
  private readonly maxEntries: number;
  private readonly memory = new Map<string, Buffer>();
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly digests = new Map<string, Digest>();
  private readonly counts: PageImageStats = { memoryHits: 0, diskHits: 0, shared: 0, renders: 0 };

  constructor(options: PageImageRendererOptions) {
    this.logger = options.logger;
    this.cacheDir = options.cacheDir;
    this.width = options.width ?? DEFAULT_PAGE_WIDTH;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(this.width) || this.width < 1) throw new RangeError(`width must be a positive integer, got ${this.width}`);
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 0) throw new RangeError(`maxEntries must be a non-negative integer, got ${this.maxEntries}`);
  }

  get stats(): PageImageStats {
    return { ...this.counts };
  }

  /**
   * PNG of `page` (1-based) of the PDF at `pdfPath`. Throws `PageOutOfRangeError` for a page the PDF
   * does not have and `PageRenderError` when the file cannot be read or drawn.
   */
  async render(pdfPath: string, page: number): Promise<Buffer> {
    let sha256: string;
    try {
      sha256 = await this.digest(pdfPath);
    } catch (error) {
      throw new PageRenderError(pdfPath, page, { cause: error });
    }
    // From here to `inFlight.set` nothing awaits, so a second caller always sees the first one's promise.
    const key = `${sha256}-p${page}-w${this.width}`;
    const cached = this.memory.get(key);
    if (cached) {
      this.memory.delete(key);
      this.memory.set(key, cached);
      this.counts.memoryHits += 1;
      return cached;
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.counts.shared += 1;
      return pending;
    }
    const job = this.load(key, pdfPath, page).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }

  private async load(key: string, pdfPath: string, page: number): Promise<Buffer> {
    const fromDisk = await this.readDisk(key);
    if (fromDisk) {
      this.counts.diskHits += 1;
      this.remember(key, fromDisk);
      return fromDisk;
    }
    const png = await this.draw(pdfPath, page);
    this.counts.renders += 1;
    this.remember(key, png);
    await this.writeDisk(key, png);
    return png;
  }

  private async draw(pdfPath: string, page: number): Promise<Buffer> {
    const started = performance.now();
    let data: Buffer;
    try {
      data = await readFile(pdfPath);
    } catch (error) {
      throw new PageRenderError(pdfPath, page, { cause: error });
    }
    // A Buffer, not a bare Uint8Array: pdf-parse copies a Buffer, whereas pdf.js would detach the other.
    const parser = new PDFParse({ data, ...pdfjsAssetUrls(), cMapPacked: true });
    try {
      const result = await parser.getScreenshot({ partial: [page], desiredWidth: this.width, imageBuffer: true, imageDataUrl: false });
      const shot = result.pages[0];
      // pdf-parse silently skips pages outside 1..total (and a non-integer matches none).
      if (!shot || shot.data.byteLength === 0) throw new PageOutOfRangeError(page, result.total);
      this.logger.debug('rendered page image', { pdfPath, page, width: this.width, ms: Math.round(performance.now() - started) });
      return Buffer.from(shot.data.buffer, shot.data.byteOffset, shot.data.byteLength);
    } catch (error) {
      if (error instanceof PageOutOfRangeError) throw error;
      throw new PageRenderError(pdfPath, page, { cause: error });
    } finally {
      await parser.destroy();
    }
  }

  private remember(key: string, png: Buffer): void {
    if (this.maxEntries === 0) return;
    this.memory.set(key, png);
    while (this.memory.size > this.maxEntries) {
      const oldest = this.memory.keys().next();
      if (oldest.done) break;
      this.memory.delete(oldest.value);
    }
  }

  private async digest(pdfPath: string): Promise<string> {
    const info = await stat(pdfPath);
    const known = this.digests.get(pdfPath);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.sha256;
    const sha256 = createHash('sha256').update(await readFile(pdfPath)).digest('hex');
    this.digests.delete(pdfPath);
    this.digests.set(pdfPath, { size: info.size, mtimeMs: info.mtimeMs, sha256 });
    if (this.digests.size > MAX_DIGESTS) {
      const oldest = this.digests.keys().next();
      if (!oldest.done) this.digests.delete(oldest.value);
    }
    return sha256;
  }

  private diskPath(key: string): string | undefined {
    return this.cacheDir === undefined ? undefined : path.join(this.cacheDir, `${key}.png`);
  }

  /** A cache file that cannot be read or is not a PNG only costs a fresh render. */
  private async readDisk(key: string): Promise<Buffer | undefined> {
    const file = this.diskPath(key);
    if (file === undefined) return undefined;
    try {
      const png = await readFile(file);
      if (png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return png;
      this.logger.warn('page image cache file is not a PNG; rendering again', { file });
    } catch (error) {
      if (!isNotFound(error)) this.logger.warn('cannot read page image cache file; rendering again', error);
    }
    return undefined;
  }

  /**
   * Written beside the final name and renamed into place, so a reader never sees half a file and two
   * processes writing the same page both leave a whole one. A failure is logged: the image is still good.
   */
  private async writeDisk(key: string, png: Buffer): Promise<void> {
    const file = this.diskPath(key);
    if (file === undefined || this.cacheDir === undefined) return;
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await mkdir(this.cacheDir, { recursive: true });
      await writeFile(temporary, png);
      await rename(temporary, file);
    } catch (error) {
      this.logger.warn('cannot write page image cache file', error);
      // The temporary file may never have been created; its removal failing changes nothing above.
      await unlink(temporary).catch(() => undefined);
    }
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
