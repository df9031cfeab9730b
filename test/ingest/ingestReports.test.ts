import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/embed/localHashEmbeddings.js';
import { readManifest } from '../../src/store/indexStore.js';
import { loadReport } from '../../src/store/reportFiles.js';
import { ingestReports, type IngestDeps } from '../../ingest/ingestReports.js';
import { EmbedderMismatchError, IngestRefusedError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createTokenizer } from '../../src/text/tokenize.js';
import { makeEncryptedPdf, makeReportPdf } from '../fixtures/pdfs.js';

const tokenizer = createTokenizer();
const deps: IngestDeps = { tokenizer, embedder: new LocalHashEmbeddings(tokenizer), logger: silentLogger, maxBytes: 10 * 1024 * 1024 };

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ingest-reports-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function reportPages(year: number, volunteers: string) {
  const full = '学校坚持立德树人根本任务，全面推进思想政治教育工作，取得了显著成效和良好的社会反响';
  return [
    ['前 言', `${year} 年，学校各项事业稳步发展。`, full, '就业率超 91%。'],
    ['1.人才培养', '1.1 立德树人', full, `志愿者注册人数 ${volunteers} 人；志愿者占在校生比例 63.93%；开设课程数 11 门。`],
  ];
}

async function writeReport(name: string, year: number, volunteers: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, await makeReportPdf({ pages: reportPages(year, volunteers), header: `测试学院高等职业教育质量报告（${year}年度）` }));
  return file;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, full)] = (await readFile(full)).toString('base64');
    }
  }
  return out;
}

describe('ingestReports on generated reports', () => {
  it('finds the report title and year in the running header and indexes sections, pages and metrics', async () => {
    const indexDir = path.join(work, 'idx-basic');
    const [outcome] = await ingestReports([await writeReport('a.pdf', 2024, '10750')], { indexDir }, deps);
    expect(outcome).toMatchObject({ reportId: '测试学院-2024-质量报告', year: 2024, status: 'added', pages: 2 });
    const current = await readManifest(indexDir);
    const meta = current?.manifest.reports[0];
    if (!current || !meta) throw new Error('no manifest');
    const report = await loadReport(current.generationDir, meta, indexDir);
    const volunteers = report.metrics.find((m) => m.value === '10750');
    expect(volunteers).toMatchObject({ unit: '人', page: 2, section: { id: '1.1' } });
    const chunk = report.chunks.find((c) => c.text.includes('10750'));
    expect([chunk?.section.id, chunk?.pageStart]).toEqual(['1.1', 2]);
    expect(report.lexical.search(tokenizer.tokens('志愿者注册人数'), 1)[0]?.index).toBe(report.chunks.indexOf(chunk as (typeof report.chunks)[number]));
  });

  it('skips identical content, replaces the same report, and adds next year beside it', async () => {
    const indexDir = path.join(work, 'idx-years');
    const first = await writeReport('r2024.pdf', 2024, '10750');
    await ingestReports([first], { indexDir }, deps);
    const [again] = await ingestReports([first], { indexDir }, deps);
    expect(again?.status).toBe('unchanged');
    const [replaced] = await ingestReports([await writeReport('r2024-fixed.pdf', 2024, '10751')], { indexDir }, deps);
    expect(replaced?.status).toBe('replaced');
    const [added] = await ingestReports([await writeReport('r2025.pdf', 2025, '11000')], { indexDir }, deps);
    expect(added?.status).toBe('added');
    const manifest = (await readManifest(indexDir))?.manifest;
    expect(manifest?.reports.map((r) => [r.year, r.sourceFile])).toEqual([
      [2024, 'r2024-fixed.pdf'],
      [2025, 'r2025.pdf'],
    ]);
  });

  it('leaves the index byte-identical when one of the files is refused', async () => {
    const indexDir = path.join(work, 'idx-refused');
    const good = await writeReport('good.pdf', 2024, '10750');
    await ingestReports([good], { indexDir }, deps);
    const before = await snapshot(indexDir);
    const locked = path.join(work, 'locked.pdf');
    await writeFile(locked, await makeEncryptedPdf({ password: 'secret' }));
    const next = await writeReport('next.pdf', 2025, '11000');
    const error = await ingestReports([next, locked], { indexDir }, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestRefusedError);
    expect((error as IngestRefusedError).reason).toBe('encrypted');
    expect(await snapshot(indexDir)).toEqual(before);
  });

  it('refuses to mix embedders unless forced, and re-embeds every report when forced', async () => {
    const indexDir = path.join(work, 'idx-embedder');
    await ingestReports([await writeReport('e.pdf', 2024, '10750')], { indexDir }, deps);
    const other = { ...deps, embedder: new LocalHashEmbeddings(tokenizer, { dimensions: 64 }) };
    const next = await writeReport('e2025.pdf', 2025, '11000');
    await expect(ingestReports([next], { indexDir }, other)).rejects.toBeInstanceOf(EmbedderMismatchError);
    await ingestReports([next], { indexDir, force: true }, other);
    const current = await readManifest(indexDir);
    expect(current?.manifest.embedder).toEqual({ id: 'local-hash-v1:64', dimensions: 64 });
    const loaded = await Promise.all((current?.manifest.reports ?? []).map((m) => loadReport(current?.generationDir ?? '', m, indexDir)));
    expect(loaded.map((r) => [r.meta.year, r.vectors.dimensions])).toEqual([
      [2024, 64],
      [2025, 64],
    ]);
  });
});
