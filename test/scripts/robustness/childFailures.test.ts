import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRobustness, type FileResult, type RobustnessOptions } from '../../../scripts/robustness/runRobustness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const childScript = path.join(here, 'fixtures', 'misbehavingChild.ts');
// The files are never opened: the misbehaving child acts on the first word of their names.
const file = (name: string) => path.join(here, 'fixtures', 'names', name);
// The hang bound is long enough that, even on a busy machine, the second child is up and answering well inside it.
const options: Omit<RobustnessOptions, 'files'> = { maxBytes: 1024, concurrency: 2, timeoutMs: 3_000, heapMb: 256, maxRssMb: 1024, childScript };
const brief = (result: FileResult | undefined) => result && [path.basename(result.file), result.category, result.detail];

const NAMES = ['hang.pdf', 'ok-1.pdf', 'signal.pdf', 'ok-2.pdf', 'exit.pdf', 'ok-3.pdf', 'reject.pdf', 'late.pdf', 'throw.pdf', 'error.pdf', 'ok-4.pdf'];
let results: FileResult[] = [];
/** File names in the order their results arrived. */
const finished: string[] = [];
const named = (name: string) => results.find((result) => path.basename(result.file) === name);

beforeAll(async () => {
  results = await runRobustness({ ...options, files: NAMES.map(file), onResult: (result) => finished.push(path.basename(result.file)) });
}, 60_000);

describe('runRobustness when a child misbehaves', () => {
  it('returns one result per file in the order given, each file after a failure answered by a new child', () => {
    expect(results.map((result) => [path.basename(result.file), result.category])).toEqual([
      ['hang.pdf', 'timeout'],
      ['ok-1.pdf', 'ok'],
      ['signal.pdf', 'crash'],
      ['ok-2.pdf', 'ok'],
      ['exit.pdf', 'crash'],
      ['ok-3.pdf', 'ok'],
      ['reject.pdf', 'crash'],
      ['late.pdf', 'crash'],
      ['throw.pdf', 'crash'],
      ['error.pdf', 'other'],
      ['ok-4.pdf', 'ok'],
    ]);
  });

  it('kills a child that hangs and reports timeout after the bound', () => {
    expect(brief(named('hang.pdf'))).toEqual(['hang.pdf', 'timeout', 'killed after 3000 ms']);
    expect(named('hang.pdf')?.ms).toBeGreaterThanOrEqual(3_000);
  });

  it('keeps the other child working while one file hangs', () => {
    // The first file hangs until it is killed; the file after it was answered by the other child meanwhile.
    expect(finished.indexOf('ok-1.pdf')).toBeGreaterThanOrEqual(0);
    expect(finished.indexOf('ok-1.pdf')).toBeLessThan(finished.indexOf('hang.pdf'));
  });

  it('reports crash with the signal when the child dies by one', () => {
    expect(brief(named('signal.pdf'))).toEqual(['signal.pdf', 'crash', 'the child died without an answer (signal SIGSEGV)']);
  });

  it('reports crash with the exit code when the child exits without an answer', () => {
    expect(brief(named('exit.pdf'))).toEqual(['exit.pdf', 'crash', 'the child died without an answer (exit code 3)']);
  });

  it('reports crash naming the exception when a rejection goes unhandled in the child', () => {
    expect(brief(named('reject.pdf'))).toEqual(['reject.pdf', 'crash', 'uncaught RangeError: a promise nobody awaited']);
    expect(named('reject.pdf')?.stack).toMatch(/^RangeError: a promise nobody awaited\n\s+at /u);
  });

  it('reports crash when the child dies of a rejection raised beside its answer', () => {
    expect(brief(named('late.pdf'))).toEqual(['late.pdf', 'crash', 'uncaught Error: rejected beside the answer']);
  });

  it('reports crash when analyse itself rejects in the child', () => {
    expect(brief(named('throw.pdf'))).toEqual(['throw.pdf', 'crash', 'uncaught TypeError: thrown out of analyse']);
  });

  it('reports other with the stage from the stack when the pipeline throws a non-refusal', () => {
    const error = named('error.pdf');

    expect([error?.category, error?.detail, error?.stage]).toEqual(['other', 'TypeError: x is undefined', 'tables']);
  });
});

describe('runRobustness memory bounds', () => {
  it('reports crash as out of memory when the child reaches its V8 heap limit', async () => {
    const [result] = await runRobustness({ ...options, heapMb: 48, timeoutMs: 20_000, files: [file('heap.pdf')] });

    expect(result?.category).toBe('crash');
    expect(result?.detail).toMatch(/^out of memory: V8 heap limit 48 MB reached \(/u);
  });

  it('kills a child whose resident memory passes the bound and reports crash', async () => {
    const [result] = await runRobustness({ ...options, maxRssMb: 300, timeoutMs: 20_000, files: [file('balloon.pdf')] });

    expect(result?.category).toBe('crash');
    expect(result?.detail).toMatch(/^killed: resident memory \d+ MB, over the 300 MB bound$/u);
  });
});
