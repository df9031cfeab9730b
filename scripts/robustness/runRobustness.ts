import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RefusalReason } from '../../src/errors.js';
import { ChildReplySchema, type AnalyseRequest, type ChildReply, type Outcome } from './childProtocol.js';

/**
 * Runs the ingest pipeline on many files, each in a child process bounded in time and memory, and
 * classifies what became of each file. pdf.js can loop or balloon on a hostile file; a child that does
 * is killed and replaced, and the file is reported, never the whole run lost.
 */

/**
 * `ok`, a refusal reason (the ingest refused the file cleanly), `timeout` (killed on time), `crash` (the
 * child died: signal, out of memory, exit without an answer, an unhandled rejection) or `other` (an
 * exception that is not an `IngestRefusedError`: a bug).
 */
export type Category = 'ok' | RefusalReason | 'crash' | 'other';

/** Categories that fail a run: a user would have seen a hang, a dead process or a stack trace. */
export const FAILING_CATEGORIES: ReadonlySet<Category> = new Set(['timeout', 'crash', 'other']);

export interface FileResult {
  file: string;
  category: Category;
  /** Wall-clock time from handing the file to a ready child to its answer (or its death). */
  ms: number;
  /** The refusal as the CLI prints it; what killed the child; the exception's `name: message`. */
  detail: string | null;
  /** The exception behind a refusal (`name: message`), when there is one. */
  cause: string | null;
  /** For `other` and crashes by an uncaught exception. */
  stack: string | null;
  /** For `other`: the ingest stage at the top of the stack (`structure`, `tables`, …) or null. */
  stage: string | null;
  /** For `ok`. */
  counts: { pages: number; ocrPages?: number; chunks: number; tables: number; metrics: number } | null;
}

export interface RobustnessOptions {
  /** Absolute paths, or relative to the current directory. */
  files: readonly string[];
  /** Files larger than this are refused `too_large` (as the ingest does). */
  maxBytes: number;
  /** OCR page budget per file (each child reads on one thread); 0 or absent: picture pages stay unread. */
  ocrPages?: number;
  concurrency: number;
  /** Per file; the child is then killed (SIGKILL) and the file counted `timeout`. */
  timeoutMs: number;
  /** V8 heap limit of each child (`--max-old-space-size`). */
  heapMb: number;
  /**
   * Resident memory of a child above which it is killed (`crash`). Buffers pdf.js allocates for images
   * live outside the V8 heap, so the heap limit alone does not bound a child. Checked where /proc exists.
   */
  maxRssMb: number;
  /** The child script (default `robustnessChild.ts`); tests pass one that misbehaves on purpose. */
  childScript?: string;
  /** How long a child may take to start (load tsx and the pipeline) before the run is abandoned. */
  startupTimeoutMs?: number;
  onResult?: (result: FileResult, done: number, total: number) => void;
}

/** The run itself could not go on (a child that never starts): not any file's fault. */
export class RobustnessRunError extends Error {
  override name = 'RobustnessRunError';
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CHILD_SCRIPT = path.join(HERE, 'robustnessChild.ts');
const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;
const MEMORY_POLL_MS = 200;
/** A child that holds more than this after a file is replaced before the next: pdf.js caches grow. */
const RECYCLE_RSS_FRACTION = 0.6;
const STDERR_TAIL_BYTES = 4096;

/** Runs every file and returns one result per file, in the order given. */
export async function runRobustness(options: RobustnessOptions): Promise<FileResult[]> {
  const files = options.files.map((file) => path.resolve(file));
  const results: FileResult[] = new Array<FileResult>(files.length);
  let next = 0;
  let done = 0;
  let failure: unknown = null;
  const slots = Array.from({ length: Math.max(1, Math.min(options.concurrency, files.length)) }, () => new ChildSlot(options));
  await Promise.all(
    slots.map(async (slot) => {
      try {
        while (next < files.length) {
          const index = next++;
          const result = await slot.run(files[index] ?? '');
          results[index] = result;
          done++;
          options.onResult?.(result, done, files.length);
        }
      } catch (error) {
        failure ??= error;
        next = files.length;
      } finally {
        await slot.stop();
      }
    }),
  );
  if (failure !== null) throw failure;
  return results;
}

interface Job {
  id: number;
  file: string;
  started: number;
  settle: (result: FileResult) => void;
  /** Why the runner killed the child, when it did. */
  killedFor: 'timeout' | 'memory' | null;
  peakRssMb: number;
  fatal: Extract<ChildReply, { type: 'fatal' }> | null;
  timers: NodeJS.Timeout[];
}

interface Child {
  process: ChildProcess;
  /** The file it is working on. */
  job: Job | null;
  stderrTail: string;
  exited: Promise<void>;
}

/** One long-lived child at a time, handed files one by one; replaced after it dies, is killed or grows. */
class ChildSlot {
  private current: Child | null = null;
  private readonly alive = new Set<Child>();
  private nextId = 1;

  constructor(private readonly options: RobustnessOptions) {}

  async run(file: string): Promise<FileResult> {
    const child = this.current ?? (await this.start());
    const id = this.nextId++;
    child.stderrTail = '';
    return new Promise<FileResult>((resolve) => {
      const job: Job = { id, file, started: performance.now(), settle: resolve, killedFor: null, peakRssMb: 0, fatal: null, timers: [] };
      child.job = job;
      job.timers.push(setTimeout(() => kill(child, job, 'timeout'), this.options.timeoutMs));
      job.timers.push(setInterval(() => void this.checkMemory(child, job), MEMORY_POLL_MS));
      const request: AnalyseRequest = { type: 'analyse', id, file, maxBytes: this.options.maxBytes, ocrPages: this.options.ocrPages ?? 0 };
      child.process.send(request);
    });
  }

  /** Ends every child of this slot; an idle one leaves when its channel closes, a busy one is killed. */
  async stop(): Promise<void> {
    this.current = null;
    await Promise.all(
      [...this.alive].map(async (child) => {
        if (child.process.connected) child.process.disconnect();
        const timer = setTimeout(() => child.process.kill('SIGKILL'), 2_000);
        await child.exited;
        clearTimeout(timer);
      }),
    );
  }

  private start(): Promise<Child> {
    const execArgv = ['--import', tsxLoaderUrl(), `--max-old-space-size=${this.options.heapMb}`];
    const proc = fork(this.options.childScript ?? DEFAULT_CHILD_SCRIPT, [], {
      execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const child: Child = { process: proc, job: null, stderrTail: '', exited: new Promise((resolve) => proc.once('exit', () => resolve())) };
    this.alive.add(child);
    this.current = child;
    // pdf.js warnings and the like: read (a full pipe would stall the child), kept only for a crash report.
    proc.stdout?.on('data', () => {});
    proc.stderr?.on('data', (chunk: Buffer) => {
      child.stderrTail = (child.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });

    return new Promise<Child>((resolve, reject) => {
      let ready = false;
      const timeoutMs = this.options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
      const startup = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new RobustnessRunError(`the robustness child did not start within ${timeoutMs} ms${stderrSuffix(child)}`));
      }, timeoutMs);
      proc.on('error', (error) => {
        // Once running, a failed send means the channel is closing, and the exit handler reports the file.
        if (ready) return;
        clearTimeout(startup);
        reject(new RobustnessRunError(`cannot start the robustness child: ${error.message}`, { cause: error }));
      });
      proc.on('message', (message: unknown) => {
        const reply = ChildReplySchema.safeParse(message);
        if (!reply.success) {
          if (child.job) child.job.fatal = { type: 'fatal', name: 'ProtocolError', message: `unexpected reply ${JSON.stringify(message).slice(0, 200)}`, stack: '' };
          proc.kill('SIGKILL');
        } else if (reply.data.type === 'ready') {
          ready = true;
          clearTimeout(startup);
          resolve(child);
        } else {
          this.onReply(child, reply.data);
        }
      });
      proc.once('exit', (code, signal) => {
        this.alive.delete(child);
        if (this.current === child) this.current = null;
        if (!ready) {
          clearTimeout(startup);
          reject(new RobustnessRunError(`the robustness child exited before it was ready (${exitText(code, signal)})${stderrSuffix(child)}`));
          return;
        }
        this.onExit(child, code, signal);
      });
    });
  }

  private onReply(child: Child, reply: ChildReply): void {
    const job = child.job;
    if (reply.type === 'fatal') {
      // The child answers only after a rejection this file left behind has surfaced (serveChild); one
      // that surfaces later still is charged to the file the child holds then, or to none when idle.
      if (job) job.fatal = reply;
      return;
    }
    if (!job) return;
    // A fatal before the answer: the child dies of this file (the CLI would too), whatever it answered.
    if (reply.type !== 'result' || reply.id !== job.id || job.killedFor || job.fatal) return;
    finish(child, job, resultFromOutcome(job.file, reply.outcome, elapsed(job)));
    if (reply.rssBytes > RECYCLE_RSS_FRACTION * this.options.maxRssMb * 1024 * 1024) this.retire(child);
  }

  private onExit(child: Child, code: number | null, signal: NodeJS.Signals | null): void {
    const job = child.job;
    if (!job) return;
    const base = { file: job.file, ms: elapsed(job), cause: null, stage: null, counts: null };
    let result: FileResult;
    if (job.killedFor === 'timeout') {
      result = { ...base, category: 'timeout', detail: `killed after ${this.options.timeoutMs} ms`, stack: null };
    } else if (job.killedFor === 'memory') {
      result = { ...base, category: 'crash', detail: `killed: resident memory ${job.peakRssMb} MB, over the ${this.options.maxRssMb} MB bound`, stack: null };
    } else if (job.fatal) {
      const { name, message, stack } = job.fatal;
      result = { ...base, category: 'crash', detail: `uncaught ${name}: ${message}`, stack, stage: stageFromStack(stack) };
    } else if (/heap out of memory|Reached heap limit/u.test(child.stderrTail)) {
      result = { ...base, category: 'crash', detail: `out of memory: V8 heap limit ${this.options.heapMb} MB reached (${exitText(code, signal)})`, stack: null };
    } else {
      result = { ...base, category: 'crash', detail: `the child died without an answer (${exitText(code, signal)})${stderrSuffix(child)}`, stack: null };
    }
    finish(child, job, result);
  }

  /** Replaces the child before the next file; it is idle, so it is only told to go. */
  private retire(child: Child): void {
    if (this.current === child) this.current = null;
    if (child.process.connected) child.process.disconnect();
    setTimeout(() => child.process.kill('SIGKILL'), 2_000).unref();
  }

  private async checkMemory(child: Child, job: Job): Promise<void> {
    if (child.process.pid === undefined) return;
    const rssMb = await residentMb(child.process.pid);
    if (rssMb === null || child.job !== job) return;
    job.peakRssMb = Math.max(job.peakRssMb, rssMb);
    if (rssMb > this.options.maxRssMb) kill(child, job, 'memory');
  }
}

function finish(child: Child, job: Job, result: FileResult): void {
  for (const timer of job.timers) clearTimeout(timer);
  if (child.job === job) child.job = null;
  job.settle(result);
}

function kill(child: Child, job: Job, why: 'timeout' | 'memory'): void {
  if (child.job !== job || job.killedFor) return;
  job.killedFor = why;
  child.process.kill('SIGKILL');
}

function stderrSuffix(child: Child): string {
  const tail = child.stderrTail.trim().split('\n').slice(-3).join(' | ');
  return tail === '' ? '' : `; stderr: ${tail}`;
}

function elapsed(job: Job): number {
  return Math.round(performance.now() - job.started);
}

function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
}

/** tsx's ESM loader by absolute URL, so a child finds it whatever the current directory. */
export function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** Resident set size from /proc (Linux); null where there is none or the process is gone. */
async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/mu.exec(status)?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    // No /proc (macOS) or the child has just exited: the heap limit and the timeout still apply.
    return null;
  }
}

export function resultFromOutcome(file: string, outcome: Outcome, ms: number): FileResult {
  const base = { file, ms, cause: null, stack: null, stage: null, counts: null };
  switch (outcome.kind) {
    case 'ok': {
      const { pages, ocrPages, chunks, tables, metrics } = outcome;
      return { ...base, category: 'ok', detail: null, counts: { pages, ...(ocrPages ? { ocrPages } : {}), chunks, tables, metrics } };
    }
    case 'refused':
      return { ...base, category: outcome.reason, detail: outcome.message, cause: outcome.cause };
    case 'error':
      return { ...base, category: 'other', detail: `${outcome.name}: ${outcome.message}`, stack: outcome.stack, stage: stageFromStack(outcome.stack) };
  }
}

const STAGE_FRAME = /[\\/]ingest[\\/](?:(extract|clean|structure|tables|metrics|chunk|embed|index)[\\/]|(\w+)\.ts)/u;

/** The ingest stage of the topmost frame inside `ingest/`: `structure`, `tables`, `ingestReports`, … */
export function stageFromStack(stack: string): string | null {
  for (const line of stack.split('\n')) {
    if (!/^\s+at /u.test(line) || line.includes('node_modules')) continue;
    const match = STAGE_FRAME.exec(line);
    if (match) return match[1] ?? match[2] ?? null;
  }
  return null;
}
