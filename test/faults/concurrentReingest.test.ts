import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService, ModelAnswerPort } from '../../src/answer/answerService.js';
import { AnswerServiceHolder } from '../../src/answer/answerServiceHolder.js';
import type { AskResult } from '../../src/answer/types.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { ReingestService } from '../../src/runtime/reingestService.js';
import { loadAnswerService, type Runtime } from '../../src/runtime/runtime.js';
import { BUNDLED, buildFixture, writeDerivedReport, type Fixture } from '../src/answer/reportFixture.js';

/**
 * 50 questions through the AnswerServiceHolder while ReingestService ingests next year's report (one
 * figure changed): none fails, and each answer — figures, sources, text — is exactly what the old
 * index or exactly what the new index answers, never a mix, including questions that start before
 * the swap and finish after it. Questions after the swap see the new report.
 */

const TOTAL = 50;
/** Asked the moment the swap is seen, while questions asked before it are still in flight. */
const AFTER_SWAP = 12;
const TRICKLE_MAX = 10;
const BURST = 10;
const VOLUNTEERS = '志愿者人数有多少？';
const QUESTIONS = [VOLUNTEERS, '志愿者占在校生的比例是多少？', '毕业去向落实率是多少？'];

let fixture: Fixture;
let indexDir: string;
let derived: string;
let runtime: Runtime;

/** True once the holder has swapped; questions asked just before the swap are held in the "model" until then. */
let swapped: Promise<void> = Promise.resolve();
let holdUntilSwap = false;

/**
 * Stands in for the model so that questions stay in flight for a while (and, near the end of the
 * ingest, across the swap). It answers with the evidence the service gave it, so its text comes from
 * the same index as the figures and sources.
 */
const slowModel: ModelAnswerPort = {
  async answer(_question, evidence) {
    if (holdUntilSwap) await swapped.then(() => new Promise((resolve) => setTimeout(resolve, 10)));
    else await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 180));
    const own = evidence.at(-1);
    return own ? { kind: 'answer', text: own.text, cited: [own.n] } : { kind: 'not_found' };
  },
};

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  indexDir = path.join(fixture.dir, 'index');
  derived = await writeDerivedReport(fixture.dir, [['志愿者注册人数 10750 人', '志愿者注册人数 11000 人']]);
  runtime = { config: loadConfig({ INDEX_DIR: indexDir }), logger: silentLogger, tokenizer: fixture.tokenizer, embedder: fixture.embedder, model: slowModel };
});
afterAll(async () => {
  await fixture?.cleanup();
});

/** Everything but the timing. */
function comparable(result: AskResult): string {
  const { ms: _ms, ...rest } = result;
  return JSON.stringify(rest);
}

async function answersOf(service: AnswerService): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const q of QUESTIONS) out.set(q, comparable(await service.ask(q)));
  return out;
}

interface Asked {
  question: string;
  startedAt: number;
  endedAt: number;
  versionAtStart: number;
  versionAtEnd: number;
  result?: AskResult;
  error?: unknown;
}

function maxInFlight(asked: readonly Asked[]): number {
  const events = asked.flatMap((a) => [{ at: a.startedAt, d: 1 }, { at: a.endedAt, d: -1 }]).sort((x, y) => x.at - y.at || x.d - y.d);
  let now = 0;
  let most = 0;
  for (const e of events) {
    now += e.d;
    most = Math.max(most, now);
  }
  return most;
}

describe('questions during a re-ingest', () => {
  it('answers 50 concurrent questions with 0 errors, each wholly from the old or the new index', async () => {
    const holder = new AnswerServiceHolder(await loadAnswerService(runtime, indexDir));
    const reingest = new ReingestService(runtime, indexDir, holder);
    const expectedOld = await answersOf(holder.current());
    const versionBefore = holder.version;

    const asks: Array<Promise<Asked>> = [];
    const ask = (upTo: number) => {
      while (asks.length < Math.min(upTo, TOTAL)) {
        const question = QUESTIONS[asks.length % QUESTIONS.length] ?? VOLUNTEERS;
        const versionAtStart = holder.version;
        const startedAt = performance.now();
        // As the bot does: the service current when the question arrives answers it to the end.
        const service = holder.current();
        const done = (outcome: { result: AskResult } | { error: unknown }): Asked => ({ question, versionAtStart, versionAtEnd: holder.version, startedAt, endedAt: performance.now(), ...outcome });
        asks.push(
          service.ask(question).then(
            (result) => done({ result }),
            (error: unknown) => done({ error }),
          ),
        );
      }
    };
    // Before the swap: a trickle while the report is read and analysed, a burst at every progress
    // step, and the last burst ("loading the new index") held in flight until after the swap. The
    // moment the swap shows, the rest are asked while those are still in flight.
    const beforeSwap = TOTAL - AFTER_SWAP;
    let markSwapped: () => void = () => {};
    swapped = new Promise<void>((resolve) => (markSwapped = resolve));
    const watch = setInterval(() => {
      if (holder.version === versionBefore) return;
      clearInterval(watch);
      ask(TOTAL);
      markSwapped();
    }, 1);
    const trickle = setInterval(() => ask(Math.min(asks.length + 1, TRICKLE_MAX)), 25);
    const outcomes = await reingest.ingest(derived, (message) => {
      if (message === 'loading the new index') {
        holdUntilSwap = true;
        ask(beforeSwap);
      } else ask(Math.min(asks.length + BURST, beforeSwap - BURST));
    });
    clearInterval(trickle);
    await swapped;
    const answered = await Promise.all(asks);
    holdUntilSwap = false;

    expect(outcomes.map((o) => o.status)).toEqual(['added']);
    expect(holder.version).toBe(versionBefore + 1);
    const expectedNew = await answersOf(await loadAnswerService(runtime, indexDir));
    expect(expectedNew.get(VOLUNTEERS)).not.toBe(expectedOld.get(VOLUNTEERS));
    expect(expectedNew.get(VOLUNTEERS)).toContain('11000');

    const errors = answered.filter((a) => a.error !== undefined);
    expect(errors).toEqual([]);
    const verdicts = answered.map((a) => {
      const got = a.result ? comparable(a.result) : '';
      return got === expectedOld.get(a.question) ? 'old' : got === expectedNew.get(a.question) ? 'new' : 'mixed';
    });
    expect(verdicts.filter((v) => v === 'mixed')).toEqual([]);
    // A question that started before the swap is answered by the old index to the end.
    answered.forEach((a, i) => {
      if (a.versionAtStart === versionBefore) expect(verdicts[i]).toBe('old');
    });
    const straddled = answered.filter((a) => a.versionAtStart === versionBefore && a.versionAtEnd !== versionBefore).length;
    expect(straddled).toBeGreaterThanOrEqual(TOTAL - AFTER_SWAP - BURST * 2 - TRICKLE_MAX);
    expect(answered).toHaveLength(TOTAL);
    expect(answered.filter((a) => a.versionAtStart !== versionBefore)).toHaveLength(AFTER_SWAP);

    const after = await Promise.all(QUESTIONS.map((q) => holder.current().ask(q)));
    expect(after.map(comparable)).toEqual(QUESTIONS.map((q) => expectedNew.get(q)));
    const volunteers = after[0];
    expect(volunteers?.sources.some((s) => s.year === 2025)).toBe(true);

    const most = maxInFlight(answered);
    console.log(
      `concurrent re-ingest: ${answered.length} questions during the ingest, ${errors.length} errors, ${verdicts.filter((v) => v === 'old').length} old / ${verdicts.filter((v) => v === 'new').length} new / ${verdicts.filter((v) => v === 'mixed').length} mixed; ` +
        `${straddled} started before the swap and finished after it (all old), up to ${most} in flight at once; ${after.length} asked after the ingest: all new`,
    );
  });
});
