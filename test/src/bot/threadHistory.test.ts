import { describe, expect, it } from 'vitest';
import { questionText } from '../../../src/bot/chatSyntax.js';
import { HISTORY_TURNS, pairTurns } from '../../../src/bot/threadHistory.js';

const BOT = '100';
const user = (content: string) => ({ author: { id: '200', bot: false }, content, embeds: [] });
const bot = (description: string, content = '') => ({ author: { id: BOT, bot: true }, content, embeds: [{ description }] });
type Msg = Parameters<typeof pairTurns>[0][number];

describe('pairTurns', () => {
  it('pairs each question with the bot answer after it, oldest first, as plain text', () => {
    const turns = pairTurns([user('<@100> 就业率是多少？'), bot('就业率：超**91**%'), user('前言里说的呢？'), bot('超**91**%（前言）')] as unknown as Msg[], BOT);
    expect(turns).toEqual([
      { question: '就业率是多少？', answer: '就业率：超91%' },
      { question: '前言里说的呢？', answer: '超91%（前言）' },
    ]);
  });

  it('joins a long answer sent as several messages and skips the "see above" note', () => {
    const turns = pairTurns([user('问'), bot('', '第一部分'), bot('', '第二部分'), bot('回答较长，已分 2 条消息发出（见上方）。')] as unknown as Msg[], BOT);
    expect(turns).toEqual([{ question: '问', answer: '第一部分\n第二部分' }]);
  });

  it('drops a question the bot has not answered yet and keeps only the last turns', () => {
    const messages = Array.from({ length: 10 }, (_, i) => [user(`问${i}`), bot(`答${i}`)]).flat();
    const turns = pairTurns([...messages, user('未答')] as unknown as Msg[], BOT);
    expect(turns).toHaveLength(HISTORY_TURNS);
    expect(turns.at(-1)).toEqual({ question: '问9', answer: '答9' });
  });
});

describe('questionText', () => {
  it('removes mentions and extra spaces', () => {
    expect(questionText('<@123>  志愿者人数 <@!456> 有多少？')).toBe('志愿者人数 有多少？');
  });
});
