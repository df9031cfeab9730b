import { readManifest } from './indexStore.js';
import type { Manifest } from './manifest.js';
import { loadReport, type LoadedReport } from './reportFiles.js';
import { EmbedderMismatchError } from '../errors.js';

/** Everything the answering side reads, loaded once per index generation and then never mutated. */
export interface ReportIndex {
  indexDir: string;
  generationDir: string;
  manifest: Manifest;
  /** Latest year first: a question that names no year is answered from the newest report. */
  reports: LoadedReport[];
}

/**
 * Loads the live generation, or returns null when nothing has been ingested yet. `embedderId` is the
 * embedder questions will be embedded with: vectors of another embedder are not comparable, so an
 * index built with one is refused rather than searched.
 */
export async function loadReportIndex(indexDir: string, embedderId: string): Promise<ReportIndex | null> {
  const current = await readManifest(indexDir);
  if (!current) return null;
  if (current.manifest.embedder.id !== embedderId) throw new EmbedderMismatchError(current.manifest.embedder.id, embedderId);
  const reports = await Promise.all(current.manifest.reports.map((meta) => loadReport(current.generationDir, meta, indexDir)));
  reports.sort((a, b) => b.meta.year - a.meta.year || a.meta.id.localeCompare(b.meta.id));
  return { indexDir, generationDir: current.generationDir, manifest: current.manifest, reports };
}
