import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOCOMPLETE_CHOICES_MAX } from '../../src/bot/discordLimits.js';
import { messageBody, type RecordedDiscordRequest } from '../fakes/fakeDiscord.js';
import { callbackType, isCallback, isOriginalEdit, printTimings, startBotHarness, timing, type BotHarness, type Timing } from '../fakes/botHarness.js';
import { BUNDLED, buildFixture, writeDerivedReport, type Fixture } from '../src/answer/reportFixture.js';

let fixture: Fixture;
let harness: BotHarness;
const timings: Timing[] = [];

beforeAll(async () => {
  // Two years: the bundled 2024 report and a derived 2025 one with the volunteer count changed.
  fixture = await buildFixture(async (dir) => [BUNDLED, await writeDerivedReport(dir, [['志愿者注册人数 10750 人', '志愿者注册人数 11230 人']])]);
  harness = await startBotHarness({ service: await fixture.service() });
});
afterAll(async () => {
  printTimings('/metric', timings);
  await harness?.close();
  await fixture?.cleanup();
});

interface Embed {
  title: string;
  description: string;
  fields: Array<{ name: string; value: string; inline?: boolean }>;
}

const embedOf = (r: RecordedDiscordRequest) => messageBody(r).embeds?.[0] as unknown as Embed;
const field = (embed: Embed, name: string) => embed.fields.find((f) => f.name === name)?.value;

describe('/metric', () => {
  it('gives the value exactly as printed, unit, qualifier, every year that has it and the source', async () => {
    const sent = harness.fake.slashCommand('metric', [{ name: 'name', type: 3, value: '志愿者注册人数' }]);
    const final = await sent.waitFor((r) => isOriginalEdit(r) && (messageBody(r).embeds?.length ?? 0) > 0);
    expect(callbackType(sent.requests()[0] as RecordedDiscordRequest)).toBe(5);
    const embed = embedOf(final);
    expect(embed.title).toBe('志愿者注册人数');
    expect(embed.description).toBe('2025 年报告原文：**11230**人');
    expect(field(embed, '数值')).toBe('**11230**');
    expect(field(embed, '单位')).toBe('人');
    expect(field(embed, '限定词')).toBe('—');
    expect(field(embed, '各年度')).toBe('2025 年：**11230**人 — 1.1.2 · 第 5 页\n2024 年：**10750**人 — 1.1.2 · 第 5 页');
    expect(field(embed, '出处')).toContain('1.1.2 · 第 5 页');
    expect(field(embed, '出处')).toContain('志愿者注册人数 11230 人');
    timings.push(timing('/metric', sent, final));
  });

  it('keeps the qualifier the report prints', async () => {
    const sent = harness.fake.slashCommand('metric', [{ name: 'name', type: 3, value: '就业率' }]);
    const embed = embedOf(await sent.waitFor((r) => isOriginalEdit(r) && (messageBody(r).embeds?.length ?? 0) > 0));
    expect(field(embed, '数值')).toBe('**91**');
    expect(field(embed, '限定词')).toBe('超');
    expect(embed.description).toContain('超**91**%');
  });

  it('says so when no registry name covers the query, instead of showing an unrelated one', async () => {
    const sent = harness.fake.slashCommand('metric', [{ name: 'name', type: 3, value: '图书馆藏书册数' }]);
    const embed = embedOf(await sent.waitFor((r) => isOriginalEdit(r) && (messageBody(r).embeds?.length ?? 0) > 0));
    expect(embed.title).toBe('图书馆藏书册数');
    expect(embed.description).toBe('指标库中没有找到这个指标。可以换个说法，或用 /ask 直接提问。');
    // The closest entries are offered as such, not as the answer.
    expect((embed.fields ?? []).map((f) => f.name)).toEqual(['最接近的指标']);
  });
});

describe('/metric autocomplete', () => {
  it('offers registry names for what is typed, at most 25', async () => {
    const sent = harness.fake.autocomplete('metric', [{ name: 'name', type: 3, value: '志愿', focused: true }]);
    const result = await sent.waitFor(isCallback);
    expect(callbackType(result)).toBe(8);
    const choices = ((result.json as { data: { choices: Array<{ name: string; value: string }> } }).data.choices);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(AUTOCOMPLETE_CHOICES_MAX);
    expect(choices[0]).toEqual({ name: '志愿者注册人数：11230人（2025）', value: '志愿者注册人数' });
    expect(choices.map((c) => c.value)).toContain('志愿者占在校生比例');
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    timings.push(timing('/metric autocomplete', sent, result));
  });

  it('offers 25 names before anything is typed', async () => {
    const sent = harness.fake.autocomplete('metric', [{ name: 'name', type: 3, value: '', focused: true }]);
    const result = await sent.waitFor(isCallback);
    expect((result.json as { data: { choices: unknown[] } }).data.choices).toHaveLength(25);
  });
});
