import { describe, expect, it } from 'vitest';
import { pageButtonId, parseCustomId, sourcesButtonId } from '../../../src/bot/answerButtons.js';

describe('button custom ids', () => {
  it('carries report id and page for 原文 when they fit in 100 characters', () => {
    const id = pageButtonId('湖南化工职业技术学院高等职业教育质量报告-2024', 5, 'abcd1234');
    expect(id).toBe('page:5:湖南化工职业技术学院高等职业教育质量报告-2024');
    expect(parseCustomId(id)).toEqual({ kind: 'page', page: 5, reportId: '湖南化工职业技术学院高等职业教育质量报告-2024', key: null });
  });

  it('falls back to the cache key when the report id is too long', () => {
    const id = pageButtonId('x'.repeat(120), 12, 'abcd1234');
    expect(id).toBe('page:12:#abcd1234');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(id)).toEqual({ kind: 'page', page: 12, reportId: null, key: 'abcd1234' });
  });

  it('keeps report ids that contain a colon whole', () => {
    expect(parseCustomId(pageButtonId('a:b', 3, 'k'))).toEqual({ kind: 'page', page: 3, reportId: 'a:b', key: null });
  });

  it('parses 更多来源 and rejects anything else', () => {
    expect(parseCustomId(sourcesButtonId('abcd1234'))).toEqual({ kind: 'sources', key: 'abcd1234' });
    expect(parseCustomId('page:0:r')).toBeNull();
    expect(parseCustomId('page:x:r')).toBeNull();
    expect(parseCustomId('other:1')).toBeNull();
  });
});
