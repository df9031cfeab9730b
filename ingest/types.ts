import type { Block, Line, PageText } from '../src/store/shapes.js';

/**
 * The shapes that flow between ingest stages and nowhere else (what the store keeps and answering
 * reads is in src/store/shapes.ts). Each stage takes the previous stage's output and adds what it
 * knows; nothing here touches the file system or the environment.
 */

/** A ruled table as pdf-parse's `getTable()` found it on one page; cells may hold `\n` for wrapped text. */
export interface PageGridTable {
  page: number;
  rows: string[][];
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
  pages: PageText[];
  /** Ruled tables found in the PDF's vector drawing; empty for text input. */
  gridTables: PageGridTable[];
}

export interface CleanDocument {
  lines: Line[];
  pageCount: number;
  /** Lines recognised as running header/footer, kept for the record (they are not in `lines`). */
  droppedRepeats: string[];
}

export interface StructuredDocument {
  title: string | null;
  year: number | null;
  blocks: Block[];
}

export interface ReportIdentity {
  id: string;
  year: number;
  title: string;
}
