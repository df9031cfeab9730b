import type { Block, Line, OcrRecord } from '../src/store/shapes.js';

/**
 * The shapes that flow between ingest stages and nowhere else (what the store keeps and answering
 * reads is in src/store/shapes.ts). Each stage takes the previous stage's output and adds what it
 * knows; nothing here touches the file system or the environment.
 */

/** A run of text as pdf.js reads it from a page, in the upright page view (points, top-down). */
export interface PositionedItem {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline, measured from the top edge of the page. */
  y: number;
  width: number;
  /** Font size: the text's vertical scale. */
  size: number;
  /** pdf.js's id for the font: equal ids, the same font face and style. */
  font: string;
}

export interface PdfPageItems {
  page: number;
  width: number;
  height: number;
  items: PositionedItem[];
}

/**
 * Text of one line that stands apart from the rest of it by a wide gap: a table cell, a value beside
 * its label, a page number beside a running title.
 */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** The runs it was joined from, with their own extents: a segment may still cross a column border. */
  pieces: Array<{ text: string; x0: number; x1: number }>;
}

/** Where a PDF line sits on its page and how it is set. */
export interface LineGeometry {
  /** Baseline from the top of the page. */
  y: number;
  x0: number;
  x1: number;
  /** Font size of most of its characters, and that font. */
  size: number;
  font: string;
  segments: Segment[];
  pageWidth: number;
  pageHeight: number;
}

/** One printed line of a page, top to bottom: from a PDF with its geometry, from a text export without. */
export interface LaidLine {
  page: number;
  text: string;
  geometry: LineGeometry | null;
}

export type SourceFormat = 'pdf' | 'text';

export interface ExtractedDocument {
  /** Path of the file the text came from, as given. */
  sourcePath: string;
  format: SourceFormat;
  /** sha256 of the file bytes, hex: identical content is skipped on re-ingest. */
  sha256: string;
  bytes: number;
  /** Title from the PDF metadata, when there is one. */
  metadataTitle: string | null;
  /** Every page's printed lines, top to bottom; PDF lines carry their geometry. */
  pages: PageLines[];
  /** Pages whose text came from OCR (with the recogniser's confidence), and pages left unread. */
  ocr: OcrRecord;
}

export interface PageLines {
  page: number;
  lines: LaidLine[];
}

/** A line after cleaning: its text for display, its matching form, and where it sits (PDF only). */
export interface CleanLine extends Line {
  geometry: LineGeometry | null;
}

export interface CleanDocument {
  lines: CleanLine[];
  pageCount: number;
  /** Lines recognised as running header/footer, kept for the record (they are not in `lines`). */
  droppedRepeats: string[];
  /**
   * Per page, the running title that names the part of the report the page is in ("Notes to the
   * financial statements"), when the report prints one that changes from part to part.
   */
  partTitles?: ReadonlyMap<number, string>;
}

export interface StructuredDocument {
  blocks: Block[];
}

export interface ReportIdentity {
  id: string;
  /** The period the report covers (a 2019 annual report published in 2020 is 2019). */
  year: number;
  title: string;
  /** The organisation that publishes it, as the report prints its name ("" when none was found). */
  organisation: string;
}
