import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../src/bot/reingestFlow.js';
import type { IngestOutcome } from '../../../src/store/shapes.js';

const outcome: IngestOutcome = {
  file: '/tmp/x/scan.pdf',
  reportId: '青岚学院-2031-质量报告',
  year: 2031,
  title: '青岚学院质量报告（2031年度）',
  status: 'added',
  pages: 12,
  tables: 2,
  metrics: 30,
  chunks: 40,
  seconds: 31.5,
};

describe('the re-ingest summary', () => {
  it('says how many pages OCR read and which it skipped, and why, in Chinese', () => {
    const text = summaryText('scan.pdf', [{ ...outcome, ocrPages: 9, skippedPages: [{ page: 4, reason: 'time limit' }, { page: 11, reason: 'page budget' }, { page: 12, reason: 'page budget' }] }]);

    expect(text.split('\n')[1]).toBe(
      '**青岚学院质量报告（2031年度）**（2031 年度，ID `青岚学院-2031-质量报告`）：已新增；12 页，2 个表格，30 项指标。其中 9 页为扫描页，已用 OCR 识别；第 4 页未识别（识别超时）；第 11、12 页未识别（超出 OCR 页数上限）。',
    );
  });

  it('says nothing of OCR for a report with a text layer throughout', () => {
    expect(summaryText('report.pdf', [outcome]).split('\n')[1]).toBe('**青岚学院质量报告（2031年度）**（2031 年度，ID `青岚学院-2031-质量报告`）：已新增；12 页，2 个表格，30 项指标。');
  });
});
