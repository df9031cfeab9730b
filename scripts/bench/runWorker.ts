import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { WorkerJob } from './benchSchemas.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export class BenchStepError extends Error {
  override name = 'BenchStepError';
}

/**
 * Runs one bench step in a fresh Node process (tsx loader, --expose-gc so memory can be read after a
 * full collection) and returns its result checked against `schema`. The child's stderr passes through.
 */
export function runWorker<S extends z.ZodType>(job: WorkerJob, schema: S): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', (error) => reject(new BenchStepError(`bench step ${job.kind} could not start`, { cause: error })));
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new BenchStepError(`bench step ${job.kind} failed (${signal ?? `exit ${code}`})`));
        return;
      }
      const line = stdout.trim().split('\n').at(-1) ?? '';
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        reject(new BenchStepError(`bench step ${job.kind} printed no JSON result: ${line.slice(0, 200)}`, { cause: error }));
        return;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reject(new BenchStepError(`bench step ${job.kind} result invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`));
        return;
      }
      resolve(parsed.data);
    });
  });
}
