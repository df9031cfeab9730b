import { describe, expect, it } from 'vitest';
import { stripMentions } from '../../../../src/answer/model/stripMentions.js';

describe('stripMentions', () => {
  it('removes @everyone, @here, user, nickname and role mentions and reports them', () => {
    expect(stripMentions('@everyone 落实率87% [1] @here <@123> <@!456> <@&789>')).toEqual({
      text: '落实率87% [1]',
      removed: ['@everyone', '@here', '<@123>', '<@!456>', '<@&789>'],
    });
  });

  it('removes the full-width ＠everyone too', () => {
    expect(stripMentions('＠everyone 你好').text).toBe('你好');
  });

  it('returns the text untouched when it holds no mention', () => {
    const text = '  1. 落实率87% [1]\n  2. 志愿者10750人 [2]';
    expect(stripMentions(text)).toEqual({ text, removed: [] });
  });

  it('leaves an e-mail address alone', () => {
    expect(stripMentions('联系 office@example.edu.cn').removed).toEqual([]);
  });
});
