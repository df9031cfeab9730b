import { z } from 'zod';

/**
 * The shapes every part of the project shares: what ingest produces, what the store keeps and what
 * answering reads. Each is defined once, as a zod schema, and its type is derived from it, so the
 * files read back from disk are checked against exactly the shape the code was written for.
 */

/** Text of one printed page as the extractor gave it (1-based page number). */
export const PageTextSchema = z.object({ page: z.number().int(), text: z.string() });
export type PageText = z.infer<typeof PageTextSchema>;

/** One printed line after running headers, footers and page numbers are gone. */
export const LineSchema = z.object({
  page: z.number().int(),
  /** As printed (trimmed), for display. */
  text: z.string(),
  /** NFKC, no stray spaces between digits and CJK: for matching. */
  norm: z.string(),
});
export type Line = z.infer<typeof LineSchema>;

/** Where a piece of text stands in the report's outline. */
export const SectionRefSchema = z.object({
  /** The most specific label: "1.1.1", "前言", "案例 1-1", "附表". */
  id: z.string(),
  /** Outline from the top: ["1.办学基础", "1.1 实训设施", "1.1.1“蓝鲸湾基地”"]. */
  path: z.array(z.string()),
});
export type SectionRef = z.infer<typeof SectionRefSchema>;

export const BlockKindSchema = z.enum([
  'heading',
  'paragraph',
  'case',
  'figure_caption',
  'table_caption',
  'table_body',
  'source_note',
  'metric_list',
]);
export type BlockKind = z.infer<typeof BlockKindSchema>;

/** A structural element: a paragraph with its mid-sentence line breaks joined, a heading, a caption… */
export const BlockSchema = z.object({
  kind: BlockKindSchema,
  /** Display text, lines joined (no spaces inserted between CJK characters). */
  text: z.string(),
  norm: z.string(),
  pageStart: z.number().int(),
  pageEnd: z.number().int(),
  section: SectionRefSchema,
  /** Index of the block's first line in the cleaned document's lines. */
  lineStart: z.number().int(),
  lineEnd: z.number().int(),
  /** Id of the parsed table these lines print, when they are a table's rows. */
  table: z.string().optional(),
  /** For a block printed over a page break: where in `text` each later page starts. */
  pageStarts: z.array(z.object({ page: z.number().int(), offset: z.number().int() })).optional(),
});
export type Block = z.infer<typeof BlockSchema>;

/** The period a table column (or a fact) belongs to; see src/text/periods.ts. */
export const PeriodSchema = z.object({
  year: z.number().int().nullable(),
  relative: z.enum(['current', 'previous', 'before_previous']).nullable(),
  pointInTime: z.boolean(),
  quarter: z.number().int().nullable(),
  change: z.boolean(),
});

/** The unit a table's amounts are printed in; see src/text/unitLines.ts. */
export const TableUnitSchema = z.object({
  printed: z.string(),
  unit: z.string(),
  currency: z.string(),
  factor: z.number().positive(),
});

export const ParsedTableSchema = z.object({
  /** "表 1-1" as captioned (normalised to one space after 表). */
  id: z.string(),
  title: z.string(),
  /** Page of the caption or the first row. */
  page: z.number().int(),
  pages: z.array(z.number().int()),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** "数据来源：…" line, when the table has one. */
  sourceNote: z.string().nullable(),
  section: SectionRefSchema,
  /** Page each row is printed on (a table may run over pages); absent when the rows were rebuilt from text. */
  rowPages: z.array(z.number().int()).optional(),
  /** Every header row, top first, when there are several levels ("本期发生额" over "金额 | 比例"); `header` joins them. */
  headerRows: z.array(z.array(z.string())).optional(),
  /** Per column, the period its header names (null: none). */
  periods: z.array(PeriodSchema.nullable()).optional(),
  /** The unit its amounts are printed in (a unit line above it, or in its header). */
  unit: TableUnitSchema.nullable().optional(),
  /** Labels and their values side by side ("股票简称 | 青禾智造"), with no header row. */
  keyValue: z.boolean().optional(),
  /** Read by OCR: the recogniser's lowest page confidence (0–1) over the pages it comes from. */
  ocr: z.number().min(0).max(1).optional(),
});
export type ParsedTable = z.infer<typeof ParsedTableSchema>;

/** A figure as the report prints it: the number, its counting word or unit, and its hedges. */
export const PrintedFigureSchema = z.object({
  /** Exactly as printed: "1260", "47.15", "4086.73". */
  value: z.string(),
  /** "人", "%", "万元", "" when the report prints none. */
  unit: z.string(),
  /** "超", "近", "余", "以上", "约" … or "". */
  qualifier: z.string(),
  /** The currency printed before the number, as printed: "£", "US$", "RMB"; absent when none. */
  currency: z.string().optional(),
});
export type PrintedFigure = z.infer<typeof PrintedFigureSchema>;

export const MetricEntrySchema = PrintedFigureSchema.extend({
  /** Report wording of what was measured: "实训工位数". */
  name: z.string(),
  section: SectionRefSchema,
  page: z.number().int(),
  /** The sentence or list item the figure was read from, as printed. */
  evidence: z.string(),
  /** Read by OCR: the recogniser's lowest page confidence (0–1) over the pages it comes from. */
  ocr: z.number().min(0).max(1).optional(),
});
export type MetricEntry = z.infer<typeof MetricEntrySchema>;

export const ChunkKindSchema = z.enum(['paragraph', 'case', 'table_rows', 'metric_line', 'figure_caption', 'heading']);
export type ChunkKind = z.infer<typeof ChunkKindSchema>;

export const ChunkSchema = z.object({
  /** Stable within a report: `${reportId}#${ordinal}`. */
  id: z.string(),
  reportId: z.string(),
  year: z.number().int(),
  kind: ChunkKindSchema,
  section: SectionRefSchema,
  pageStart: z.number().int(),
  pageEnd: z.number().int(),
  /** Display text (what a source shows). */
  text: z.string(),
  /** Matching text: section title + norm text, what the lexical and vector indexes see. */
  norm: z.string(),
  /** Id of the table whose rows a table_rows chunk holds (its section may be the heading above an untitled table). */
  table: z.string().optional(),
  /**
   * A table_rows chunk of a list of records (a directors' report's "Name: … Title: …" for each
   * director): the record's first row, the name each of its lines is said of.
   */
  subject: z.string().optional(),
  /** Read by OCR: the recogniser's lowest page confidence (0–1) over the pages it comes from. */
  ocr: z.number().min(0).max(1).optional(),
});
export type Chunk = z.infer<typeof ChunkSchema>;

/** Which pages of a report were read by OCR, how sure the recogniser was, and which it had to skip. */
export const OcrRecordSchema = z.object({
  pages: z.array(z.object({ page: z.number().int(), confidence: z.number().min(0).max(1) })),
  skipped: z.array(z.object({ page: z.number().int(), reason: z.enum(['page budget', 'time limit', 'failed']) })),
});
export type OcrRecord = z.infer<typeof OcrRecordSchema>;

/** One report in the index manifest. */
export const ReportMetaSchema = z.object({
  id: z.string().min(1),
  year: z.number().int(),
  title: z.string(),
  /** Who publishes it, as printed (absent in indexes written before it was read). */
  organisation: z.string().optional(),
  sourceFile: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['pdf', 'text']),
  pages: z.number().int().nonnegative(),
  ingestedAt: z.string(),
  /** Folder name under the generation's reports/ (ids may hold characters unfit for paths). */
  dir: z.string().regex(/^[A-Za-z0-9._-]+$/),
  counts: z.object({
    chunks: z.number().int().nonnegative(),
    tables: z.number().int().nonnegative(),
    metrics: z.number().int().nonnegative(),
  }),
  /** Present when pages were read by OCR or left unread. */
  ocr: OcrRecordSchema.optional(),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

export const IngestStatusSchema = z.enum(['added', 'replaced', 'unchanged']);
export type IngestStatus = z.infer<typeof IngestStatusSchema>;

/** What one ingest did with one file: the CLI's `ingest --json` line and the bot's re-ingest result. */
export const IngestOutcomeSchema = z.object({
  file: z.string(),
  reportId: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: IngestStatusSchema,
  pages: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  metrics: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  /** Pages read by OCR and pages it skipped (over the page budget, out of time, failed). */
  ocrPages: z.number().int().nonnegative().optional(),
  skippedPages: OcrRecordSchema.shape.skipped.optional(),
});
export type IngestOutcome = z.infer<typeof IngestOutcomeSchema>;
