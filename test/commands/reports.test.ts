import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageBody, type RecordedDiscordRequest } from '../fakes/fakeDiscord.js';
import { callbackType, isOriginalEdit, printTimings, startBotHarness, timing, type BotHarness, type Timing } from '../fakes/botHarness.js';
import { BUNDLED, buildFixture, writeDerivedReport, type Fixture } from '../src/answer/reportFixture.js';

let fixture: Fixture;
let harness: BotHarness;
const timings: Timing[] = [];

beforeAll(async () => {
  fixture = await buildFixture(async (dir) => [BUNDLED, await writeDerivedReport(dir, [])]);
  harness = await startBotHarness({ service: await fixture.service() });
});
afterAll(async () => {
  printTimings('/reports', timings);
  await harness?.close();
  await fixture?.cleanup();
});

describe('/reports', () => {
  it('lists every ingested report with id, year, pages, tables, metrics and when it was ingested', async () => {
    const sent = harness.fake.slashCommand('reports');
    const final = await sent.waitFor(isOriginalEdit);
    expect(callbackType(sent.requests()[0] as RecordedDiscordRequest)).toBe(5);
    const embed = messageBody(final).embeds?.[0] as { title: string; description: string; fields: Array<{ name: string; value: string }> };
    expect(embed.title).toBe('已导入的报告');
    expect(embed.description).toBe('共 2 份。');
    const reports = harness.holder.current().index.manifest.reports;
    const y2024 = reports.find((r) => r.year === 2024);
    expect(embed.fields.map((f) => f.name)).toEqual(['2025 · 湖南化工职业技术学院高等职业教育质量报告（2025年度）', '2024 · 湖南化工职业技术学院高等职业教育质量报告（2024年度）']);
    const second = embed.fields[1]?.value ?? '';
    expect(second).toContain(`ID：\`${y2024?.id}\``);
    expect(second).toContain('年度：2024 · 页数：110');
    expect(second).toContain(`表格：${y2024?.counts.tables} · 指标：${y2024?.counts.metrics}`);
    expect(second).toContain(`导入时间：<t:${Math.floor(Date.parse(y2024?.ingestedAt ?? '') / 1000)}:f>`);
    timings.push(timing('/reports', sent, final));
  });
});
