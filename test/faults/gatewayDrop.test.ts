import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelAnswerPort } from '../../src/answer/answerService.js';
import { isCallback, isOriginalEdit, startBotHarness, type BotHarness } from '../fakes/botHarness.js';
import { messageBody, type RecordedDiscordRequest } from '../fakes/fakeDiscord.js';
import { BUNDLED, buildFixture, type Fixture } from '../src/answer/reportFixture.js';

/**
 * The fake Discord drops the bot's gateway connection — with a resumable close code, or as a bare
 * TCP cut — while a question is being answered or right after one. The real discord.js client must
 * reconnect (RESUME, or a fresh IDENTIFY when the session is gone), the question in flight must
 * still be answered (its reply goes over REST), and so must the next one.
 */

let fixture: Fixture;
let harness: BotHarness;
/** While set, the stand-in model holds every answer until it resolves: a question kept in flight. */
let gate: Promise<void> | null = null;
const reconnects: Array<{ drop: string; kind: string; ms: number }> = [];

const model: ModelAnswerPort = {
  async answer(_question, evidence) {
    if (gate) await gate;
    const own = evidence.at(-1);
    return own ? { kind: 'answer', text: own.text, cited: [own.n] } : { kind: 'not_found' };
  },
};

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  harness = await startBotHarness({ service: await fixture.service({ model }) });
});
afterAll(async () => {
  if (reconnects.length > 0) console.log(`gateway drops → ready again (fake clock):\n${reconnects.map((r) => `  ${r.drop.padEnd(28)} ${r.kind.padEnd(8)} ${r.ms.toFixed(0)} ms`).join('\n')}`);
  await harness?.close();
  await fixture?.cleanup();
});

const withEmbed = (r: RecordedDiscordRequest) => (messageBody(r).embeds?.length ?? 0) > 0;

function ask(question: string) {
  return harness.fake.slashCommand('ask', [{ name: 'question', type: 3, value: question }]);
}

async function answerOf(sent: ReturnType<typeof ask>): Promise<string> {
  const final = await sent.waitFor((r) => isOriginalEdit(r) && withEmbed(r), 10_000);
  return JSON.stringify(messageBody(final).embeds);
}

describe('gateway drops', () => {
  it('resumes after a 4000 close in the middle of a question, answers it, then answers the next one', async () => {
    const { fake } = harness;
    let release: () => void = () => {};
    gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight = ask('志愿者人数有多少？');
    await inFlight.waitFor(isCallback, 10_000);
    const resumesBefore = fake.resumes.length;

    const droppedAt = fake.dropGateway({ code: 4000 });
    const back = await fake.waitForReconnect(droppedAt, 10_000);
    reconnects.push({ drop: 'close 4000 during a question', kind: back.kind, ms: back.at - droppedAt });
    expect(back.kind).toBe('resume');
    expect(fake.resumes.slice(resumesBefore)).toEqual([expect.objectContaining({ resumed: true })]);
    expect(fake.sessions).toBe(1);

    release();
    gate = null;
    expect(await answerOf(inFlight)).toContain('10750');
    expect(await answerOf(ask('志愿者占在校生的比例是多少？'))).toContain('63.93');
  });

  it('resumes after a TCP cut right after a question and replays the question sent while it was down', async () => {
    const { fake } = harness;
    expect(await answerOf(ask('志愿者人数有多少？'))).toContain('10750');

    const droppedAt = fake.dropGateway('tcp');
    // Dispatched while the bot has no connection: the session keeps it and replays it on RESUME.
    const whileDown = ask('志愿者占在校生的比例是多少？');
    const back = await fake.waitForReconnect(droppedAt, 10_000);
    reconnects.push({ drop: 'TCP cut after a question', kind: back.kind, ms: back.at - droppedAt });
    expect(back.kind).toBe('resume');
    expect(fake.resumes.at(-1)).toMatchObject({ resumed: true, replayed: 1 });

    expect(await answerOf(whileDown)).toContain('63.93');
    expect(await answerOf(ask('志愿者人数有多少？'))).toContain('10750');
  });

  it('identifies afresh when the close code ends the session (4007), then answers the next question', async () => {
    const { fake } = harness;
    const identifiesBefore = fake.identifies.length;
    const droppedAt = fake.dropGateway({ code: 4007 });
    const back = await fake.waitForReconnect(droppedAt, 15_000);
    reconnects.push({ drop: 'close 4007 (invalid seq)', kind: back.kind, ms: back.at - droppedAt });
    expect(back.kind).toBe('identify');
    expect(fake.identifies.length).toBe(identifiesBefore + 1);
    expect(fake.sessions).toBe(1);
    expect(await answerOf(ask('志愿者人数有多少？'))).toContain('10750');
  });

  it('logged no error through all three drops', () => {
    expect(harness.logs.filter((line) => / error /.test(line))).toEqual([]);
    expect(reconnects).toHaveLength(3);
  });
});
