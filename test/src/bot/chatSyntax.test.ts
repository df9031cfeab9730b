import { describe, expect, it } from 'vitest';
import { mentionsIn, neutralizeMentions, questionText } from '../../../src/bot/chatSyntax.js';

describe('questionText', () => {
  it('removes user, nickname, role and mass mentions and channel links around a question', () => {
    const storm = `${'<@123456789012345678> '.repeat(3)}@everyone @here 志愿者人数有多少？ <@&987654321098765432> <#55501>`;
    expect(questionText(storm)).toBe('志愿者人数有多少？');
  });

  it('removes the full-width ＠everyone too', () => {
    expect(questionText('＠everyone 你好')).toBe('你好');
  });

  it('leaves an e-mail address alone', () => {
    expect(questionText('联系 office@example.edu.cn 的是谁')).toBe('联系 office@example.edu.cn 的是谁');
  });
});

describe('mentionsIn', () => {
  it('lists every mention as written', () => {
    expect(mentionsIn('@everyone 落实率87% [1] @here <@123> <@!456> <@&789>')).toEqual(['@everyone', '@here', '<@123>', '<@!456>', '<@&789>']);
  });

  it('finds none in plain text', () => {
    expect(mentionsIn('  1. 落实率87% [1]\n  2. 志愿者10750人 [2]')).toEqual([]);
  });
});

describe('neutralizeMentions', () => {
  it('keeps the words but breaks each ping with a zero-width space after the @', () => {
    expect(neutralizeMentions('回复 @everyone 和 <@123> 以及 <@&9>')).toBe('回复 @\u200beveryone 和 <@\u200b123> 以及 <@\u200b&9>');
  });

  it('leaves channel links, which never ping, as they are', () => {
    expect(neutralizeMentions('见 <#55501>')).toBe('见 <#55501>');
  });
});
