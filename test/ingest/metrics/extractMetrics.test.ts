import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../../../ingest/metrics/extractMetrics.js';
import type { MetricEntry } from '../../../src/store/shapes.js';
import { makeBlock, makeLines } from './makeBlock.js';

/** Name, value, unit and qualifier: what most behaviours are about. */
const figures = (entries: MetricEntry[]) => entries.map(({ name, value, unit, qualifier }) => ({ name, value, unit, qualifier }));
const read = (text: string, kind: 'paragraph' | 'metric_list' | 'case' = 'paragraph') => figures(extractMetrics([makeBlock(text, { kind })]));

describe('extractMetrics', () => {
  it('makes one entry per item when a metric list separates items with semicolons', () => {
    const text = '学校开设“四史”、宪法法律类课程数 12 门；年度开展实践教学人次 3021 次；成立了教材选用机构；志愿者占在校生比例 58.27%。';
    expect(read(text, 'metric_list')).toEqual([
      { name: '学校开设“四史”、宪法法律类课程数', value: '12', unit: '门', qualifier: '' },
      { name: '年度开展实践教学人次', value: '3021', unit: '次', qualifier: '' },
      { name: '志愿者占在校生比例', value: '58.27', unit: '%', qualifier: '' },
    ]);
  });

  it('keeps the currency an English figure is printed with, and none where none is printed', () => {
    const [loss, staff] = extractMetrics([makeBlock('The Group made a loss after tax of £0.9 million for the year. The mill employed 41 weavers.')]);
    expect([loss?.currency, loss?.value, loss?.unit]).toEqual(['£', '0.9', 'million']);
    expect(staff !== undefined && 'currency' in staff).toBe(false);
  });

  it('registers no figure a change started from ("from 32 cents to 34 cents"), only the one it came to', () => {
    const entries = extractMetrics([makeBlock('The board raised its spindle dividend from 32 cents per share to 34 cents per share in 2031.')]);
    expect(entries.map((e) => e.value)).toEqual(['34']);
  });

  it('reads a paragraph that is a semicolon list the same way as a metric_list block', () => {
    expect(read('立项省级精品课程数 21 门；与企业合作开发课程数 143 门。')).toEqual([
      { name: '立项省级精品课程数', value: '21', unit: '门', qualifier: '' },
      { name: '与企业合作开发课程数', value: '143', unit: '门', qualifier: '' },
    ]);
  });

  it('drops a leading year and keeps 超 as the qualifier when a headline states a rate', () => {
    expect(read('招生工作稳步推进。2023 年就业率超 88%，毕业生主要进入大型企业。')).toEqual([{ name: '就业率', value: '88', unit: '%', qualifier: '超' }]);
  });

  it('joins the words on both sides with … when the counted thing follows the figure', () => {
    expect(read('持续深化改革，学校投入近 3500 万元改造了实训楼，提升了条件。')).toEqual([
      { name: '学校投入…改造了实训楼', value: '3500', unit: '万元', qualifier: '近' },
    ]);
    expect(read('参与联盟建设共有 146 家单位。')).toEqual([{ name: '参与联盟建设共有…单位', value: '146', unit: '家', qualifier: '' }]);
  });

  it('names the figure by the words before it when nothing follows it in the clause', () => {
    expect(read('学校公开发表论文 982 篇，五年来新增国家专利授权 213 项。')).toEqual([
      { name: '学校公开发表论文', value: '982', unit: '篇', qualifier: '' },
      { name: '五年来新增国家专利授权', value: '213', unit: '项', qualifier: '' },
    ]);
  });

  it('reads 余 printed between the figure and its unit', () => {
    expect(read('举办社团特色赛事 15 余项。')).toEqual([{ name: '举办社团特色赛事', value: '15', unit: '项', qualifier: '余' }]);
  });

  it('reads 以上 printed after the unit and drops the verb that leads to the figure', () => {
    expect(read('学生满意度保持在 97%以上。')).toEqual([{ name: '学生满意度', value: '97', unit: '%', qualifier: '以上' }]);
  });

  it('keeps hedges on both sides of the figure, joined where the figure stands', () => {
    expect(read('全年社会培训人数达 2 万多人次。')).toEqual([{ name: '全年社会培训人数', value: '2', unit: '万人次', qualifier: '达…多' }]);
  });

  it('makes two entries when a clause and its follow-up state two figures of one activity', () => {
    expect(read('当年专任教师去企业一线工作 75 人，共 1880 天。')).toEqual([
      { name: '当年专任教师去企业一线工作', value: '75', unit: '人', qualifier: '' },
      { name: '当年专任教师去企业一线工作…共', value: '1880', unit: '天', qualifier: '' },
    ]);
  });

  it('lends the words before the first figure to the next one in the same clause', () => {
    expect(read('构建 1 个国家级、3 个省级培训资源库。')).toEqual([
      { name: '构建…国家级', value: '1', unit: '个', qualifier: '' },
      { name: '构建…省级培训资源库', value: '3', unit: '个', qualifier: '' },
    ]);
  });

  it('names the parts after 其中 under the figure they break down', () => {
    expect(read('学生获省级以上奖项 40 项，其中国家级 12 项。')).toEqual([
      { name: '学生获省级以上奖项', value: '40', unit: '项', qualifier: '' },
      { name: '学生获省级以上奖项…其中国家级', value: '12', unit: '项', qualifier: '' },
    ]);
  });

  it('names the parts listed after 包括 under the figure they break down', () => {
    expect(read('参与共同体建设共有 146 家单位，包括上下游企业 90 所、职业院校 41 所。').map((e) => e.name)).toEqual([
      '参与共同体建设共有…单位',
      '参与共同体建设共有…单位…包括上下游企业',
      '参与共同体建设共有…单位…包括职业院校',
    ]);
  });

  it('marks a total so it does not read as another count of the same thing', () => {
    expect(read('入选行业规划教材 6 本，共计 9 本。')).toEqual([
      { name: '入选行业规划教材', value: '6', unit: '本', qualifier: '' },
      { name: '入选行业规划教材…共计', value: '9', unit: '本', qualifier: '' },
    ]);
  });

  it('folds a figure describing the next figure’s noun into that name', () => {
    expect(read('到企业顶岗实践累计达 30 天的教师数 201 人；')).toEqual([
      { name: '到企业顶岗实践累计达30天的教师数', value: '201', unit: '人', qualifier: '' },
    ]);
  });

  it('skips years, dates and ordinals that count nothing', () => {
    expect(read('2023 年 11 月 20 日，学校召开第 15 次工作会议，3 位专家出席。').map((e) => e.value)).toEqual(['3']);
  });

  it('keeps a 第 N 位 ranking when words name it', () => {
    expect(read('学生学科竞赛排名全国高职院校第 31 位。')).toEqual([
      { name: '学生学科竞赛排名全国高职院校', value: '31', unit: '位', qualifier: '第' },
    ]);
  });

  it('skips outline numbers, table labels, codes and formulas', () => {
    expect(read('如表 2-3 所示，按 1.2.4 节“3+2”模式对接 4×4 产业体系，推广 3D 打印与 5G 应用。')).toEqual([]);
  });

  it('keeps a figure printed without a unit, with unit "", when its clause ends after it', () => {
    expect(read('当年毕业生就业起薪点 4870；毕业三年月平均收入 5900。', 'metric_list')).toEqual([
      { name: '当年毕业生就业起薪点', value: '4870', unit: '', qualifier: '' },
      { name: '毕业三年月平均收入', value: '5900', unit: '', qualifier: '' },
    ]);
  });

  it('keeps decimals and thousands separators exactly as printed and drops the copula', () => {
    expect(read('年生均财政拨款为 11,230.56 元；建设数字化资源的总容量 1638200GB。')).toEqual([
      { name: '年生均财政拨款', value: '11,230.56', unit: '元', qualifier: '' },
      { name: '建设数字化资源的总容量', value: '1638200', unit: 'GB', qualifier: '' },
    ]);
  });

  it('keeps the first of identical name, value and unit entries', () => {
    const entries = extractMetrics([
      makeBlock('志愿者注册人数 8650 人。', { section: '前言' }),
      makeBlock('志愿者注册人数 8650 人；志愿者占在校生比例 51.2%。', { section: '1.1.2', kind: 'metric_list' }),
    ]);
    expect(entries.map((e) => [e.name, e.section.id])).toEqual([
      ['志愿者注册人数', '前言'],
      ['志愿者占在校生比例', '1.1.2'],
    ]);
  });

  it('quotes the sentence or list item as printed as evidence and carries the block’s section', () => {
    const [entry] = extractMetrics([makeBlock('开展宣讲活动数 42 场；志愿者注册人数 8650 人。', { kind: 'metric_list', section: '4.2.3', page: 80 })]);
    expect(entry).toMatchObject({ evidence: '开展宣讲活动数 42 场', section: { id: '4.2.3' }, page: 80 });
  });

  it('cites the page of the printed line holding the figure when the lines are given', () => {
    const { lines, block } = makeLines([
      [24, '累计建设校内实训基地个数 16 个，其中包括'],
      [25, '1 个国家级生产性实训基地。'],
    ]);
    expect(extractMetrics([block], lines).map((e) => [e.value, e.page])).toEqual([
      ['16', 24],
      ['1', 25],
    ]);
    expect(extractMetrics([block]).map((e) => e.page)).toEqual([24, 24]);
  });

  it('reads case boxes but leaves table bodies and captions to their own stages', () => {
    const entries = extractMetrics([
      makeBlock('学校 2024 届毕业生进入 500 强企业就业的人数共有 713 人。', { kind: 'case', section: '案例 1-25' }),
      makeBlock('序号 项目 数量 1 国家级基地 3', { kind: 'table_body' }),
      makeBlock('图 1-3 学生参加 12 项比赛', { kind: 'figure_caption' }),
    ]);
    expect(figures(entries)).toEqual([{ name: '学校2024届毕业生进入500强企业就业的人数共有', value: '713', unit: '人', qualifier: '' }]);
  });

  it('drops enumerators and connectives that open a clause', () => {
    expect(read('二是配优 12 名教师指导社团；并开发 8 个线上服务应用。')).toEqual([
      { name: '配优…教师指导社团', value: '12', unit: '名', qualifier: '' },
      { name: '开发…线上服务应用', value: '8', unit: '个', qualifier: '' },
    ]);
  });
});
