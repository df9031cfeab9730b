import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageReading, ReadRequest } from './pageReader.js';

/**
 * Reads pages on a few worker threads, one page per thread at a time (onnxruntime and pdf.js block
 * the thread they run on, so threads are what gives pages parallelism). A page that takes longer than
 * the time limit — drawing it included — costs its worker: it is terminated, the page rejects with
 * `OcrPageTimeoutError`, and a fresh worker takes the next page. A worker whose heap runs out dies
 * alone (`OcrWorkerError`). Workers are started on first use and ended by `close`.
 */

export interface PageRecogniser {
  read(request: ReadRequest): Promise<PageReading>;
  close(): Promise<void>;
}

export class OcrPageTimeoutError extends Error {
  override name = 'OcrPageTimeoutError';
  constructor(readonly limitMs: number) {
    super(`page recognition took longer than ${limitMs} ms`);
  }
}

export class OcrWorkerError extends Error {
  override name = 'OcrWorkerError';
}

export interface OcrPoolOptions {
  threads: number;
  pageTimeoutMs: number;
}

// The worker is this module's sibling: compiled JavaScript in the build, TypeScript under tsx or vitest.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(FROM_SOURCE ? './ocrWorker.ts' : './ocrWorker.js', import.meta.url));

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface WorkerReply {
  id: number;
  reading?: PageReading;
  error?: string;
}

/** Heap of one worker: pdf.js on a hostile page can grow without bound; the worker dies, not the ingest. */
const WORKER_HEAP_MB = 1024;

export class OcrPool implements PageRecogniser {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: OcrPoolOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new RangeError(`threads must be a positive integer, got ${options.threads}`);
  }

  async read(request: ReadRequest): Promise<PageReading> {
    const slot = await this.acquire();
    try {
      return await this.run(slot, request);
    } finally {
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.slots.splice(0).map((slot) => slot.worker.terminate());
    await Promise.all(workers);
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new OcrWorkerError('the OCR pool is closed');
      const free = this.slots.find((slot) => !slot.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      if (this.slots.length < this.options.threads) {
        const slot = { worker: startWorker(), busy: true };
        this.slots.push(slot);
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private run(slot: Slot, request: ReadRequest): Promise<PageReading> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<PageReading>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        done();
        if (reply.reading) resolve(reply.reading);
        else reject(new OcrWorkerError(reply.error ?? 'no result'));
      };
      const replace = () => {
        const index = this.slots.indexOf(slot);
        void slot.worker.terminate();
        if (index !== -1 && !this.closed) slot.worker = startWorker();
      };
      const onError = (error: Error) => {
        done();
        replace();
        reject(new OcrWorkerError(error.message, { cause: error }));
      };
      const onExit = (code: number) => {
        done();
        replace();
        reject(new OcrWorkerError(`the OCR worker stopped (exit code ${code})`));
      };
      const timer = setTimeout(() => {
        done();
        replace();
        reject(new OcrPageTimeoutError(this.options.pageTimeoutMs));
      }, this.options.pageTimeoutMs);
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.on('exit', onExit);
      slot.worker.postMessage({ id, request });
    });
  }
}

/**
 * Running from the TypeScript sources (tests, tsx), the worker first registers tsx's loader, found by
 * absolute URL whatever the cwd: a worker does not take `--import` from its execArgv.
 */
function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  const worker = FROM_SOURCE ? new Worker(tsxBootstrap(), { eval: true, resourceLimits }) : new Worker(WORKER, { resourceLimits });
  // An idle worker must not keep the process alive; a page in flight holds its own timer.
  worker.unref();
  return worker;
}

/** Script that loads the TypeScript worker through tsx's `tsImport` (its ESM entry: the CommonJS one misresolves). */
function tsxBootstrap(): string {
  const api = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const worker = pathToFileURL(WORKER).href;
  return `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(worker)}, ${JSON.stringify(worker)}));`;
}
