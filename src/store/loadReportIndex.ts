import path from 'node:path';
import { EmbedderMismatchError, IndexLoadError } from '../errors.js';
import { takeLease, type GenerationLease } from './generationLeases.js';
import { currentGenerationDir, readManifestAt } from './indexStore.js';
import type { Manifest } from './manifest.js';
import { loadReport, type LoadedReport } from './reportFiles.js';

/** Everything the answering side reads, loaded once per index generation and then never mutated. */
export interface ReportIndex {
  indexDir: string;
  generationDir: string;
  manifest: Manifest;
  /** Latest year first: a question that names no year is answered from the newest report. */
  reports: LoadedReport[];
  /** Keeps this generation on disk while it is in use; released when a newer index replaces it. */
  lease: GenerationLease;
}

/** A switch can land between reading CURRENT and taking the lease; then the new CURRENT is read again. */
const LOAD_ATTEMPTS = 5;

/**
 * Loads the live generation, or returns null when nothing has been ingested yet. `embedderId` is the
 * embedder questions will be embedded with: vectors of another embedder are not comparable, so an
 * index built with one is refused rather than searched. The generation is leased before its files
 * are read, so an ingest that switches meanwhile does not remove it from under the reader.
 */
export async function loadReportIndex(indexDir: string, embedderId: string): Promise<ReportIndex | null> {
  for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt += 1) {
    const generationDir = await currentGenerationDir(indexDir);
    if (!generationDir) return null;
    const lease = await takeLease(indexDir, path.basename(generationDir));
    if ((await currentGenerationDir(indexDir)) !== generationDir) {
      await lease.release();
      continue;
    }
    try {
      const manifest = await readManifestAt(indexDir, generationDir);
      if (manifest.embedder.id !== embedderId) throw new EmbedderMismatchError(manifest.embedder.id, embedderId);
      const reports = await Promise.all(manifest.reports.map((meta) => loadReport(generationDir, meta, indexDir)));
      reports.sort((a, b) => b.meta.year - a.meta.year || a.meta.id.localeCompare(b.meta.id));
      return { indexDir, generationDir, manifest, reports, lease };
    } catch (error) {
      await lease.release();
      throw error;
    }
  }
  throw new IndexLoadError(indexDir, `the index changed ${LOAD_ATTEMPTS} times while it was being loaded`);
}
