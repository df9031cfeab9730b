import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddings } from '../embed/createEmbeddings.js';
import type { Embedder } from '../embed/embedder.js';
import { AnswerService, type ModelAnswerPort } from '../answer/answerService.js';
import { createModelAnswerer } from '../answer/model/createModelAnswerer.js';
import type { Config } from '../config.js';
import { UserFacingError } from '../errors.js';
import { pruneOldGenerations, readManifest } from '../store/indexStore.js';
import { loadReportIndex } from '../store/loadReportIndex.js';
import type { Logger } from '../log.js';
import { createTokenizer, type Tokenizer } from '../text/tokenize.js';

/**
 * What every entry point (CLI, terminal chat, Discord bot) builds once from the configuration:
 * tokenizer, embedder, optional model, and the answer service over the live index.
 */
/**
 * Share of the vector list in rank fusion offline. The hashed embedder sees the same words as BM25,
 * only blurred, so on the dev set any weight above ~0.2 pulls good lexical hits down (recall@5 66/71
 * at 0 and 0.1, 63/71 at 0.3). With model embeddings the two lists are equal partners.
 */
const OFFLINE_VECTOR_WEIGHT = 0.1;

export interface Runtime {
  config: Config;
  logger: Logger;
  tokenizer: Tokenizer;
  embedder: Embedder;
  model: ModelAnswerPort | null;
}

export function createRuntime(config: Config, logger: Logger): Runtime {
  const tokenizer = createTokenizer();
  const model = config.openai ? createModelAnswerer(config.openai, logger) : null;
  return { config, logger, tokenizer, embedder: createEmbeddings(config.openai, tokenizer), model };
}

/**
 * Builds the index from the bundled reports folder when none exists yet (first run). Only the
 * manifest is read to find out; the ingest pipeline (pdf.js and all) is loaded only when it runs.
 */
export async function ensureIndex(runtime: Runtime, indexDir: string, onProgress: (message: string) => void): Promise<void> {
  if (await readManifest(indexDir)) return;
  const dir = runtime.config.reportsDir;
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.(pdf|txt|md)$/i.test(f)).map((f) => path.join(dir, f));
  if (files.length === 0) throw new UserFacingError(`no reports in ${dir}`, `No index yet and no report in ${dir} to build one from.`);
  onProgress(`No index in ${indexDir} yet: building it from ${dir} (first run, a few seconds)…`);
  const { ingestReports } = await import('../../ingest/ingestReports.js');
  const { withPageOcr } = await import('../../ingest/ocr/withPageOcr.js');
  await withPageOcr(runtime.config.ocr, (ocr) =>
    ingestReports(files, { indexDir, lockWaitMs: 60_000, onProgress }, {
      tokenizer: runtime.tokenizer,
      embedder: runtime.embedder,
      logger: runtime.logger,
      maxBytes: runtime.config.maxReportBytes,
      ...(ocr ? { ocr } : {}),
    }),
  );
}

export async function loadAnswerService(runtime: Runtime, indexDir: string): Promise<AnswerService> {
  const index = await loadReportIndex(indexDir, runtime.embedder.id);
  if (!index) throw new UserFacingError(`no index in ${indexDir}`, `No index in ${indexDir}; run: npm run --silent cli -- ingest`);
  // Generations that readers which have since exited were holding (a bot that was stopped) go now.
  await pruneOldGenerations(indexDir).catch((error: unknown) => runtime.logger.debug('pruning old index generations failed', error));
  return new AnswerService({
    index,
    tokenizer: runtime.tokenizer,
    embedder: runtime.embedder,
    logger: runtime.logger,
    model: runtime.model,
    vectorWeight: runtime.config.openai ? 1 : OFFLINE_VECTOR_WEIGHT,
  });
}

/** The answer service over the index in `indexDir`, building the index first when there is none. */
export async function openAnswerService(config: Config, indexDir: string, logger: Logger, onProgress: (message: string) => void): Promise<AnswerService> {
  const runtime = createRuntime(config, logger);
  await ensureIndex(runtime, indexDir, (message) => onProgress(`${message}\n`));
  return loadAnswerService(runtime, indexDir);
}
