import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportPdf } from '../../fixtures/pdfs.js';

const SCRIPT = path.resolve('scripts/robustness.ts');
let work: string;
let report: Buffer;

function robustness(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A row of the summary table as [count, examples]. */
function row(stdout: string, label: string): [number, string] | null {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label}  `));
  const match = line && /^.+?\s{2,}(\d+)(?:\s{2}(.*))?$/u.exec(line);
  return match ? [Number(match[1]), match[2] ?? ''] : null;
}

async function folder(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  for (const [file, bytes] of Object.entries(files)) await writeFile(path.join(dir, file), bytes);
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'robustness-cli-'));
  report = await makeReportPdf({ pages: [['前 言', '学校共有在校生 12000 人，专任教师 600 人。']] });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('npm run robustness', () => {
  it('takes every *.pdf in any case, counts the rest as skipped, prints the table and writes JSON lines', async () => {
    const dir = await folder('mixed', { 'good.pdf': report, 'UPPER.PDF': report, 'random.pdf': 'plain words, no header', 'notes.txt': '说明' });
    await mkdir(path.join(dir, 'nested'));
    const out = path.join(work, 'mixed.jsonl');

    const { code, stdout } = await robustness([dir, '--concurrency', '1', '--skip-contract', '--out', out]);

    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { file: string; category: string });
    expect(lines.map((line) => [line.file, line.category])).toEqual([
      ['UPPER.PDF', 'ok'],
      ['good.pdf', 'ok'],
      ['random.pdf', 'not_pdf'],
    ]);
    expect(stdout).toContain(`robustness: 3 PDFs in ${dir} (2 skipped (not *.pdf): nested, notes.txt)`);
    expect([row(stdout, 'ok'), row(stdout, 'not a PDF'), row(stdout, 'crash')]).toEqual([
      [2, 'UPPER.PDF, good.pdf'],
      [1, 'random.pdf'],
      [0, ''],
    ]);
    expect([code, stdout.trim().split('\n').at(-1)]).toEqual([0, 'PASS']);
  });

  it('exits 1 and lists the file when it times out (a 1 ms bound)', async () => {
    const dir = await folder('slow', { 'good.pdf': report });

    const { code, stdout } = await robustness([dir, '--concurrency', '1', '--timeout-ms', '1', '--skip-contract', '--out', path.join(work, 'slow.jsonl')]);

    expect(row(stdout, 'timeout')).toEqual([1, 'good.pdf']);
    expect(stdout).toContain('- good.pdf: timeout — killed after 1 ms');
    expect([code, stdout.trim().split('\n').at(-1)]).toEqual([1, 'FAIL: 1 files timed out, crashed or failed with an unexpected error']);
  });

  it('exits 2 with the usage when no folder is given', async () => {
    const { code, stderr } = await robustness([]);

    expect([code, stderr]).toEqual([2, 'give exactly one folder\nusage: npm run robustness -- DIR [--timeout-ms N] [--heap-mb N] [--max-rss-mb N] [--concurrency N] [--out FILE] [--contract-files N | --skip-contract] [--ocr-pages N]\n']);
  });
});
