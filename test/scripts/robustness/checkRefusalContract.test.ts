import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRefusalContract, type ContractCheck } from '../../../scripts/robustness/checkRefusalContract.js';
import { makeReportPdf } from '../../fixtures/pdfs.js';

let work: string;
let checks: ContractCheck[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'robustness-contract-test-'));
  const report = await makeReportPdf({ pages: [['前 言', '学校共有在校生 12000 人，专任教师 600 人。']] });
  // A text report is the cheapest file the CLI accepts.
  await writeFile(path.join(work, 'accepted.md'), '# 另一份报告（2031年度）\n\n学校共有专任教师 600 人。\n');
  await writeFile(path.join(work, 'cut.pdf'), report.subarray(0, 3000));
  checks = await checkRefusalContract([path.join(work, 'accepted.md'), path.join(work, 'cut.pdf')]);
}, 90_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('checkRefusalContract', () => {
  it('passes a refused file that prints two plain lines (file and reason, then that nothing changed) and leaves the index byte-identical', () => {
    const cut = checks[1];

    expect([cut?.exitCode, cut?.stderr, cut?.problems]).toEqual([
      1,
      `${path.join(work, 'cut.pdf')}: the PDF is damaged and cannot be read (InvalidPDFException: Invalid PDF structure.)\nNothing was ingested: the index is unchanged.`,
      [],
    ]);
  });

  it('flags a file the CLI accepts, and the index it changed', () => {
    const problems = checks[0]?.problems ?? [];

    expect(problems[0]).toBe('exit code 0: the file was accepted');
    expect(problems.filter((problem) => problem.startsWith('index changed: '))).toHaveLength(1);
  });
});
