import type { Embedder } from '../embed/embedder.js';
import { readManifest } from './indexStore.js';
import type { Manifest } from './manifest.js';
import { loadReport, type LoadedReport } from './reportFiles.js';
import { EmbedderMismatchError } from '../errors.js';
import type { Tokenizer } from '../text/tokenize.js';

/** Everything the answering side reads, loaded once per index generation and then never mutated. */
export interface ReportIndex {
  indexDir: string;
  generationDir: string;
  manifest: Manifest;
  /** Latest year first: a question that names no year is answered from the newest report. */
  reports: LoadedReport[];
}

/** Loads the live generation, or returns null when nothing has been ingested yet. */
export async function loadReportIndex(indexDir: string, tokenizer: Tokenizer, embedder: Embedder): Promise<ReportIndex | null> {
  const current = await readManifest(indexDir);
  if (!current) return null;
  if (current.manifest.embedder.id !== embedder.id) throw new EmbedderMismatchError(current.manifest.embedder.id, embedder.id);
  const reports = await Promise.all(current.manifest.reports.map((meta) => loadReport(current.generationDir, meta, indexDir, tokenizer)));
  reports.sort((a, b) => b.meta.year - a.meta.year || a.meta.id.localeCompare(b.meta.id));
  return { indexDir, generationDir: current.generationDir, manifest: current.manifest, reports };
}
