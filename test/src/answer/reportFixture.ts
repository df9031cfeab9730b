import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LocalHashEmbeddings } from '../../../src/embed/localHashEmbeddings.js';
import { extractDocument } from '../../../ingest/extract/extractDocument.js';
import { ingestReports } from '../../../ingest/ingestReports.js';
import { AnswerService, type ModelAnswerPort } from '../../../src/answer/answerService.js';
import { loadReportIndex } from '../../../src/store/loadReportIndex.js';
import { silentLogger } from '../../../src/log.js';
import { createTokenizer } from '../../../src/text/tokenize.js';
import { makeReportPdf, type PdfBlock } from '../../fixtures/pdfs.js';

export const BUNDLED = path.resolve('data/reports/hnhgzy-2024-quality-report.pdf');

/**
 * Next year's report, derived from the bundled one: the same text as pages of a text export, with
 * the year in the running title moved on and a few figures changed, so year lists and comparisons
 * have something to compare.
 */
export async function writeDerivedReport(dir: string, changes: Array<[string, string]>): Promise<string> {
  const extracted = await extractDocument(BUNDLED, { maxBytes: 100 * 1024 * 1024 });
  let text = extracted.pages.map((p) => p.lines.map((line) => line.text).join('\n')).join('\f');
  text = text.replaceAll('（2024年度）', '（2025年度）');
  for (const [from, to] of changes) text = text.replace(from, to);
  const file = path.join(dir, 'derived-2025.txt');
  await writeFile(file, text);
  return file;
}

export interface Fixture {
  dir: string;
  tokenizer: ReturnType<typeof createTokenizer>;
  embedder: LocalHashEmbeddings;
  service(options?: { model?: ModelAnswerPort }): Promise<AnswerService>;
  cleanup(): Promise<void>;
}

/** An index in a temp folder built from the given report files. */
export async function buildFixture(files: (dir: string) => Promise<string[]>): Promise<Fixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'answer-'));
  const tokenizer = createTokenizer();
  const embedder = new LocalHashEmbeddings(tokenizer);
  const indexDir = path.join(dir, 'index');
  await ingestReports(await files(dir), { indexDir }, { tokenizer, embedder, logger: silentLogger, maxBytes: 100 * 1024 * 1024 });
  const index = await loadReportIndex(indexDir, embedder.id);
  if (!index) throw new Error('fixture index did not build');
  return {
    dir,
    tokenizer,
    embedder,
    service: async (options = {}) => new AnswerService({ index, tokenizer, embedder, logger: silentLogger, model: options.model ?? null, vectorWeight: 0.1 }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** An index in a temp folder built from one report PDF made in the test, saved under `fileName`. */
export function buildPdfFixture(fileName: string, pdf: () => Promise<Buffer>): Promise<Fixture> {
  return buildFixture(async (dir) => {
    const file = path.join(dir, fileName);
    await writeFile(file, await pdf());
    return [file];
  });
}

/**
 * The answer service over one plain report PDF made in the test (no running header or footer, 10 pt
 * body), built before the file's tests and removed after them. Call at the top level of a test file;
 * the getter gives the service once built.
 */
export function plainReportService(fileName: string, pages: PdfBlock[][]): () => AnswerService {
  let fixture: Fixture | undefined;
  let service: AnswerService | undefined;
  beforeAll(async () => {
    fixture = await buildPdfFixture(fileName, () => makeReportPdf({ header: null, footer: null, fontSize: 10, pages }));
    service = await fixture.service();
  }, 60_000);
  afterAll(() => fixture?.cleanup());
  return () => {
    if (!service) throw new Error(`the ${fileName} fixture did not build`);
    return service;
  };
}

/**
 * Pages of ordinary prose about a few markets, one per topic, that give a made report's words their
 * usual weights: the words every page repeats ("the Board", "every year", "the end of the season")
 * weigh little, as they do in a real report. `saying` is the first line of each page's paragraph.
 */
export function marketPages(topics: readonly string[], saying = (topic: string) => `Our ${topic} are sold to weavers across the region, and the Board reviews`): PdfBlock[][] {
  return topics.map((topic) => [
    { line: `Markets: ${topic}`, size: 14 },
    saying(topic.toLowerCase()),
    `the range of ${topic.toLowerCase()} every year at the end of the season.`,
  ]);
}

/**
 * A page of an invented Chinese statement: its title line over a ruled table of items and two years'
 * columns, the item column wide enough for a long label on one line.
 */
export function zhStatementPage(title: string, rows: string[][], years: readonly [string, string] = ['2031 年度', '2030 年度']): PdfBlock[] {
  return [{ line: title, size: 12 }, { table: { header: ['项目', ...years], rows, columnWidths: [250, 100, 100] } }];
}
