import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/answerService.js';
import { messageBody, type RecordedDiscordRequest } from '../fakes/fakeDiscord.js';
import { callbackType, isCallback, isOriginalEdit, printTimings, startBotHarness, timing, type BotHarness, type Timing } from '../fakes/botHarness.js';
import { renderTablePngs } from '../../src/render/renderTablePng.js';
import { inkShare, pngHeader as pngSize } from '../fixtures/png.js';
import { BUNDLED, buildFixture, type Fixture } from '../src/answer/reportFixture.js';

let fixture: Fixture;
let service: AnswerService;
let harness: BotHarness;
const timings: Timing[] = [];

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  service = await fixture.service();
  harness = await startBotHarness({ service });
});
afterAll(async () => {
  printTimings('/table', timings);
  await harness?.close();
  await fixture?.cleanup();
});

const reportId = () => service.index.reports[0]?.meta.id ?? '';

describe('/table', () => {
  it('sends the table as a PNG in a CJK font plus a CSV fallback', async () => {
    const sent = harness.fake.slashCommand('table', [{ name: 'id', type: 3, value: `表 1-1|${reportId()}` }]);
    const final = await sent.waitFor((r) => isOriginalEdit(r) && r.files.length > 0, 20_000);
    expect(callbackType(sent.requests()[0] as RecordedDiscordRequest)).toBe(5);
    expect(messageBody(final).content).toBe('**表 1-1 学生参加省级以上体育比赛竞赛成绩列表**（2024 年报告，第 8 页，12 行）');
    expect(final.files.map((f) => f.name)).toEqual(['table-1-1.png', 'table-1-1.csv']);
    const [png, csv] = final.files;
    const size = pngSize(png?.data ?? Buffer.alloc(0));
    // Wide enough for the columns, within the renderer's 1600 px cap; 12 rows plus caption make it taller than a line.
    expect(size.width).toBeGreaterThan(600);
    expect(size.width).toBeLessThanOrEqual(1600);
    expect(size.height).toBeGreaterThan(300);
    expect(png?.size ?? 0).toBeGreaterThan(10_000);
    const table = service.lookup.tables.find((t) => t.table.id === '表 1-1')?.table;
    if (!table) throw new Error('fixture has no 表 1-1');
    // The image the bot sent is the renderer's own image of this table, unchanged.
    const [direct] = await renderTablePngs(table, { sourceLine: '湖南化工职业技术学院高等职业教育质量报告（2024年度） · 2024 · 第 8 页' });
    expect(size).toEqual(pngSize(direct ?? Buffer.alloc(0)));
    // Grid lines and CJK text: clearly some ink, far from a filled rectangle.
    const ink = await inkShare(png?.data ?? Buffer.alloc(0));
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.4);
    const text = csv?.data.toString('utf8') ?? '';
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`\ufeff${table?.header.join(',')}`);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + (table?.rows.length ?? 0));
    timings.push(timing('/table', sent, final));
  });

  it('finds a table from a typed id without the autocomplete value and shows its page range', async () => {
    const sent = harness.fake.slashCommand('table', [{ name: 'id', type: 3, value: '表1-3' }]);
    const final = await sent.waitFor((r) => isOriginalEdit(r) && r.files.length > 0, 20_000);
    expect(messageBody(final).content).toBe('**表 1-3 专业代码及专业名称**（2024 年报告，第 13–15 页，36 行）');
  });

  it('says so for a table the report does not have', async () => {
    const sent = harness.fake.slashCommand('table', [{ name: 'id', type: 3, value: '表 99-9' }]);
    const final = await sent.waitFor(isOriginalEdit);
    expect(messageBody(final).content).toBe('没有找到表格“表 99-9”。输入表号时可从下拉列表中选择。');
    expect(final.files).toEqual([]);
  });
});

describe('/table autocomplete', () => {
  it('offers table ids and captions matching what is typed', async () => {
    const sent = harness.fake.autocomplete('table', [{ name: 'id', type: 3, value: '1-', focused: true }]);
    const result = await sent.waitFor(isCallback);
    expect(callbackType(result)).toBe(8);
    const choices = (result.json as { data: { choices: Array<{ name: string; value: string }> } }).data.choices;
    expect(choices.slice(0, 2)).toEqual([
      { name: '表 1-1 学生参加省级以上体育比赛竞赛成绩列表', value: `表 1-1|${reportId()}` },
      { name: '表 1-2 专业群及对接区域产业', value: `表 1-2|${reportId()}` },
    ]);
    expect(choices.every((c) => c.name.startsWith('表 1-'))).toBe(true);
    timings.push(timing('/table autocomplete', sent, result));
  });

  it('matches captions too', async () => {
    const sent = harness.fake.autocomplete('table', [{ name: 'id', type: 3, value: '巡课', focused: true }]);
    const choices = ((await sent.waitFor(isCallback)).json as { data: { choices: Array<{ name: string }> } }).data.choices;
    expect(choices.map((c) => c.name)).toEqual([expect.stringMatching(/^表 6-1 .*巡课/u)]);
  });
});
