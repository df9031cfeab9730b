import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../../src/answer/answerService.js';
import { BUNDLED, buildFixture, writeDerivedReport, type Fixture } from './reportFixture.js';

let fixture: Fixture;
let service: AnswerService;

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  service = await fixture.service();
});
afterAll(() => fixture.cleanup());

describe('AnswerService on the bundled report: metric registry', () => {
  it('answers staff wording from the registry with the printed value, unit, section and page', async () => {
    const result = await service.ask('志愿者人数有多少？');
    expect([result.found, result.mode]).toEqual([true, 'offline']);
    expect(result.figures).toEqual([{ value: '10750', unit: '人', page: 5, section: '1.1.2' }]);
    expect(result.sources[0]).toMatchObject({ section: '1.1.2', page: 5, year: 2024 });
    expect(result.sources[0]?.text).toContain('志愿者注册人数 10750 人');
  });

  it('shows both figures, each with its source, when the report states a quantity twice differently', async () => {
    // (The same name printed with two figures: 20 余项 in the section, 21 项 in its case.)
    const result = await service.ask('举办了多少项社团特色赛事？');
    expect(result.figures.map((f) => [f.value, f.unit, f.section, f.page])).toEqual([
      ['20', '项', '1.1.3', 8],
      ['21', '项', '案例 1-5', 8],
    ]);
    expect(result.answer).toContain('20余项');
    expect(result.answer).toContain('21项');
  });

  it('prefers the section the question names', async () => {
    const result = await service.ask('前言里说的就业率是多少？');
    expect(result.figures[0]).toMatchObject({ value: '91', section: '前言' });
  });
});

describe('AnswerService: tables', () => {
  it('reads one cell by its row key and column header', async () => {
    const result = await service.ask('体育部巡课汇总是多少？');
    expect(result.figures).toEqual([{ value: '60', unit: '', page: 101, section: '表 6-1' }]);
    expect(result.answer).toContain('12 | 体育部 | 5 | 14 | 6 | 6 | 5 | 17 | 7 | 60');
  });

  it('adds up a column exactly and shows the computation', async () => {
    const result = await service.ask('表1-2七个专业群包含的专业数量加起来是多少？');
    expect(result.figures[0]?.value).toBe('30');
    expect(result.answer).toContain('5 + 5 + 4 + 5 + 4 + 4 + 3 = 30');
  });

  it('sums the rows the question selects', async () => {
    const result = await service.ask('全国大学生跆拳道锦标赛（国家级）我们一共拿了多少个奖？');
    expect(result.answer).toContain('1 + 1 + 3 + 3 = 8');
  });

  it('gives the page the answering row is printed on, not the page of the caption', async () => {
    const result = await service.ask('数字媒体技术专业归哪个二级学院？');
    expect(result.figures).toEqual([{ value: '现代信息工程学院', unit: '', page: 15, section: '表 1-3' }]);
  });

  it('does not read an arbitrary number column for a row the question names without a column', async () => {
    const result = await service.ask('2024年马克思主义学院有多少位老师实施了行走的思政课？');
    expect(result.figures[0]).toMatchObject({ value: '10', section: '案例 1-1' });
    expect(result.answer).not.toContain('表 6-1');
  });

  it('counts the rows a question selects when it asks how many', async () => {
    const result = await service.ask('表1-3里化学工程学院有几个专业？');
    expect(result.figures[0]?.value).toBe('6');
    expect(result.answer).toContain('符合的有 6 行');
  });

  it('counts a whole named table without taking its own caption words for a row key', async () => {
    const result = await service.ask('表2-1一共有几个产业学院？');
    expect(result.figures[0]).toMatchObject({ value: '8', section: '表 2-1' });
  });

  it('selects rows by a word inside a cell when the question names the table', async () => {
    const result = await service.ask('表1-1里国家级的比赛一共获得多少个奖项？');
    expect(result.answer).toContain('1 + 1 + 3 + 3 = 8');
  });

  it('keeps only the row that matches every key the question gives', async () => {
    const result = await service.ask('2024年湖南省田径锦标赛高职高专组拿了几个冠军？');
    expect(result.answer).toContain('2024 年湖南省田径锦标赛高职高专组 | 冠军 | 1');
    expect(result.figures.map((f) => f.value)).toEqual(['1']);
  });

  it('does not take a value many rows share for a question about another subject', async () => {
    const result = await service.ask('那些标志性成果里国家级的有多少项？');
    expect(result.figures[0]).toMatchObject({ value: '142', section: '前言' });
  });

  it('refuses a column the table does not have instead of reading a neighbour', async () => {
    const result = await service.ask('智慧教室巡课数据里第19周的巡课数是多少？');
    expect(result.found).toBe(false);
    expect(result.answer).toContain('19周');
  });

  it('refuses rows whose numbers the table skips', async () => {
    const result = await service.ask('表1-5教师技能竞赛获奖里序号21到27是哪些奖？');
    expect(result.found).toBe(false);
  });
});

describe('AnswerService: passages', () => {
  it('answers a narrative question with the sentence that carries the answer and its case label', async () => {
    const result = await service.ask('心理情景剧大赛一等奖是哪个作品？');
    expect(result.found).toBe(true);
    expect(result.answer).toContain('《微笑的面具》');
    expect(result.sources[0]?.section).toBe('案例 1-8');
  });

  it('adds the figures of the parts a question names and shows the sum', async () => {
    const result = await service.ask('在中部地区就业的毕业生里，第二和第三产业加起来有多少人？');
    expect(result.figures[0]?.value).toBe('2571');
    expect(result.answer).toContain('1632');
    expect(result.answer).toContain('939');
  });

  it('finds the Chinese term an English question quotes', async () => {
    const result = await service.ask('What was the graduate destination placement rate (毕业去向落实率)?');
    expect(result.found).toBe(true);
    expect(result.figures[0]).toMatchObject({ value: '95.82', unit: '%' });
    expect(result.answer).toContain('page 41');
  });
});

describe('AnswerService: abstention and bad input', () => {
  it('says the report does not say, and offers the closest passages', async () => {
    const result = await service.ask('图书馆藏书有多少册？');
    expect(result.found).toBe(false);
    expect(result.answer.startsWith('报告中没有找到这个问题的答案。')).toBe(true);
    expect(result.sources.length).toBeGreaterThan(0);
  });

  it('does not answer a near miss that shares words with another metric', async () => {
    const result = await service.ask('学校2024年的总收入是多少？');
    expect(result.found).toBe(false);
    expect(result.figures).toEqual([]);
  });

  it('does not answer for a year no report covers', async () => {
    const result = await service.ask('学校2025年的招生计划是多少人？');
    expect(result.found).toBe(false);
  });

  it('says no report covers a year only when no report prints it; a year the report prints is just not answered', async () => {
    const unprinted = await service.ask('学校2027年的招生计划是多少人？');
    expect([unprinted.found, unprinted.answer]).toEqual([false, '已导入的报告只有 2024 年度的，没有 2027 年的数据。']);
    // 2023 is printed (comparisons with the year before): the reply is the plain "not found", not "no such year".
    const printed = await service.ask('学校2023年的留学生宿舍有几间？');
    expect([printed.found, printed.answer.startsWith('报告中没有找到这个问题的答案')]).toEqual([false, true]);
  });

  it('refuses an over-long question in one sentence', async () => {
    const result = await service.ask('问'.repeat(10_000));
    expect([result.found, result.answer, result.sources]).toEqual([false, '问题太长（超过 500 字），请缩短后再问。', []]);
  });

  it('asks for a question when given only emoji or control characters', async () => {
    for (const question of ['', '😀😀😀', '\u0000\u0007\n']) {
      const result = await service.ask(question);
      expect([result.found, result.answer]).toEqual([false, '请输入一个关于报告的问题。']);
    }
  });

  it('reports how long the answer took inside the process', async () => {
    const result = await service.ask('订单班有多少个？');
    expect(result.ms).toBeGreaterThan(0);
    expect(Number.isFinite(result.ms)).toBe(true);
  });
});

describe('AnswerService with two years of reports', () => {
  let twoYears: Fixture;
  let both: AnswerService;
  beforeAll(async () => {
    twoYears = await buildFixture(async (dir) => [BUNDLED, await writeDerivedReport(dir, [['志愿者注册人数 10750 人', '志愿者注册人数 11000 人']])]);
    both = await twoYears.service();
  });
  afterAll(() => twoYears.cleanup());

  it('shows a metric for every year that has it, the latest first', async () => {
    const result = await both.ask('志愿者注册人数是多少？');
    expect(result.figures.map((f) => f.value)).toEqual(['11000', '10750']);
    expect(result.answer).toContain('2025：');
    expect(result.answer).toContain('2024：');
  });

  it('compares the years exactly when asked 同比', async () => {
    const result = await both.ask('志愿者注册人数同比增长了多少？');
    expect(result.answer).toContain('11000 − 10750 = +250人');
  });

  it('narrows to the year a question names', async () => {
    const result = await both.ask('2024年志愿者注册人数是多少？');
    expect(result.figures.map((f) => f.value)).toEqual(['10750']);
    expect(result.sources.every((s) => s.year === 2024)).toBe(true);
  });

  it('carries the topic of the previous question into an elliptical follow-up', async () => {
    const first = await both.ask('2025年志愿者注册人数是多少？');
    expect(first.figures.map((f) => f.value)).toEqual(['11000']);
    const followUp = await both.ask('那 2024 年呢？', { history: [{ question: first.question, answer: first.answer }] });
    expect(followUp.figures.map((f) => f.value)).toEqual(['10750']);
  });
});

describe('AnswerService: an English report', () => {
  let english: Fixture;
  let ask: AnswerService;
  beforeAll(async () => {
    english = await buildFixture(async (dir) => {
      const file = path.join(dir, 'zorblat-2031.txt');
      await writeFile(
        file,
        [
          'Zorblat Holdings Inc.',
          'Annual Report 2031',
          'Item 1. Business',
          'Zorblat Holdings operated 212 grocery stores at the end of fiscal 2031 across five states.',
          'Zorblat Holdings employs approximately 9,400 associates in fiscal 2031, most of them part time.',
          'In fiscal 2031 Zorblat Holdings granted 4,200,000 glimmer options to associates at an exercise price of $0.07.',
          'Item 7. Results of Operations',
          'Net sales of Zorblat Holdings rose in fiscal 2031 as comparable store sales grew in every state.',
          'Zorblat Holdings reported adjusted operating profit of 41.2 million for fiscal 2031, up from 38.9 million.',
          'Item 9A. Controls and Procedures',
          'Our glimmer assessor is registered in Kettering Vale and works to the standards of the assessors of Zorblat Holdings.',
          'The independent glimmer assessor of Zorblat Holdings, Quillfeather & Dunmore LLP, has reported on the accounts for fiscal 2031.',
        ].join('\n'),
      );
      return [file];
    });
    ask = await english.service();
  });
  afterAll(() => english.cleanup());

  it('answers a count from the passage that carries it ("operate" is no question for a rate)', async () => {
    const result = await ask.ask('How many grocery stores did Zorblat Holdings operate at the end of fiscal 2031?');
    expect([result.found, result.figures.map((f) => f.value)]).toEqual([true, ['212']]);
  });

  it('finds the passage that inflects the asked word otherwise ("employed" / "employs")', async () => {
    const result = await ask.ask('How many associates were employed by Zorblat Holdings in fiscal 2031?');
    expect([result.found, result.figures.map((f) => f.value)]).toEqual([true, ['9,400']]);
  });

  it('answers "which …" with the sentence that names someone beside the asked words', async () => {
    const result = await ask.ask('Which glimmer assessor reports on Zorblat Holdings?');
    expect([result.found, result.answer.split('\n')[0]?.includes('Quillfeather & Dunmore LLP')]).toEqual([true, true]);
  });

  it('answers "who" with the name beside the asked words, and refuses when no passage names one', async () => {
    const result = await ask.ask('Who is the glimmer assessor in charge at Zorblat Holdings?');
    expect(result.answer.split('\n')[0]).toContain('Quillfeather & Dunmore LLP');
    expect((await ask.ask('Who is the treasurer of Zorblat Holdings?')).found).toBe(false);
  });

  it('answers a count of associates with the figure that counts them, not options granted to them or a price', async () => {
    const result = await ask.ask('How many associates did Zorblat Holdings have in fiscal 2031?');
    expect(result.figures.map((f) => f.value)).toEqual(['9,400']);
  });
});
