import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { timeProcess } from './startBench.js';
import { median, round } from './stats.js';

/**
 * Ingest of every PDF in a folder (the real reports), each against the bare `getText()` floor twice
 * over: in process (the `ingest` worker: warm, medians, `INGEST_RATIO_TARGET`) and as whole
 * processes — the compiled `cli ingest` into a fresh index against node running a bare `getText()`
 * (`bareGetTextProcess`), alternating, medians over the rounds.
 */

export const PROCESS_RATIO_TARGET = 2;

const Ms = z.number();
export const ReportTimingSchema = z.object({
  file: z.string(),
  inProcess: z.object({ bareMs: Ms, ingestMs: Ms, ratio: z.number() }),
  process: z.object({ bareMs: Ms, ingestMs: Ms, ratio: z.number() }),
});
export type ReportTiming = z.infer<typeof ReportTimingSchema>;
export const ReportsBenchResultSchema = z.object({ folder: z.string(), rounds: z.number().int(), reports: z.array(ReportTimingSchema) });
export type ReportsBenchResult = z.infer<typeof ReportsBenchResultSchema>;

/** Every *.pdf under `folder`, sorted. */
export async function reportFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.pdf$/iu.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Whole-process medians of `cli ingest FILE` (fresh index each round) and of the bare getText process. */
export async function processTiming(file: string, rounds: number): Promise<ReportTiming['process']> {
  const node = process.execPath;
  const cli = path.resolve('dist/src/cli/main.js');
  const bare = path.resolve('dist/scripts/bench/bareGetTextProcess.js');
  const work = await mkdtemp(path.join(tmpdir(), 'bench-reports-'));
  const bareMs: number[] = [];
  const ingestMs: number[] = [];
  try {
    await timeProcess(node, [bare, file]); // file cache warm for both
    for (let r = 0; r < rounds; r += 1) {
      bareMs.push(await timeProcess(node, [bare, file]));
      ingestMs.push(await timeProcess(node, [cli, 'ingest', file, '--index', path.join(work, `index-${r}`)]));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { bareMs: round(median(bareMs)), ingestMs: round(median(ingestMs)), ratio: round(median(ingestMs) / median(bareMs), 2) };
}
