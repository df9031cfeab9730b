import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IndexLoadError } from '../errors.js';
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

/**
 * What the ingest hands the store for one report's search indexes: each chunk's tokens (from the
 * tokenizer questions will be cut with) and its embedding, in chunk order.
 */
export interface ChunkIndexInput {
  tokens: ReadonlyArray<readonly string[]>;
  vectors: ReadonlyArray<readonly number[]>;
  /** Vector length; needed when a report has no chunks to take it from. */
  dimensions: number;
}

/** Builds a report's lexical and vector indexes from its chunks' tokens and vectors and writes every file of it into `dir`. */
export async function writeReportFiles(
  dir: string,
  input: { content: ReportContent; index: ChunkIndexInput; sourcePdf?: string | null },
): Promise<void> {
  const { content, index } = input;
  if (index.tokens.length !== content.chunks.length || index.vectors.length !== content.chunks.length) {
    throw new RangeError(`${content.chunks.length} chunks but ${index.tokens.length} token lists and ${index.vectors.length} vectors`);
  }
  const lexical = LexicalIndex.fromTokens(content.chunks.map((c, i) => ({ id: c.id, tokens: index.tokens[i] ?? [] })));
  // A report of up to a few thousand chunks is searched by exact scan and gets no graph (VectorIndex's exactBelow).
  const vectors = VectorIndex.build(index.vectors, { dimensions: index.dimensions });
  await Promise.all([
    writeFile(path.join(dir, FILES.chunks), JSON.stringify(content.chunks)),
    writeFile(path.join(dir, FILES.tables), JSON.stringify(content.tables)),
    writeFile(path.join(dir, FILES.metrics), JSON.stringify(content.metrics)),
    writeFile(path.join(dir, FILES.vocabulary), JSON.stringify(content.vocabulary)),
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

/**
 * Loads one report whole: content, lexical index and vector index. Its `vocabulary` is what the
 * question tokenizer must learn before it cuts questions for this report's lexical index.
 */
export async function loadReport(generationDir: string, meta: ReportMeta, indexDir: string): Promise<LoadedReport> {
  const dir = reportDir(generationDir, meta);
  const content = await readReportChunks(generationDir, meta, indexDir);
  try {
    const lexical = LexicalIndex.parse(await readFile(path.join(dir, FILES.lexical), 'utf8'));
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
