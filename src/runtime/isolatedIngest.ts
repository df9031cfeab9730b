import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { IngestOutcomeSchema, type IngestOutcome } from '../store/shapes.js';
import type { Config } from '../config.js';
import { IngestRefusedError, UserFacingError, type RefusalReason } from '../errors.js';

/**
 * Runs an ingest in a child process with a time and memory bound. pdf.js parses on the thread that
 * calls it, and a hostile PDF can hang it or grow it by gigabytes: in a child, that costs the child,
 * never the running bot, which keeps answering from its index and gets one clear sentence back.
 */

export interface IsolatedIngestOptions {
  indexDir: string;
  config: Config;
  timeoutMs?: number;
  heapMb?: number;
  onProgress?: (message: string) => void;
}

// The child is this module's sibling: compiled JavaScript in the build, TypeScript under tsx (dev, tests).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const CHILD = fileURLToPath(new URL(FROM_SOURCE ? './isolatedIngestChild.ts' : './isolatedIngestChild.js', import.meta.url));
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/**
 * Added to the time limit per page of the OCR budget, per OCR thread: a scanned page took 4.8 s on one
 * of two threads here (the 110-page image-only copy of the bundled report in 262 s), so 6 s leaves room.
 */
const OCR_MS_PER_PAGE = 6_000;
const DEFAULT_HEAP_MB = 1536;

const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), message: z.string() }),
  z.object({ type: z.literal('done'), outcomes: z.array(IngestOutcomeSchema) }),
  z.object({ type: z.literal('refused'), file: z.string(), reason: z.string(), detail: z.string().nullable() }),
  z.object({ type: z.literal('failed'), userMessage: z.string(), detail: z.string() }),
]);

export class IngestCrashedError extends UserFacingError {
  override name = 'IngestCrashedError';
  constructor(file: string, detail: string) {
    super(`ingest of ${file} crashed: ${detail}`, `${file}: reading the file failed (${detail}); the index is unchanged.`);
  }
}

/** Running from the TypeScript sources, the child needs tsx's loader too (found by absolute URL, whatever the cwd). */
function loaderArgs(): string[] {
  return FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
}

export function ingestInChild(file: string, options: IsolatedIngestOptions): Promise<IngestOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: [...loaderArgs(), `--max-old-space-size=${options.heapMb ?? DEFAULT_HEAP_MB}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      if (child.exitCode === null) child.kill('SIGKILL');
    };
    const { ocr } = options.config;
    const limit = options.timeoutMs ?? DEFAULT_TIMEOUT_MS + Math.ceil((ocr.maxPages * OCR_MS_PER_PAGE) / ocr.threads);
    const timer = setTimeout(() => finish(() => reject(new IngestRefusedError(file, 'timeout'))), limit);
    let stderr = '';
    child.stderr?.on('data', (data: Buffer) => {
      stderr = `${stderr}${data.toString('utf8')}`.slice(-2000);
    });
    child.on('message', (raw: unknown) => {
      const parsed = ChildMessage.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'progress') options.onProgress?.(message.message);
      else if (message.type === 'done') finish(() => resolve(message.outcomes));
      else if (message.type === 'refused') finish(() => reject(new IngestRefusedError(message.file, message.reason as RefusalReason, message.detail ?? undefined)));
      else finish(() => reject(new UserFacingError(message.detail, message.userMessage)));
    });
    child.on('error', (error) => finish(() => reject(new IngestCrashedError(file, error.message))));
    child.on('exit', (code, signal) => {
      const why = signal ? `stopped by ${signal}` : `exit code ${code}`;
      const oom = /heap out of memory/iu.test(stderr) ? 'out of memory' : why;
      finish(() => reject(new IngestCrashedError(file, oom)));
    });
    child.send({ file, indexDir: options.indexDir, config: options.config });
  });
}
