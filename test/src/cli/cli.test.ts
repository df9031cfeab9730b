import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiled } from '../../fixtures/compiled.js';
import { makeEncryptedPdf, makeReportPdf } from '../../fixtures/pdfs.js';

/** The CLI contract of GUIDE.md, through a real process: JSON lines on stdout, plain refusals on stderr. */
const run = promisify(execFile);
const NODE = process.execPath;
const CLI = compiled('src/cli/main.ts');
const BUNDLED = path.resolve('data/reports/hnhgzy-2024-quality-report.pdf');

let work: string;
let indexDir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn' }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = (await readFile(path.join(entry.parentPath, entry.name))).toString('base64');
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cli-'));
  indexDir = path.join(work, 'index');
  const ingest = await cli(['ingest', BUNDLED, '--index', indexDir]);
  if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const AskLine = z.object({
  question: z.string(),
  found: z.boolean(),
  answer: z.string(),
  figures: z.array(z.object({ value: z.string(), unit: z.string(), page: z.number(), section: z.string() })),
  sources: z.array(z.object({ report: z.string(), year: z.number(), section: z.string(), page: z.number(), text: z.string(), score: z.number() })),
  mode: z.enum(['offline', 'llm']),
  ms: z.number(),
});

describe('cli', () => {
  it('stops quietly when its reader closes the pipe early (`tables | head -1`)', async () => {
    const child = spawn(NODE, [CLI, 'tables', '--index', indexDir], { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then close our end, as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('refuses an encrypted PDF with one plain line naming file and reason, exit 1, index untouched', async () => {
    const locked = path.join(work, 'locked.pdf');
    await writeFile(locked, await makeEncryptedPdf({ password: 'pw' }));
    const before = await snapshot(indexDir);
    const result = await cli(['ingest', locked, '--index', indexDir]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain('locked.pdf');
    expect(lines[0]).toContain('encrypted');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await snapshot(indexDir)).toEqual(before);
  });

  it('says that nothing was ingested when one of several files is refused, and leaves the index as it was', async () => {
    const good = path.join(work, 'good.pdf');
    const locked = path.join(work, 'locked-2.pdf');
    await writeFile(good, await makeReportPdf({ pages: [['1.概况', '志愿者注册人数 10750 人；课程数 11 门。']] }));
    await writeFile(locked, await makeEncryptedPdf({ password: 'pw' }));
    const before = await snapshot(indexDir);
    const result = await cli(['ingest', good, locked, '--index', indexDir]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-2)).toContain('locked-2.pdf');
    expect(lines.at(-1)).toBe('Nothing was ingested, not even the 1 other file: the index is unchanged.');
    expect(await snapshot(indexDir)).toEqual(before);
  });

  it('warns when the same file is ingested again under another report id', async () => {
    const other = path.join(work, 'index-twin');
    const small = path.join(work, 'small.pdf');
    await writeFile(small, await makeReportPdf({ pages: [['1.概况', '志愿者注册人数 10750 人；课程数 11 门。']] }));
    expect((await cli(['ingest', small, '--index', other, '--report-id', 'first', '--year', '2024'])).code).toBe(0);
    const again = await cli(['ingest', small, '--index', other, '--report-id', 'second', '--year', '2024']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`warning: ${small} has the same content as report first, already in the index; it is added again as second`);
  });

  it('prints the reports as an aligned table without --json', async () => {
    const result = await cli(['reports', '--index', indexDir]);
    const [header, row] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^id\s+year\s+pages\s+tables\s+metrics\s+title\s+ingested$/u);
    expect(row).toMatch(/^湖南化工职业技术学院-2024-质量报告\s+2024\s+110\s+10\s+\d+\s+/u);
    // Columns line up on screen: a CJK character takes two columns.
    const column = (line: string, at: number) => [...line.slice(0, at)].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
    expect(column(row ?? '', (row ?? '').indexOf('  2024') + 2)).toBe(column(header ?? '', (header ?? '').indexOf('year')));
  });

  it('skips a report whose content is already indexed', async () => {
    const result = await cli(['ingest', BUNDLED, '--index', indexDir]);
    expect([result.code, /unchanged/.test(result.stderr)]).toEqual([0, true]);
  });

  it('prints one JSON line per parsed table in the contract shape', async () => {
    const result = await cli(['tables', '--json', '--index', indexDir]);
    const tables = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(tables.map((t) => t.id)).toEqual(['表 1-1', '表 1-2', '表 1-3', '表 1-4', '表 1-5', '表 1-6', '表 1-7', '表 1-8', '表 2-1', '表 6-1']);
    expect(Object.keys(tables[0] ?? {})).toEqual(['id', 'title', 'report', 'year', 'page', 'header', 'rows', 'source_note']);
    expect(tables[0]?.source_note).toBe('数据来源：湖南化工职业技术学院体育部');
  });

  it('answers a batch in order, one contract line per question, follow-ups with history', async () => {
    const batch = path.join(work, 'questions.txt');
    await writeFile(
      batch,
      ['志愿者注册人数是多少？', '图书馆藏书有多少册？', JSON.stringify({ question: '那志愿者占在校生比例呢？', history: [{ question: '志愿者注册人数是多少？', answer: '10750 人' }] })].join('\n'),
    );
    const result = await cli(['ask', '--json', '--batch', batch, '--index', indexDir]);
    const lines = result.stdout.trim().split('\n').map((l) => AskLine.parse(JSON.parse(l)));
    expect(lines.map((l) => [l.question, l.found])).toEqual([
      ['志愿者注册人数是多少？', true],
      ['图书馆藏书有多少册？', false],
      ['那志愿者占在校生比例呢？', true],
    ]);
    expect(lines[0]?.figures[0]).toEqual({ value: '10750', unit: '人', page: 5, section: '1.1.2' });
    expect(lines[2]?.figures[0]?.value).toBe('63.93');
  });

  it('looks up a metric by staff wording, best first, in the contract shape', async () => {
    const result = await cli(['metric', '--json', '志愿者人数', '--index', indexDir]);
    const line = JSON.parse(result.stdout) as { query: string; matches: Array<Record<string, unknown>> };
    expect(line.query).toBe('志愿者人数');
    expect(line.matches[0]).toMatchObject({ name: '志愿者注册人数', value: '10750', unit: '人', qualifier: '', year: 2024, section: '1.1.2', page: 5 });
    expect(Object.keys(line.matches[0] ?? {})).toEqual(['name', 'value', 'unit', 'qualifier', 'report', 'year', 'section', 'page', 'evidence']);
  });

  it('names the bad key when the configuration is invalid', async () => {
    const { code, stderr } = await (async () => {
      try {
        await run(NODE, [CLI, 'reports', '--index', indexDir], { env: { ...process.env, MAX_REPORT_MB: 'lots' } });
        return { code: 0, stderr: '' };
      } catch (error) {
        const e = error as { code?: number; stderr?: string };
        return { code: e.code ?? -1, stderr: e.stderr ?? '' };
      }
    })();
    expect(code).toBe(1);
    expect(stderr).toContain('MAX_REPORT_MB');
  });
});
