import type { OcrRecord } from '../../src/store/shapes.js';
import type { PositionedItem } from '../types.js';
import type { PageRecogniser } from './ocrPool.js';
import { emsOf } from './ems.js';
import type { RecognisedBox } from './paddleOcr.js';
import type { ReadRequest, ReadTarget } from './pageReader.js';

/**
 * Pages without a text layer, and pictures on pages with one, read by OCR into the same positioned
 * items pdf.js gives for text, so lines, headings and tables are built from them unchanged. Pages go
 * to the recogniser's threads as they are found, as many at once as it has threads; at most `maxPages` are read, and a page
 * that fails or runs out of time is skipped and named, never the whole report.
 */

export interface OcrSettings {
  recogniser: PageRecogniser;
  /** Pages beyond this many are skipped (the page budget). */
  maxPages: number;
  onProgress?: (message: string) => void;
}

/** What OCR read in one region of a page (the whole page, or one picture on it). */
export interface RecognisedRegion {
  page: number;
  items: PositionedItem[];
  /** Mean recogniser confidence over the region's characters, 0–1. */
  confidence: number;
}

export interface OcrOutcome {
  regions: RecognisedRegion[];
  skipped: OcrRecord['skipped'];
}

/** A page to read: all of it (no text layer), or the pictures on it (a text layer leaving room for one). */
export type OcrTarget = ReadTarget;

/** The font id OCR'd items carry: one face, since OCR tells no faces apart. */
export const OCR_FONT = 'ocr';
/** A box of Latin text or figures is about this many times the type size high (ascenders, descenders, margin). */
const BOX_PER_EM = 1.28;
/**
 * The baseline lies this many ems below the middle of a box: boxes grow evenly up and down from the
 * detector's kernel, whose middle is the middle of the glyphs (CJK glyphs span about 0.88 em above the
 * baseline and 0.12 below). Taken from the middle and the type size, not from the box's bottom edge,
 * the cells of one table row share a baseline whatever their boxes' heights.
 */
const BASELINE_BELOW_MIDDLE = 0.38;
/** Of the box height, trimmed off each side (the detector's margin). */
const SIDE_MARGIN = 0.05;
/**
 * Sorted sizes within this fraction above the smallest of their run are one type size read with
 * scatter (a few pixels either way); a larger one starts the next size. Measured from the run's start,
 * not step by step, so a chain of small steps cannot join body text to a title.
 */
const SIZE_SPREAD = 0.12;
/** A box of this many characters or fewer has a less certain height: it joins the body size within SHORT_BOX_SPREAD. */
const SHORT_BOX = 6;
const SHORT_BOX_SPREAD = 0.3;

/**
 * Pages handed over one by one while the file is still being read, so the recogniser's threads work
 * beside the main thread's text extraction instead of after it: on a report with a few pictures, the
 * reading is mostly done by the time the last page's text is. `finish` waits for every page added.
 */
export interface Recognition {
  add(target: OcrTarget): void;
  finish(): Promise<OcrOutcome>;
}

export function startRecognition(document: ReadRequest['document'], settings: OcrSettings): Recognition {
  const regions: RecognisedRegion[] = [];
  const skipped: OcrOutcome['skipped'] = [];
  const jobs: Array<Promise<void>> = [];
  let added = 0;
  let done = 0;
  // One page at a time per thread: the recogniser queues the rest, in the order they were added.
  const read = async (target: OcrTarget) => {
    const started = performance.now();
    let note: string | null;
    try {
      const reading = await settings.recogniser.read({ document, ...target });
      for (const boxes of reading.regions) regions.push(recognisedRegion(target.page, boxes, reading.scale));
      // A page only looked over for pictures, with none on it, is not worth a line.
      if (reading.regions.length > 0) note = 'read';
      else note = target.find === 'page' ? 'nothing to read' : null;
    } catch (error) {
      const reason = error instanceof Error && error.name === 'OcrPageTimeoutError' ? 'time limit' : 'failed';
      skipped.push({ page: target.page, reason });
      note = `skipped (${reason})`;
    }
    done += 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // The total is not known while pages are still being found: the count says how many are done.
    if (note !== null) settings.onProgress?.(`OCR page ${target.page}: ${note}, ${done} of the pages sent so far (${seconds} s)`);
  };
  return {
    add(target) {
      if (added >= Math.max(0, settings.maxPages)) {
        skipped.push({ page: target.page, reason: 'page budget' });
        return;
      }
      added += 1;
      jobs.push(read(target));
    },
    async finish() {
      await Promise.all(jobs);
      regions.sort((a, b) => a.page - b.page);
      skipped.sort((a, b) => a.page - b.page);
      return { regions, skipped };
    },
  };
}

/**
 * Boxes as text items in page points, each with a type size read the surer of two ways:
 *
 * - A box mostly of CJK characters: its width over its count of ems. CJK characters and full-width
 *   punctuation are set one em wide, so this holds within a few percent at any size, whereas the
 *   detector's box heights for CJK text grow slower than the type (measured: 24 pt text gives boxes
 *   of about 17.5 pt over BOX_PER_EM).
 * - Any other box (Latin, figures): its height over BOX_PER_EM, which does follow the type size, with
 *   a scatter of a few pixels — more for boxes of a few characters, whose regions the detector grows
 *   by their area over their perimeter.
 *
 * Sizes are then grouped into runs of near-equal sizes; the run holding most characters is the page's
 * body size, and a box near it is set to it: within SHORT_BOX_SPREAD for a box of a few characters,
 * within SIZE_SPREAD for a longer one. Body text and table cells then read as one size, as they do
 * from a text layer, and a title stays larger.
 */
export function recognisedRegion(page: number, boxes: readonly RecognisedBox[], scale: number): RecognisedRegion {
  const read = boxes.map((box) => {
    const trim = SIDE_MARGIN * (box.y1 - box.y0);
    const width = Math.max(0, box.x1 - box.x0 - 2 * trim);
    const ems = emsOf(box.text);
    const size = ems.cjk >= 1 && ems.cjk >= ems.total / 2 ? width / ems.total : (box.y1 - box.y0) / BOX_PER_EM;
    return { box, trim, width, size, text: box.text.normalize('NFKC'), characters: box.text.replace(/\s+/gu, '').length };
  });
  const typical = typicalSizes(read);
  let characters = 0;
  let weighted = 0;
  const items = read.map(({ box, trim, width, size, text, characters: count }): PositionedItem => {
    const spread = count <= SHORT_BOX ? SHORT_BOX_SPREAD : SIZE_SPREAD;
    const nearBody = typical.body > 0 && size <= typical.body * (1 + spread) && size >= typical.body / (1 + spread);
    characters += count;
    weighted += count * box.confidence;
    const typeSize = nearBody ? typical.body : (typical.runs.get(size) ?? size);
    return {
      text,
      x: (box.x0 + trim) / scale,
      y: ((box.y0 + box.y1) / 2 + BASELINE_BELOW_MIDDLE * typeSize) / scale,
      width: width / scale,
      size: typeSize / scale,
      font: OCR_FONT,
    };
  });
  // Three decimals: the record says how sure the recogniser was, not a measurement to carry further.
  return { page, items, confidence: characters === 0 ? 0 : Math.round((weighted / characters) * 1000) / 1000 };
}

/**
 * Each size mapped to the median of its run of sorted sizes (see SIZE_SPREAD), and the body size: the
 * median of the run with the most characters.
 */
function typicalSizes(boxes: Array<{ size: number; characters: number }>): { runs: Map<number, number>; body: number } {
  const sorted = [...boxes].sort((a, b) => a.size - b.size);
  const runs = new Map<number, number>();
  let body = 0;
  let bodyCharacters = -1;
  let run: typeof sorted = [];
  const close = () => {
    const middle = run[Math.floor(run.length / 2)]?.size ?? 0;
    for (const box of run) runs.set(box.size, middle);
    const characters = run.reduce((sum, box) => sum + box.characters, 0);
    if (run.length > 0 && characters > bodyCharacters) {
      body = middle;
      bodyCharacters = characters;
    }
    run = [];
  };
  for (const box of sorted) {
    const first = run[0];
    if (first !== undefined && box.size > first.size * (1 + SIZE_SPREAD)) close();
    run.push(box);
  }
  close();
  return { runs, body };
}
