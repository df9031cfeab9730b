import { z } from 'zod';

/**
 * What each bench step returns. Steps run in child processes (scripts/bench/worker.ts) so that memory
 * figures belong to the step alone; their one JSON line comes back through these schemas.
 */

const Ms = z.number();

export const DiskUsageSchema = z.object({
  /** Allocated blocks, as `du` counts them (a hard-linked file once). */
  bytes: z.number(),
  /** Sum of file lengths (each hard-linked file once). */
  apparentBytes: z.number(),
  files: z.number(),
  /** Apparent bytes by file name (all reports' `lexical.json` together, …). */
  byName: z.record(z.string(), z.number()),
});
export type DiskUsage = z.infer<typeof DiskUsageSchema>;

export const ProfileEntrySchema = z.object({ fn: z.string(), ms: z.number(), share: z.number() });
export type ProfileEntry = z.infer<typeof ProfileEntrySchema>;

export const IngestBenchResultSchema = z.object({
  file: z.string(),
  rounds: z.number(),
  bareGetTextMs: Ms,
  ingestMs: Ms,
  /** Median full ingest over median bare getText(). */
  ratio: z.number(),
  /** The same ingest through one segmenter shared by all rounds (its text cache warm from the last round). */
  ingestSharedSegmenterMs: Ms,
  dictionaryLoadMs: Ms,
  /** The same ingest stage by stage (separate runs, not the timed ones): median ms per stage, in order. */
  stages: z.array(z.object({ stage: z.string(), ms: Ms })),
  samples: z.object({ bareGetTextMs: z.array(Ms), ingestMs: z.array(Ms), ingestSharedSegmenterMs: z.array(Ms) }),
});
export type IngestBenchResult = z.infer<typeof IngestBenchResultSchema>;

export const ScaleBuildResultSchema = z.object({
  reports: z.number(),
  chunks: z.number(),
  metrics: z.number(),
  /** First analyseReport of the PDF in the process (pdf.js and CMaps start up). */
  analyseColdMs: Ms,
  /** Second, warm analyseReport: extract → clean → structure → tables → metrics → chunks of one PDF. */
  analyseMs: Ms,
  /** Deriving the other reports' content from the analysed one (string rewriting, no PDF). */
  deriveMs: Ms,
  /** commitGeneration of all reports: per report tokenize, BM25, embed, hnsw graph, files; manifest; switch. */
  writeMs: Ms,
  writePerReportMs: z.object({ median: Ms, max: Ms }),
  /** What was timed end to end: one warm analyse + derive + write. */
  buildMs: Ms,
  /** N distinct PDFs would each be analysed: N × analyse + write (derive excluded). */
  projectedDistinctMs: Ms,
  disk: DiskUsageSchema,
  generationDir: z.string(),
  maxRssMB: z.number(),
});
export type ScaleBuildResult = z.infer<typeof ScaleBuildResultSchema>;

/** process.memoryUsage() in MB; RSS − V8 heap − external is native memory (hnswlib graphs, jieba, code). */
const MemorySchema = z.object({ rssMB: z.number(), heapTotalMB: z.number(), heapUsedMB: z.number(), externalMB: z.number() });
export type MemorySnapshot = z.infer<typeof MemorySchema>;

export const AskBenchResultSchema = z.object({
  reports: z.number(),
  chunks: z.number(),
  questions: z.number(),
  /** Passes asked for (--rounds) and passes measured: fewer when they did not fit the step's time budget. */
  roundsAsked: z.number(),
  /** 0: even one pass after the warm-up did not fit, and the warm-up pass is the measurement. */
  passes: z.number(),
  /** loadReportIndex: manifest, every report's files read and validated, graphs loaded. */
  loadMs: Ms,
  /** new AnswerService: merged BM25 over all reports, metric registry, table list. */
  serviceMs: Ms,
  /** Modules loaded and the segmenter dictionary, before the index (after a full GC). */
  beforeLoad: MemorySchema,
  /** Right after load + service, as the process holds it (garbage not yet collected). */
  afterLoad: MemorySchema,
  /** After a forced full GC (the worker runs with --expose-gc): what the loaded index really holds. */
  afterLoadSettled: MemorySchema.nullable(),
  afterAsk: MemorySchema,
  /** Peak RSS of the whole process (load + every ask). */
  maxRssMB: z.number(),
  /** `ms` of AnswerService.ask (the contract's own timing) over the measured passes (the warm-up pass when passes is 0). */
  p50Ms: Ms,
  p95Ms: Ms,
  maxMs: Ms,
  meanMs: Ms,
  /** The warm-up pass: the first ask of each question in a fresh process (under the profiler). */
  coldP50Ms: Ms,
  coldP95Ms: Ms,
  warmUpMs: Ms,
  /** Sanity check that the timed work is real: dev questions answered right (eval's scoreAsk), warm-up pass. */
  correct: z.number(),
  /** Ids of the questions answered wrong in that pass. */
  wrong: z.array(z.string()),
  slowest: z.array(z.object({ id: z.string(), kind: z.string(), question: z.string(), medianMs: Ms })),
  /** Where the warm-up pass spent its time: inclusive time of the project's own functions. */
  profile: z.array(ProfileEntrySchema),
});
export type AskBenchResult = z.infer<typeof AskBenchResultSchema>;

const SearchTimingSchema = z.object({ medianMs: Ms, p95Ms: Ms, meanMs: Ms });
export type SearchTiming = z.infer<typeof SearchTimingSchema>;

export const VectorBenchResultSchema = z.object({
  reports: z.number(),
  rows: z.number(),
  dimensions: z.number(),
  queries: z.number(),
  k: z.number(),
  /** One VectorIndex.fromVectors over every report's rows concatenated (defaults: m 16, efConstruction 200). */
  graphBuildMs: Ms,
  /** search() forced onto the graph (exactBelow 0), efSearch 128; recall tie-aware (recall.ts) and strict. */
  graph: SearchTimingSchema.extend({ recall: z.number(), strictRecall: z.number() }),
  /** searchExact over the same rows: the reference. */
  exact: SearchTimingSchema,
  /**
   * What HybridRetriever does today: each report's own VectorIndex searched for k, results merged.
   * With every report at or under VectorIndex's exactBelow (1024 rows by default) these are exact scans.
   */
  perReport: SearchTimingSchema.extend({ recall: z.number(), largestReportRows: z.number() }),
});
export type VectorBenchResult = z.infer<typeof VectorBenchResultSchema>;

export const AddReportResultSchema = z.object({
  rounds: z.number(),
  /** ingestReports of the PDF into an empty index. */
  intoEmptyMs: Ms,
  /** The same ingest into the N-report index (a new id and year): analyse + carry N reports over + write. */
  intoIndexMs: Ms,
  /** What carrying the existing reports costs: intoIndex − intoEmpty (medians). */
  carryMs: Ms,
  samples: z.object({ intoEmptyMs: z.array(Ms), intoIndexMs: z.array(Ms) }),
});
export type AddReportResult = z.infer<typeof AddReportResultSchema>;

export const WorkerJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ingest'), file: z.string(), rounds: z.number().int().positive() }),
  z.object({ kind: z.literal('build'), indexDir: z.string(), file: z.string(), count: z.number().int().positive(), copies: z.enum(['figures', 'identical']) }),
  z.object({ kind: z.literal('ingestOne'), indexDir: z.string(), file: z.string() }),
  z.object({ kind: z.literal('ask'), indexDir: z.string(), questions: z.string(), rounds: z.number().int().positive(), budgetMs: z.number().positive() }),
  z.object({ kind: z.literal('vectors'), indexDir: z.string(), queries: z.array(z.string()) }),
  z.object({ kind: z.literal('add'), indexDir: z.string(), file: z.string(), rounds: z.number().int().positive() }),
]);
export type WorkerJob = z.infer<typeof WorkerJobSchema>;
