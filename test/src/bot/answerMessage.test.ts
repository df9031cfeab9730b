import { describe, expect, it } from 'vitest';
import type { AskResult } from '../../../src/answer/types.js';
import { formatAllSources, formatAnswer } from '../../../src/bot/format/answerMessage.js';

const source = (i: number, text: string) => ({ report: 'r-2024', year: 2024, section: `1.${i}`, page: i, text, score: 1 });

function result(overrides: Partial<AskResult> = {}): AskResult {
  return {
    question: '志愿者人数有多少？',
    found: true,
    answer: '志愿者注册人数：10750人（1.1.2，第 5 页）',
    figures: [{ value: '10750', unit: '人', page: 5, section: '1.1.2' }],
    sources: [source(1, '志愿者注册人数 10750 人')],
    mode: 'offline',
    ms: 12.3,
    ...overrides,
  };
}

describe('formatAnswer', () => {
  it('puts the answer with bold figures in the description, figures with section and page in the first field', () => {
    const { parts, embed } = formatAnswer(result(), { showYear: false });
    expect(parts).toEqual([]);
    expect(embed.description).toBe('志愿者注册人数：**10750**人（1.1.2，第 5 页）');
    expect(embed.fields?.[0]).toEqual({ name: '数字与出处', value: '**10750**人 — 1.1.2 · 第 5 页' });
    expect(embed.fields?.[1]).toEqual({ name: '1. 1.1 · 第 1 页', value: '志愿者注册人数 10750 人' });
    expect(embed.footer?.text).toBe('原文摘录 · 12 ms');
  });

  it('shows a model reply that tries to ping with its mentions broken, in the answer and the question', () => {
    const { embed } = formatAnswer(result({ mode: 'llm', question: '<@1> 志愿者？', answer: '@everyone 志愿者注册人数10750人 [1]。@here <@123>' }), { showYear: false });
    expect(embed.description).toBe('@\u200beveryone 志愿者注册人数**10750**人 [1]。@\u200bhere <@\u200b123>');
    expect(embed.title).toBe('问：<@\u200b1> 志愿者？');
  });

  it('keeps five long sources within 1024 per field and 6000 per embed', () => {
    const long = '很长的段落。'.repeat(400);
    const { embed } = formatAnswer(result({ sources: [1, 2, 3, 4, 5, 6].map((i) => source(i, long)) }), { showYear: true });
    const fields = embed.fields ?? [];
    expect(fields).toHaveLength(6);
    expect(fields[1]?.name).toBe('1. 1.1 · 第 1 页 · 2024');
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
    const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(fields[1]?.value.endsWith('…')).toBe(true);
  });

  it('sends an answer longer than 2000 characters as split messages and says so in the embed', () => {
    const answer = Array.from({ length: 120 }, () => '志愿者注册人数为 10750 人。').join('\n');
    const { parts, embed } = formatAnswer(result({ answer }), { showYear: false });
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(embed.description).toBe('回答较长，已分 2 条消息发出（见上方）。');
  });

  it('escapes report markdown so a passage cannot format the message', () => {
    const { embed } = formatAnswer(result({ answer: '评分 **优** 与 ||隐藏||', figures: [] }), { showYear: false });
    expect(embed.description).toBe('评分 \\*\\*优\\*\\* 与 \\|\\|隐藏\\|\\|');
  });
});

describe('the words around an English answer', () => {
  const english = result({
    question: 'How many volunteers are registered?',
    answer: 'Registered volunteers: 10750 (section 1.1.2, page 5)',
  });

  it('are English: title, figure field, page references and footer', () => {
    const { embed } = formatAnswer(english, { showYear: false });
    expect(embed.title).toBe('Q: How many volunteers are registered?');
    expect(embed.fields?.[0]).toEqual({ name: 'Figures and sources', value: '**10750**人 — 1.1.2 · p. 5' });
    expect(embed.fields?.[1]?.name).toBe('1. 1.1 · p. 1');
    expect(embed.footer?.text).toBe('Report text · 12 ms');
  });

  it('are English in the full source list and when there are none', () => {
    expect(formatAllSources(english, { showYear: true })).toEqual(['**1. 1.1 · p. 1 · 2024** (r-2024)\n> 志愿者注册人数 10750 人']);
    expect(formatAllSources({ ...english, sources: [] }, { showYear: false })).toEqual(['This answer has no sources.']);
  });
});

describe('formatAllSources', () => {
  it('lists every source with its label and passage as a quote', () => {
    const parts = formatAllSources(result({ sources: [source(1, '第一段\n第二行'), source(2, '另一段')] }), { showYear: false });
    expect(parts).toEqual(['**1. 1.1 · 第 1 页**（r-2024）\n> 第一段\n> 第二行\n\n**2. 1.2 · 第 2 页**（r-2024）\n> 另一段']);
  });
});
