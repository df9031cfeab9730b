import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseReport } from '../../../ingest/ingestReports.js';
import type { ParsedTable } from '../../../src/store/shapes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REPORT_PDF = path.join(root, 'data/reports/hnhgzy-2024-quality-report.pdf');
const REPORT_TEXT = path.join(root, 'test/fixtures/reports/hnhgzy-2024-quality-report.pdftext.txt');
const GOLD = path.join(root, 'eval/dev/tables.dev.jsonl');

interface GoldTable {
  id: string;
  header: string[];
  rows: string[][];
}

/** Tables of a report file as the ingest builds them. */
async function tablesOf(file: string): Promise<ParsedTable[]> {
  return (await analyseReport(file, { maxBytes: 100 * 1024 * 1024 })).tables;
}

/** Rows of `reference` that `candidate` holds too (spaces aside), over all tables of the same id. */
function sameRows(reference: ParsedTable[], candidate: ParsedTable[]): number {
  let same = 0;
  for (const table of reference) {
    const other = candidate.find((t) => t.id === table.id);
    same += table.rows.filter((row) => other?.rows.some((r) => spaceless(r) === spaceless(row))).length;
  }
  return same;
}

/** Gold rows found cell for cell at their place in the table of the same id, with the misses spelled out. */
function goldMatch(tables: ParsedTable[], gold: GoldTable[]) {
  let matched = 0;
  let total = 0;
  const misses: string[] = [];
  for (const want of gold) {
    const table = tables.find((t) => t.id === want.id);
    want.rows.forEach((row, i) => {
      total += 1;
      const got = table?.rows[i];
      if (JSON.stringify(got) === JSON.stringify(row)) matched += 1;
      else misses.push(`${want.id} row ${i + 1}: got ${JSON.stringify(got)}, want ${JSON.stringify(row)}`);
    });
  }
  return { matched, total, report: `${matched}/${total}\n${misses.join('\n')}` };
}

const spaceless = (row: string[] | undefined) => JSON.stringify(row?.map((cell) => cell.replace(/\s+/gu, '')));

let gold: GoldTable[];
let fromPdf: ParsedTable[];
let fromText: ParsedTable[];

beforeAll(async () => {
  gold = readFileSync(GOLD, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldTable);
  [fromPdf, fromText] = await Promise.all([tablesOf(REPORT_PDF), tablesOf(REPORT_TEXT)]);
});

describe('tables of the bundled 2024 report', () => {
  it('yields the ten captioned tables from the PDF layout with their pages, sizes and source notes', () => {
    expect(fromPdf.map((t) => [t.id, t.pages, t.header.length, t.rows.length, t.sourceNote?.replace(/^数据来源：湖南化工职业技术学院/u, '')])).toEqual([
      ['表 1-1', [8], 3, 12, '体育部'],
      ['表 1-2', [13], 4, 7, '教务处'],
      ['表 1-3', [13, 14, 15], 5, 36, '教务处'],
      ['表 1-4', [16], 4, 3, '教务处'],
      // The report's own numbering of 表 1-5 jumps from 20 to 28: 33 rows numbered 1–40.
      ['表 1-5', [19, 20, 21], 5, 33, '教务处'],
      ['表 1-6', [23, 24], 5, 26, '教务处'],
      ['表 1-7', [29], 4, 6, '教务处'],
      // Page 37 holds the repeated header and the one last row, 70.
      ['表 1-8', [34, 35, 36, 37], 5, 70, '教务处'],
      ['表 2-1', [51], 3, 8, '校企合作处'],
      ['表 6-1', [101], 10, 12, '督导处'],
    ]);
  });

  it('matches every gold header and row cell for cell when the tables come from the PDF layout', () => {
    for (const want of gold) expect(fromPdf.find((t) => t.id === want.id)?.header).toEqual(want.header);
    const score = goldMatch(fromPdf, gold);
    expect(score.matched, score.report).toBe(56);
    expect(score.total).toBe(56);
  });

  it('keeps the answerable cells of 表 6-1 when a question asks for one week of one department', () => {
    const table = fromPdf.find((t) => t.id === '表 6-1');
    const week = table?.header.indexOf('14 周') ?? -1;
    expect(table?.rows.find((row) => row[1] === '督导处')?.[week]).toBe('53');
  });

  it('matches all 56 gold rows when the tables are rebuilt from the flattened text export', () => {
    for (const want of gold) expect(fromText.find((t) => t.id === want.id)?.header).toEqual(want.header);
    const score = goldMatch(fromText, gold);
    expect(score.matched, score.report).toBeGreaterThanOrEqual(56);
  });

  it('rebuilds the same ten tables from the text export, most rows identical to the PDF layout but for spacing', () => {
    expect(fromText.map((t) => t.id)).toEqual(fromPdf.map((t) => t.id));
    for (const table of fromPdf) expect(fromText.find((t) => t.id === table.id)?.header, table.id).toEqual(table.header);
    // Of 213 rows; the rest lost a "、" at a line end in the text layer or are cut ambiguously.
    expect(sameRows(fromPdf, fromText)).toBeGreaterThanOrEqual(184);
  });

});
