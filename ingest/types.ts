/**
 * The shapes that flow between ingest stages. Each stage takes the previous stage's output and
 * adds what it knows; nothing here touches the file system or the environment.
 */

/** Text of one printed page as the extractor gave it (1-based page number). */
export interface PageText {
  page: number;
  text: string;
}

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

/** One printed line after running headers, footers and page numbers are gone. */
export interface Line {
  page: number;
  /** As printed (trimmed), for display. */
  text: string;
  /** NFKC, no stray spaces between digits and CJK: for matching. */
  norm: string;
}

export interface CleanDocument {
  lines: Line[];
  pageCount: number;
  /** Lines recognised as running header/footer, kept for the record (they are not in `lines`). */
  droppedRepeats: string[];
}

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'case'
  | 'figure_caption'
  | 'table_caption'
  | 'table_body'
  | 'source_note'
  | 'metric_list';

/** Where a piece of text stands in the report's outline. */
export interface SectionRef {
  /** The most specific label: "1.1.1", "前言", "案例 1-1", "附表". */
  id: string;
  /** Outline from the top: ["1.人才培养", "1.1 立德树人", "1.1.1“大思政课”"]. */
  path: string[];
}

/** A structural element: a paragraph with its mid-sentence line breaks joined, a heading, a caption… */
export interface Block {
  kind: BlockKind;
  /** Display text, lines joined (no spaces inserted between CJK characters). */
  text: string;
  norm: string;
  pageStart: number;
  pageEnd: number;
  section: SectionRef;
  /** Index of the block's first line in `CleanDocument.lines`. */
  lineStart: number;
  lineEnd: number;
}

export interface StructuredDocument {
  title: string | null;
  year: number | null;
  blocks: Block[];
}

export interface ParsedTable {
  /** "表 1-1" as captioned (normalised to one space after 表). */
  id: string;
  title: string;
  /** Page of the caption or the first row. */
  page: number;
  pages: number[];
  header: string[];
  rows: string[][];
  /** "数据来源：…" line, when the table has one. */
  sourceNote: string | null;
  section: SectionRef;
  /** Page each row is printed on (a table may run over pages); absent when the rows were rebuilt from text. */
  rowPages?: number[];
}

export interface MetricEntry {
  /** Report wording of what was measured: "志愿者注册人数". */
  name: string;
  /** Figure exactly as printed: "10750", "63.93", "12080.41". */
  value: string;
  /** "人", "%", "万元", "" when the report prints none. */
  unit: string;
  /** "超", "近", "余", "以上", "约" … or "". */
  qualifier: string;
  section: SectionRef;
  page: number;
  /** The sentence or list item the figure was read from, as printed. */
  evidence: string;
}

export type ChunkKind = 'paragraph' | 'case' | 'table_rows' | 'metric_line' | 'figure_caption' | 'heading';

export interface Chunk {
  /** Stable within a report: `${reportId}#${ordinal}`. */
  id: string;
  reportId: string;
  year: number;
  kind: ChunkKind;
  section: SectionRef;
  pageStart: number;
  pageEnd: number;
  /** Display text (what a source shows). */
  text: string;
  /** Matching text: section title + norm text, what the lexical and vector indexes see. */
  norm: string;
}

export interface ReportIdentity {
  id: string;
  year: number;
  title: string;
}
