import { describe, expect, it } from 'vitest';
import type { AskResult as AskLine } from '../../../src/answer/types.js';
import type { MetricMatchLine as MetricMatch, TableLine } from '../../../src/cli/contract.js';
import type { GoldMetric, GoldQuestion, GoldTable } from '../../../scripts/eval/schemas.js';
import {
  compactForMatch,
  containsFigure,
  evidenceRule,
  findEvidence,
  longestCommonSubstring,
  matchesGold,
  metricValueMatches,
  percentile,
  runCoverage,
  scoreAsk,
  scoreChunks,
  scoreMetric,
  scoreMetricChunks,
  scoreTable,
  snippet,
  summarizeMetrics,
  summarizeQa,
  summarizeTables,
} from '../../../scripts/eval/score.js';

function gold(overrides: Partial<GoldQuestion> = {}): GoldQuestion {
  return {
    id: 'q1',
    lang: 'zh',
    question: '志愿者注册人数是多少？',
    answer: '10750',
    answer_variants: ['10750人'],
    kind: 'metric_list',
    section: '1.1.2',
    evidence: '志愿者注册人数 10750 人；志愿者占在校生比例',
    ...overrides,
  };
}

function ask(overrides: Partial<AskLine> = {}): AskLine {
  return {
    question: '志愿者注册人数是多少？',
    found: true,
    answer: '志愿者注册人数 10,750 人（1.1.2，第 6 页）。',
    figures: [],
    sources: [{ report: 'r', year: 2024, section: '1.1.2', page: 6, text: '思想政治工作精品项目数 1项；志愿者注册人数 10750 人；志愿者占在校生比例\n63.93%。', score: 1 }],
    mode: 'offline',
    ms: 12,
    ...overrides,
  };
}

const source = (text: string) => ({ report: 'r', year: 2024, section: 's', page: 1, text, score: 0.5 });

function match(value: string, unit: string, qualifier = ''): MetricMatch {
  return { name: 'n', value, unit, qualifier, report: 'r', year: 2024, section: 's', page: 1, evidence: '' };
}

function goldMetric(value: string, unit: string, qualifier = ''): GoldMetric {
  return { id: 'm1', query: '志愿者人数', canonical: '志愿者注册人数', value, unit, qualifier, evidence: '' };
}

describe('compactForMatch', () => {
  it('drops spaces, newlines and thousands separators and applies NFKC when comparing', () => {
    expect(compactForMatch('1,749,720 GB\n共 １２ 个，合计')).toBe('1749720gb共12个,合计');
  });

  it('keeps a comma that is not a thousands separator when the digits after it are not three', () => {
    expect(compactForMatch('1,5 和 12,3456')).toBe('1,5和12,3456');
  });
});

describe('containsFigure', () => {
  it('finds "10750" in "10,750 人" when the reply prints a thousands separator', () => {
    expect(containsFigure('10,750 人', '10750')).toBe(true);
  });

  it('finds the variant "超91%" in "超 91%" when the reply puts a space after the qualifier', () => {
    expect(containsFigure('就业率超 91%。', '超91%')).toBe(true);
  });

  it('finds a gold with separators in a reply without them', () => {
    expect(containsFigure('总容量 1749720GB', '1,749,720GB')).toBe(true);
  });

  it('finds half-width gold digits in full-width reply digits', () => {
    expect(containsFigure('共１０７５０人', '10750')).toBe(true);
  });

  it('rejects gold "11" when the reply only has it inside 110 or 2011', () => {
    expect(containsFigure('共 110 门，2011 年起', '11')).toBe(false);
  });

  it('accepts gold "11" when a later occurrence stands alone', () => {
    expect(containsFigure('2011 年起开设 11 门', '11')).toBe(true);
  });

  it('rejects gold "95" when the reply has 95.82%', () => {
    expect(containsFigure('落实率 95.82%', '95')).toBe(false);
  });

  it('rejects gold "0.43%" when the reply has 10.43%', () => {
    expect(containsFigure('比例 10.43%', '0.43%')).toBe(false);
  });

  it('matches English variants whatever their case', () => {
    expect(containsFigure('It signed with HAAGA-HELIA University of Applied Sciences.', 'Haaga-Helia University of Applied Sciences')).toBe(true);
  });
});

describe('matchesGold', () => {
  it('accepts a reply that holds only one of the answer_variants', () => {
    expect(matchesGold('近600名学员', { answer: '近 600', answer_variants: ['近600名', '600'] })).toBe(true);
  });

  it('accepts nothing when the gold answer is null', () => {
    expect(matchesGold('报告没有提到', { answer: null, answer_variants: [] })).toBe(false);
  });
});

describe('scoreAsk', () => {
  it('counts an answerable question right when found and the answer text holds the gold', () => {
    expect(scoreAsk(gold(), ask()).correct).toBe(true);
  });

  it('counts an answerable question wrong when it comes back found:false even with the figure in the text', () => {
    const outcome = scoreAsk(gold(), ask({ found: false }));
    expect([outcome.correct, outcome.correctWithFigures]).toEqual([false, false]);
  });

  it('counts an unanswerable question right when it comes back found:false', () => {
    expect(scoreAsk(gold({ answer: null, answer_variants: [], evidence: '' }), ask({ found: false, answer: '报告中没有这一数据。' })).correct).toBe(true);
  });

  it('counts an unanswerable question wrong when it comes back found:true', () => {
    expect(scoreAsk(gold({ answer: null, answer_variants: [], evidence: '' }), ask()).correct).toBe(false);
  });

  it('credits the figures only in the secondary score when the answer text lacks the gold', () => {
    const line = ask({ answer: '见下表。', figures: [{ value: '10750', unit: '人', page: 6, section: '1.1.2' }] });
    const outcome = scoreAsk(gold(), line);
    expect([outcome.correct, outcome.correctWithFigures]).toEqual([false, true]);
  });

  it('credits strictly only the gold in the first line or a figure', () => {
    const first = scoreAsk(gold(), ask({ answer: '志愿者注册人数 10750 人（1.1.2，第 5 页）\n> 原文…', figures: [] }));
    const later = scoreAsk(gold(), ask({ answer: '志愿者工作成效显著。\n> 志愿者注册人数 10750 人', figures: [] }));
    const figure = scoreAsk(gold(), ask({ answer: '见下表。\n> …', figures: [{ value: '10750', unit: '人', page: 6, section: '1.1.2' }] }));
    expect([first.correctStrict, later.correctStrict, later.correct, figure.correctStrict]).toEqual([true, false, true, true]);
  });

  it('does not fuse two bare figure values into the gold when neither is it', () => {
    const line = ask({ answer: '见下表。', figures: [{ value: '1', unit: '', page: 1, section: 's' }, { value: '1', unit: '', page: 1, section: 's' }] });
    expect(scoreAsk(gold({ answer: '11', answer_variants: [] }), line).correctWithFigures).toBe(false);
  });

  it('marks recall n/a when an unanswerable question has no evidence', () => {
    expect(scoreAsk(gold({ answer: null, answer_variants: [], evidence: '' }), ask({ found: false })).evidence).toBe('n/a');
  });

  it('keeps the first 60 characters of the reply and flags found:false in the snippet', () => {
    const outcome = scoreAsk(gold(), ask({ found: false, answer: '没'.repeat(70) }));
    expect(outcome.snippet).toBe(`[found:false] ${'没'.repeat(60)}…`);
  });
});

describe('snippet', () => {
  it('flattens line breaks to spaces when the reply spans lines', () => {
    expect(snippet('第一行\n第二行')).toBe('第一行 第二行');
  });
});

describe('evidenceRule', () => {
  it('finds evidence that spans a line break inside a source that joined the wrap', () => {
    expect(evidenceRule('志愿者占在校生比例\n63.93%。', '志愿者注册人数 10750 人；志愿者占在校生比例 63.93%。')).toBe('source_contains_evidence');
  });

  it('ignores table cell separators when a source prints a row as "a | b | c"', () => {
    expect(evidenceRule('28\n现代信息\n工程学院\n电子与信息大类-计算机类 510204\n数字媒体技术', '28 | 现代信息工程学院 | 电子与信息大类-计算机类 | 510204 | 数字媒体技术（2024 年新增）')).toBe(
      'source_contains_evidence',
    );
  });

  it('ignores punctuation when a source joins wrapped names with "、"', () => {
    expect(evidenceRule('5\n数控编程\n与加工技术（第三版）\n董建国\n肖爱武\n北京理工大学\n出版社', '5 | 数控编程与加工技术（第三版） | 董建国、肖爱武 | 北京理工大学出版社')).toBe('source_contains_evidence');
  });

  it('accepts a source of at least 8 characters that lies inside a longer evidence', () => {
    expect(evidenceRule('冠军 1\n2024 年全国大学生跆拳道锦标赛（国家级） 亚军 1', '2024 年全国大学生跆拳道锦标赛（国家级） 亚军 1')).toBe('evidence_contains_source');
  });

  it('rejects a source under 8 characters even when the evidence contains it', () => {
    expect(evidenceRule('年度开展思政实践教学人次 6404 次', '6404 次')).toBeNull();
  });

  it('accepts a source that shares a run of 60% of the evidence characters', () => {
    // evidence 10 chars, common run "一二三四五六" = 6 chars = 60%.
    expect(evidenceRule('一二三四五六七八九十', '零零一二三四五六甲乙丙丁')).toBe('overlap');
  });

  it('accepts a source that matches both halves of evidence split by a stray page footer', () => {
    const evidence = '参加“湖湘”文化专题活动学生数 19656 人；建设\n高等职业教育质量报告（2024 年度）\n第 82 页\n“湖湘”文化品牌活动数 1个；参加“湖湘”文化产品研发数 1个';
    const clean = '参加“湖湘”文化专题活动学生数 19656 人；建设“湖湘”文化品牌活动数 1个；参加“湖湘”文化产品研发数 1个；';
    expect(evidenceRule(evidence, clean)).toBe('overlap');
  });

  it('rejects a source that shares a run of only 50% of the evidence characters', () => {
    expect(evidenceRule('一二三四五六七八九十', '零零一二三四五甲乙丙丁')).toBeNull();
  });
});

describe('runCoverage', () => {
  it('counts the characters inside common runs of at least the minimum length', () => {
    // a = 8 matching + 4 foreign + 8 matching chars: 16 of 20 covered.
    expect(runCoverage('一二三四五六七八甲乙丙丁九十百千万亿兆京', '一二三四五六七八 / 九十百千万亿兆京', 8)).toBe(0.8);
  });

  it('ignores common runs shorter than the minimum', () => {
    expect(runCoverage('一二三四五六七甲乙丙', '一二三四五六七', 8)).toBe(0);
  });
});

describe('findEvidence', () => {
  const evidence = '志愿者注册人数 10750 人';
  const others = ['甲', '乙', '丙', '丁', '戊'].map((c) => `${c}${c}${c}无关的段落`);

  it('reports the rank of the first source that holds the evidence', () => {
    expect(findEvidence(evidence, [others[0]!, others[1]!, '……志愿者注册人数10750人；……'])).toEqual({ rank: 3, rule: 'source_contains_evidence' });
  });

  it('misses evidence that only the sixth source holds when k is 5', () => {
    expect(findEvidence(evidence, [...others, '志愿者注册人数 10750 人'])).toBeNull();
  });
});

describe('longestCommonSubstring', () => {
  it('measures the longest shared run when the strings share several', () => {
    expect(longestCommonSubstring('abcdefxyz', 'zzcdezxyzw')).toBe(3);
  });

  it('returns 0 when one string is empty', () => {
    expect(longestCommonSubstring('', 'abc')).toBe(0);
  });
});

describe('percentile', () => {
  it('gives 19 as p95 of 1..20 by nearest rank', () => {
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19);
  });

  it('gives 95 as p95 of 1..100 when the values arrive shuffled', () => {
    const values = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    expect(percentile(values, 95)).toBe(95);
  });

  it('gives the middle value as p50 of three unsorted values', () => {
    expect(percentile([30, 10, 20], 50)).toBe(20);
  });

  it('gives the largest value as p95 when there are fewer than 20 values', () => {
    expect(percentile([5, 1, 9, 3], 95)).toBe(9);
  });

  it('returns null when there are no values', () => {
    expect(percentile([], 50)).toBeNull();
  });
});

describe('metricValueMatches', () => {
  it('matches values that differ only in thousands separators and spaces', () => {
    expect(metricValueMatches(match('10,750', '人'), goldMetric('10750', '人'))).toBe(true);
  });

  it('matches a value that prints its unit inside when the unit field repeats it', () => {
    expect(metricValueMatches(match('84.28%', '%'), goldMetric('84.28', '%'))).toBe(true);
  });

  it('matches a value that prints its unit inside when the unit field is empty', () => {
    expect(metricValueMatches(match('84.28%', ''), goldMetric('84.28', '%'))).toBe(true);
  });

  it('rejects a truncated value', () => {
    expect(metricValueMatches(match('84.2', '%'), goldMetric('84.28', '%'))).toBe(false);
  });
});

describe('scoreMetric', () => {
  it('counts top-3 but not top-1 when the right value is second', () => {
    const outcome = scoreMetric(goldMetric('10750', '人'), [match('63.93', '%'), match('10750', '人'), match('1', '项')]);
    expect([outcome.top1, outcome.top3]).toEqual([false, true]);
  });

  it('counts neither when the right value is fourth', () => {
    const outcome = scoreMetric(goldMetric('10750', '人'), [match('1', ''), match('2', ''), match('3', ''), match('10750', '人')]);
    expect([outcome.top1, outcome.top3]).toEqual([false, false]);
  });

  it('reports a unit miss when the top-1 value is right and the unit is not', () => {
    const outcome = scoreMetric(goldMetric('28356', '人次'), [match('28356', '人')]);
    expect([outcome.top1, outcome.top1Unit]).toEqual([true, false]);
  });

  it('reports the qualifier when the top-1 value and qualifier both match', () => {
    expect(scoreMetric(goldMetric('91', '%', '超'), [match('91', '%', '超')]).top1Qualifier).toBe(true);
  });

  it('scores nothing when there are no matches', () => {
    const outcome = scoreMetric(goldMetric('1', ''), []);
    expect([outcome.top1, outcome.top3, outcome.snippet]).toEqual([false, false, '[no match]']);
  });
});

describe('scoreChunks (naive baseline)', () => {
  it('credits the baseline when the gold is inside its third chunk', () => {
    expect(scoreChunks(gold(), ['无关', '也无关', '……志愿者注册人数 10750 人……'], 0.1).correct).toBe(true);
  });

  it('counts every unanswerable question wrong because the baseline cannot abstain', () => {
    const outcome = scoreChunks(gold({ answer: null, answer_variants: [], evidence: '' }), ['任何段落'], 0.1);
    expect([outcome.correct, outcome.found]).toEqual([false, true]);
  });

  it('scores a metric by the gold value inside chunk 1 for top-1 and chunks 1–3 for top-3', () => {
    const outcome = scoreMetricChunks(goldMetric('10750', '人'), ['无关', '志愿者注册人数 10750 人']);
    expect([outcome.top1, outcome.top3, outcome.top1Unit]).toEqual([false, true, null]);
  });
});

describe('scoreTable', () => {
  const goldTable: GoldTable = {
    id: '表 1-1',
    title: 't',
    header: ['赛事名称（级别）', '获奖等级', '获奖数量'],
    rows: [
      ['2024 年全国大学生跆拳道锦标赛（国家级）', '冠军', '1'],
      ['2024 年全国大学生跆拳道锦标赛（国家级）', '亚军', '1'],
      ['2024 年湖南省田径锦标赛高职高专组', '亚军', '2'],
    ],
  };
  const ours = (rows: string[][], id = '表1-1'): TableLine => ({ id, title: 't', report: 'r', year: 2024, page: 8, header: ['赛事名称（级别）', '获奖等级', '获奖数量'], rows, source_note: null });

  it('matches rows cell for cell when only spaces differ and the id is spaced differently', () => {
    const outcome = scoreTable(goldTable, [
      ours([
        ['2024年全国大学生跆拳道锦标赛（国家级）', '冠军', '1'],
        ['2024 年全国大学生跆拳道锦标赛（国家级）', '亚军', '1'],
        ['2024 年湖南省田径锦标赛高职高专组', '亚军', '2'],
      ]),
    ]);
    expect(outcome).toEqual({ id: '表 1-1', found: true, headerMatch: true, goldRows: 3, matchedRows: 3, extraRows: 0 });
  });

  it('does not match a row with one wrong cell and counts it as extra', () => {
    const outcome = scoreTable(goldTable, [ours([['2024 年全国大学生跆拳道锦标赛（国家级）', '冠军', '1'], ['2024 年湖南省田径锦标赛高职高专组', '亚军', '3']])]);
    expect([outcome.matchedRows, outcome.extraRows]).toEqual([1, 1]);
  });

  it('uses each of our rows once when the gold repeats a row', () => {
    const repeated: GoldTable = { ...goldTable, rows: [['a', 'b', '1'], ['a', 'b', '1']] };
    expect(scoreTable(repeated, [ours([['a', 'b', '1']], '表 1-1')]).matchedRows).toBe(1);
  });

  it('reports the table missing when no table has its id', () => {
    expect(scoreTable(goldTable, [ours([], '表 2-1')]).found).toBe(false);
  });
});

describe('summaries', () => {
  const outcomes = [
    scoreAsk(gold({ id: 'a', kind: 'metric_list', lang: 'zh' }), ask()),
    scoreAsk(gold({ id: 'b', kind: 'metric_list', lang: 'en' }), ask({ found: false, ms: 40 })),
    scoreAsk(gold({ id: 'c', kind: 'table_cell', lang: 'zh', answer: '3', answer_variants: [] }), ask({ answer: '季军 4 个', sources: [source('无关')], ms: 20 })),
    scoreAsk(gold({ id: 'd', kind: 'unanswerable', lang: 'zh', answer: null, answer_variants: [], evidence: '' }), ask({ found: false, ms: 30 })),
  ];
  const summary = summarizeQa(outcomes);

  it('counts answerable right answers and abstentions together in "all"', () => {
    expect(summary.all).toEqual({ hits: 2, n: 4, rate: 0.5 });
  });

  it('splits accuracy by kind and by language', () => {
    expect([summary.byKind.metric_list?.rate, summary.byKind.table_cell?.rate, summary.byLang.en?.rate, summary.byLang.zh?.hits]).toEqual([0.5, 0, 0, 2]);
  });

  it('measures abstention on unanswerable questions and false abstention on answerable ones', () => {
    expect([summary.abstention, summary.falseAbstention]).toEqual([
      { hits: 1, n: 1, rate: 1 },
      { hits: 1, n: 3, rate: 1 / 3 },
    ]);
  });

  it('measures recall@5 over answerable questions only', () => {
    expect(summary.recallAt5).toEqual({ hits: 2, n: 3, rate: 2 / 3 });
  });

  it('takes latency percentiles from the reported ms', () => {
    expect(summary.latencyMs).toEqual({ p50: 20, p95: 40 });
  });

  it('leaves unit rates out when the side has no units (the baseline)', () => {
    const metrics = summarizeMetrics([scoreMetricChunks(goldMetric('1', ''), ['1'])]);
    expect([metrics.top1.rate, metrics.top1WithUnit]).toEqual([1, null]);
  });

  it('adds table rows across tables', () => {
    const tables = summarizeTables([
      { id: 'a', found: true, headerMatch: true, goldRows: 10, matchedRows: 9, extraRows: 1 },
      { id: 'b', found: false, headerMatch: false, goldRows: 5, matchedRows: 0, extraRows: 0 },
    ]);
    expect([tables.rows, tables.tables.hits]).toEqual([{ hits: 9, n: 15, rate: 0.6 }, 1]);
  });
});
