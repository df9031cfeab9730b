import { describe, expect, it } from 'vitest';
import { boldFigures, escapeMarkdown, splitMessage, stripMarkdown, truncate } from '../../../src/bot/format/markdown.js';

describe('boldFigures', () => {
  it('bolds each printed occurrence of a figure', () => {
    expect(boldFigures('志愿者注册人数 10750 人；共 10750 人', ['10750'])).toBe('志愿者注册人数 **10750** 人；共 **10750** 人');
  });

  it('leaves a value alone inside a longer number', () => {
    expect(boldFigures('2024 年就业率 95.82%，95%以上', ['95'])).toBe('2024 年就业率 95.82%，**95**%以上');
    expect(boldFigures('共 1950 人', ['95'])).toBe('共 1950 人');
  });

  it('prefers the longer of two overlapping figures', () => {
    expect(boldFigures('落实率 95.82%', ['95', '95.82'])).toBe('落实率 **95.82**%');
  });

  it('ignores figures without digits', () => {
    expect(boldFigures('无', [''])).toBe('无');
  });
});

describe('escapeMarkdown / stripMarkdown', () => {
  it('escapes characters that would format report text', () => {
    expect(escapeMarkdown('a*b_c~d`e||f\\')).toBe('a\\*b\\_c\\~d\\`e\\|\\|f\\\\');
  });

  it('round-trips through stripMarkdown, bold markers removed', () => {
    expect(stripMarkdown(boldFigures(escapeMarkdown('共 *10750* 人'), ['10750']))).toBe('共 *10750* 人');
  });
});

describe('splitMessage', () => {
  it('splits at line boundaries into parts of at most the limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `第 ${i} 行：志愿者注册人数 10750 人`).join('\n');
    const parts = splitMessage(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join('\n')).toBe(text);
  });

  it('cuts a line longer than a message at a clause boundary, never inside a bold span', () => {
    const line = `${'甲'.repeat(1990)}，**10750** 人${'乙'.repeat(100)}`;
    const parts = splitMessage(line, 2000);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect((part.match(/\*\*/gu) ?? []).length % 2).toBe(0);
    }
    expect(parts[0]?.endsWith('，')).toBe(true);
  });

  it('returns one part for a short message', () => {
    expect(splitMessage('短')).toEqual(['短']);
  });
});

describe('truncate', () => {
  it('ends in an ellipsis within the limit', () => {
    const out = truncate('一二三四五六七八九十', 5);
    expect(out).toBe('一二三四…');
  });

  it('does not leave half an escape or a dangling bold marker', () => {
    expect(truncate('abc\\*def', 5)).toBe('abc…');
    expect(truncate('ab **123** cd', 7)).toBe('ab…');
  });
});
