import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IndexLoadError } from '../errors.js';
import type { Tokenizer } from '../text/tokenize.js';
import type { Embedder } from '../embed/embedder.js';
import { ChunkSchema, MetricEntrySchema, ParsedTableSchema, type Chunk, type MetricEntry, type ParsedTable, type ReportMeta } from './shapes.js';
import { IndexFormatError } from './indexFormatError.js';
import { readJsonFile, reportDir } from './indexStore.js';
import { LexicalIndex } from './lexicalIndex.js';
import { VectorIndex, type VectorIndexFiles } from './vectorIndex.js';

/**
 * One report's files inside an index generation, and their schemas: everything read back from disk
 * goes through zod, so a damaged or foreign file fails with a clear message instead of a wrong answer.
 */

const FILES = {
  chunks: 'chunks.json',
  tables: 'tables.json',
  metrics: 'metrics.json',
  vocabulary: 'vocabulary.json',
  lexical: 'lexical.json',
  graph: 'vectors.hnsw',
  vectors: 'vectors.f32',
  sourcePdf: 'source.pdf',
} as const;

/**
 * The report's own PDF, kept inside the generation so a page can be shown as an image later even if
 * the file it was ingested from is gone or has been replaced by next year's. Null for text reports.
 */
export function reportSourcePdf(generationDir: string, meta: ReportMeta): string | null {
  return meta.format === 'pdf' ? path.join(reportDir(generationDir, meta), FILES.sourcePdf) : null;
}

const SMALL_REPORT_CHUNKS = 1024;

export interface ReportContent {
  chunks: Chunk[];
  tables: ParsedTable[];
  metrics: MetricEntry[];
  vocabulary: string[];
}

export interface LoadedReport extends ReportContent {
  meta: ReportMeta;
  lexical: LexicalIndex;
  vectors: VectorIndex;
}

function vectorFiles(dir: string): VectorIndexFiles {
  return { graph: path.join(dir, FILES.graph), vectors: path.join(dir, FILES.vectors) };
}

/** Tokenizes and embeds a report's chunks and writes every file of it into `dir`. */
export async function writeReportFiles(
  dir: string,
  input: ReportContent & { tokenizer: Tokenizer; embedder: Embedder; sourcePdf?: string | null },
): Promise<void> {
  // The segmenter must know the report's own terms before its chunks are tokenized (and before a
  // question is, at load time), or the two sides would be cut differently.
  input.tokenizer.addWords(input.vocabulary);
  const texts = input.chunks.map((c) => c.norm);
  const lexical = LexicalIndex.build(input.chunks.map((c, i) => ({ id: c.id, text: texts[i] ?? '' })), input.tokenizer);
  const vectors = VectorIndex.build(await input.embedder.embedDocuments(texts), {
    dimensions: input.embedder.dimensions ?? undefined,
    // A report of a few hundred chunks is searched by exact scan (VectorIndex's exactBelow), so its
    // graph only has to be valid; a careful build would cost more than the rest of the index.
    efConstruction: texts.length <= SMALL_REPORT_CHUNKS ? 32 : 200,
  });
  await Promise.all([
    writeFile(path.join(dir, FILES.chunks), JSON.stringify(input.chunks)),
    writeFile(path.join(dir, FILES.tables), JSON.stringify(input.tables)),
    writeFile(path.join(dir, FILES.metrics), JSON.stringify(input.metrics)),
    writeFile(path.join(dir, FILES.vocabulary), JSON.stringify(input.vocabulary)),
    writeFile(path.join(dir, FILES.lexical), JSON.stringify(lexical.toJSON())),
    vectors.save(vectorFiles(dir)),
    input.sourcePdf ? copyFile(input.sourcePdf, path.join(dir, FILES.sourcePdf)) : Promise.resolve(),
  ]);
}

async function readValidated<T>(file: string, schema: z.ZodType<T>, indexDir: string): Promise<T> {
  const parsed = schema.safeParse(await readJsonFile(file, indexDir));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexLoadError(indexDir, `${path.basename(file)} invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

export function readReportTables(generationDir: string, meta: ReportMeta, indexDir: string): Promise<ParsedTable[]> {
  return readValidated(path.join(reportDir(generationDir, meta), FILES.tables), z.array(ParsedTableSchema), indexDir);
}

export async function readReportChunks(generationDir: string, meta: ReportMeta, indexDir: string): Promise<ReportContent> {
  const dir = reportDir(generationDir, meta);
  const [chunks, tables, metrics, vocabulary] = await Promise.all([
    readValidated(path.join(dir, FILES.chunks), z.array(ChunkSchema), indexDir),
    readValidated(path.join(dir, FILES.tables), z.array(ParsedTableSchema), indexDir),
    readValidated(path.join(dir, FILES.metrics), z.array(MetricEntrySchema), indexDir),
    readValidated(path.join(dir, FILES.vocabulary), z.array(z.string()), indexDir),
  ]);
  return { chunks, tables, metrics, vocabulary };
}

/** Loads one report whole: content, lexical index (needs the tokenizer) and vector index. */
export async function loadReport(generationDir: string, meta: ReportMeta, indexDir: string, tokenizer: Tokenizer): Promise<LoadedReport> {
  const dir = reportDir(generationDir, meta);
  const content = await readReportChunks(generationDir, meta, indexDir);
  tokenizer.addWords(content.vocabulary);
  try {
    const lexical = LexicalIndex.parse(await readFile(path.join(dir, FILES.lexical), 'utf8'), tokenizer);
    const vectors = await VectorIndex.load(vectorFiles(dir), { lazyGraph: true });
    if (lexical.size !== content.chunks.length || vectors.size !== content.chunks.length) {
      throw new IndexFormatError(`report ${meta.id}`, [`${content.chunks.length} chunks but ${lexical.size} lexical and ${vectors.size} vector rows`]);
    }
    return { ...content, meta, lexical, vectors };
  } catch (error) {
    if (error instanceof IndexFormatError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new IndexLoadError(indexDir, error instanceof Error ? error.message : 'report files missing', { cause: error });
    }
    throw error;
  }
}
