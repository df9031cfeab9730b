import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/embed/localHashEmbeddings.js';
import { readManifest } from '../../src/store/indexStore.js';
import { loadReport, type LoadedReport } from '../../src/store/reportFiles.js';
import { ingestReports } from '../../ingest/ingestReports.js';
import { silentLogger } from '../../src/log.js';
import { createTokenizer } from '../../src/text/tokenize.js';

/** The whole pipeline on the bundled 110-page report. */
const BUNDLED = path.resolve('data/reports/hnhgzy-2024-quality-report.pdf');
const tokenizer = createTokenizer();
let work: string;
let report: LoadedReport;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bundled-'));
  const indexDir = path.join(work, 'index');
  await ingestReports([BUNDLED], { indexDir }, { tokenizer, embedder: new LocalHashEmbeddings(tokenizer), logger: silentLogger, maxBytes: 100 * 1024 * 1024 });
  const current = await readManifest(indexDir);
  const meta = current?.manifest.reports[0];
  if (!current || !meta) throw new Error('bundled report did not ingest');
  report = await loadReport(current.generationDir, meta, indexDir);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the bundled report', () => {
  it('is identified by the title and year it prints', () => {
    expect([report.meta.id, report.meta.year, report.meta.pages]).toEqual(['湖南化工职业技术学院-2024-质量报告', 2024, 110]);
  });

  it('yields its ten captioned data tables with their pages', () => {
    expect(report.tables.map((t) => [t.id, t.page])).toEqual([
      ['表 1-1', 8],
      ['表 1-2', 13],
      ['表 1-3', 13],
      ['表 1-4', 16],
      ['表 1-5', 19],
      ['表 1-6', 23],
      ['表 1-7', 29],
      ['表 1-8', 34],
      ['表 2-1', 51],
      ['表 6-1', 101],
    ]);
  });

  it('gives every chunk a page inside the report and a section', () => {
    const bad = report.chunks.filter((c) => !(c.pageStart >= 1 && c.pageEnd >= c.pageStart && c.pageEnd <= 110 && c.section.id !== ''));
    expect(bad.map((c) => c.id)).toEqual([]);
  });

  it('never cuts a chunk inside a figure', () => {
    const cuts = report.chunks.slice(1).filter((c, i) => {
      const previous = report.chunks[i];
      return previous && previous.section.id === c.section.id && /[\d.,]$/.test(previous.text) && /^[\d.,%]/.test(c.text);
    });
    expect(cuts.map((c) => c.id)).toEqual([]);
    const textChunks = report.chunks.filter((c) => c.kind === 'paragraph' || c.kind === 'case' || c.kind === 'metric_line');
    const midSentence = textChunks.filter((c, i) => {
      const next = textChunks[i + 1];
      return next && next.section.id === c.section.id && next.kind === c.kind && !/[。！？；!?;”」）)]$/.test(c.text);
    });
    expect(midSentence.map((c) => c.text.slice(-12))).toEqual([]);
  });

  it('keeps every table row whole, with caption and header, in one chunk', () => {
    const tableChunks = report.chunks.filter((c) => c.kind === 'table_rows');
    for (const table of report.tables) {
      for (const row of table.rows) {
        const line = row.join(' ');
        const holder = tableChunks.find((c) => c.section.id === table.id && c.text.split('\n').includes(line));
        expect(holder?.text.startsWith(`${table.id} ${table.title}\n${table.header.join(' ')}\n`), `${table.id}: ${line}`).toBe(true);
      }
    }
  });

  it('registers the semicolon-listed metrics with value, unit and page', () => {
    const entry = report.metrics.find((m) => m.name.includes('志愿者注册人数'));
    expect(entry && [entry.value, entry.unit, entry.page, entry.section.id]).toEqual(['10750', '人', 5, '1.1.2']);
  });
});
