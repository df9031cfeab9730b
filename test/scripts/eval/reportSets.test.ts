import { describe, expect, it } from 'vitest';
import { ReportQuestionSchema, scoreReportQuestion, summarizeReportSet, type ReportQuestion } from '../../../scripts/eval/reportSets.js';
import { strictReply } from '../../../scripts/eval/score.js';

/** Scoring of the real-report sets: strict (first line or figures) beside loose (anywhere), on invented answers. */
function question(overrides: Partial<ReportQuestion> = {}): ReportQuestion {
  return ReportQuestionSchema.parse({ id: 'r1', doc: 'reports/x.pdf', question: 'What was revenue in 2031?', answer: '4,695,881', answer_variants: [], kind: 'financial_table', ...overrides });
}

const reply = (answer: string, figures: Array<{ value: string; unit: string }> = [], found = true) => ({
  answer,
  found,
  figures: figures.map((f) => ({ ...f, section: '', page: 1 })),
});

describe('real-report set scoring', () => {
  it('credits the gold in the first line, or in a figure, strictly', () => {
    expect(scoreReportQuestion(question(), reply('Revenue 2031: 4,695,881 (thousands), p. 12\nSource: …'))).toMatchObject({ strict: true, loose: true });
    expect(scoreReportQuestion(question(), reply('Revenue rose.', [{ value: '4695881', unit: '' }]))).toMatchObject({ strict: true, loose: true });
  });

  it('credits the gold further down the reply only loosely, and nothing when not found', () => {
    expect(scoreReportQuestion(question(), reply('Revenue rose in 2031.\nThe statement shows 4,695,881.'))).toMatchObject({ strict: false, loose: true });
    expect(scoreReportQuestion(question(), reply('4,695,881', [], false))).toMatchObject({ strict: false, loose: false });
    expect(scoreReportQuestion(question(), reply('Revenue 14,695,881'))).toMatchObject({ strict: false, loose: false });
  });

  it('credits an unanswerable question only when refused', () => {
    const none = question({ answer: '' });
    expect(scoreReportQuestion(none, reply('The report does not say.', [], false))).toMatchObject({ answerable: false, strict: true, loose: true });
    expect(scoreReportQuestion(none, reply('Revenue 12', [], true))).toMatchObject({ strict: false, loose: false });
  });

  it('reads the first non-empty line and the figures as the strict reply', () => {
    expect(strictReply({ answer: '\n营业收入 925,158,518.22 元\n第二行', figures: [{ value: '1.5', unit: '%', section: '', page: 3 }] })).toBe('营业收入 925,158,518.22 元|1.5%');
  });

  it('sums a set: answerable strict and loose, unanswerable refused', () => {
    const outcomes = [
      scoreReportQuestion(question({ id: 'a' }), reply('4,695,881')),
      scoreReportQuestion(question({ id: 'b' }), reply('x\n4,695,881')),
      scoreReportQuestion(question({ id: 'c', answer: '' }), reply('no', [], false)),
    ];
    const summary = summarizeReportSet({ name: 'en', file: 'f.jsonl', split: 'validation' }, 1, outcomes, []);
    expect([summary.answerableStrict, summary.answerableLoose, summary.refused]).toEqual([
      { hits: 1, n: 2, rate: 0.5 },
      { hits: 2, n: 2, rate: 1 },
      { hits: 1, n: 1, rate: 1 },
    ]);
  });
});
