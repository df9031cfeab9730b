import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerServiceHolder } from '../../../src/answer/answerServiceHolder.js';
import { runTerminalChat } from '../../../src/chat/terminalChat.js';
import { silentLogger } from '../../../src/log.js';
import { BUNDLED, buildFixture, type Fixture } from '../answer/reportFixture.js';

let fixture: Fixture;
let holder: AnswerServiceHolder;

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  holder = new AnswerServiceHolder(await fixture.service());
});
afterAll(() => fixture.cleanup());

/** Feeds the lines to a chat session as piped input and returns everything it printed. */
async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
  const done = runTerminalChat(holder, { input, output, logger: silentLogger, prompt: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('the terminal chat', () => {
  it('answers a plain question with the figure, its place and the sources', async () => {
    const printed = await session(['志愿者人数有多少？']);
    expect(printed).toContain('志愿者注册人数：10750人（1.1.2，第 5 页）');
    expect(printed).toContain('来源：');
  });

  it('words the lines around an English question in English', async () => {
    const printed = await session(['How many registered volunteers (志愿者注册人数) are there?']);
    expect(printed).toContain('志愿者注册人数: 10750人 (section 1.1.2, page 5)');
    expect(printed).toContain('\nSources:\n  [1] 2024 · 1.1.2 · p. 5  ');
    expect(printed).not.toContain('来源：');
  });

  it('looks a metric up with the same lookup and line as the CLI', async () => {
    const printed = await session(['/metric 志愿者人数']);
    expect(printed).toContain('志愿者注册人数：10750人（2024，1.1.2，第 5 页）');
  });

  it('says it is not sure and lists the closest metrics when no name covers the query', async () => {
    const printed = await session(['/metric 图书馆藏书册数']);
    expect(printed).toContain('报告中没有找到与“图书馆藏书册数”相关的指标。\n最接近的指标：');
  });

  it('finds a table by its id as /table does in Discord, with or without 表 and spaces', async () => {
    for (const id of ['表 6-1', '6-1', '表6-1']) {
      const printed = await session([`/table ${id}`]);
      expect(printed).toContain('表 6-1');
      expect(printed).toContain(' | 体育部 | ');
    }
  });

  it('lists the reports as an aligned table', async () => {
    expect(await session(['/reports'])).toMatch(/\nid\s+year\s+pages\s+tables\s+metrics\s+title\s+ingested\n湖南化工职业技术学院-2024-质量报告\s+2024\s+110\s+10\s/u);
  });

  it('carries the topic into an elliptical follow-up of the same session', async () => {
    const printed = await session(['志愿者注册人数是多少？', '那占在校生比例呢？']);
    expect(printed).toContain('63.93%');
  });
});
