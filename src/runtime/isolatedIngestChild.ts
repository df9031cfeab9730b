import { ingestReports } from '../../ingest/ingestReports.js';
import { withPageOcr } from '../../ingest/ocr/withPageOcr.js';
import type { Config } from '../config.js';
import { IngestRefusedError, UserFacingError } from '../errors.js';
import { createLogger } from '../log.js';
import { createRuntime } from './runtime.js';

/**
 * Child side of `ingestInChild`: one ingest, reported over IPC, then exit. It is given the parent's
 * configuration rather than reading the environment, so both sides use the same embedder.
 */
interface Request {
  file: string;
  indexDir: string;
  config: Config;
}

function send(message: object): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => resolve());
  });
}

process.once('message', (raw: unknown) => {
  void (async () => {
    const request = raw as Request;
    const logger = createLogger({ level: 'warn', secrets: [request.config.openai?.apiKey, request.config.discord.token] });
    try {
      const runtime = createRuntime(request.config, logger);
      const outcomes = await withPageOcr(request.config.ocr, (ocr) =>
        ingestReports(
          [request.file],
          { indexDir: request.indexDir, lockWaitMs: 120_000, onProgress: (message) => void send({ type: 'progress', message }) },
          { tokenizer: runtime.tokenizer, embedder: runtime.embedder, logger, maxBytes: request.config.maxReportBytes, ...(ocr ? { ocr } : {}) },
        ),
      );
      await send({ type: 'done', outcomes });
    } catch (error) {
      if (error instanceof IngestRefusedError) {
        const detail = error.message.match(/\((.*)\)$/u)?.[1] ?? null;
        await send({ type: 'refused', file: error.file, reason: error.reason, detail });
      } else if (error instanceof UserFacingError) {
        await send({ type: 'failed', userMessage: error.userMessage, detail: error.message });
      } else {
        logger.error('isolated ingest failed', error);
        await send({ type: 'failed', userMessage: '导入失败，索引保持不变。The ingest failed; the index is unchanged.', detail: String(error) });
      }
    }
    process.exit(0);
  })();
});
