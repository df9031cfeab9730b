import { isCallback, isOriginalEdit, startBotHarness, type BotHarness } from '../test/fakes/botHarness.js';
import { messageBody, type FakeMessage, type RecordedDiscordRequest, type SentInteraction } from '../test/fakes/fakeDiscord.js';
import { BUNDLED, buildFixture } from '../test/src/answer/reportFixture.js';

/**
 * npx tsx scripts/botTimings.ts [runs]: the real bot against the fake Discord on the bundled report,
 * each command `runs` times (default 7); prints the median time from the dispatch to the first
 * response (deferral, reply or autocomplete result) and to the final answer, on the fake's clock.
 * Offline mode (no model server).
 */

const runs = Number(process.argv[2] ?? 7);
const hasEmbeds = (r: RecordedDiscordRequest) => (messageBody(r).embeds?.length ?? 0) > 0;

interface Case {
  label: string;
  run(h: BotHarness): { sent: SentInteraction; done: (r: RecordedDiscordRequest) => boolean };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const fixture = await buildFixture(async () => [BUNDLED]);
const harness = await startBotHarness({ service: await fixture.service() });
try {
  const reportId = harness.holder.current().index.reports[0]?.meta.id ?? '';
  const anyMessage = (): FakeMessage => harness.fake.userMessage({ content: 'x' });
  const cases: Case[] = [
    { label: '/ask (registry figure)', run: (h) => ({ sent: h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '志愿者人数有多少？' }]), done: (r) => isOriginalEdit(r) && hasEmbeds(r) }) },
    { label: '/ask (table cell)', run: (h) => ({ sent: h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '体育部巡课汇总是多少？' }]), done: (r) => isOriginalEdit(r) && hasEmbeds(r) }) },
    { label: '/ask (passage)', run: (h) => ({ sent: h.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '心理情景剧大赛一等奖是哪个作品？' }]), done: (r) => isOriginalEdit(r) && hasEmbeds(r) }) },
    { label: '/metric', run: (h) => ({ sent: h.fake.slashCommand('metric', [{ name: 'name', type: 3, value: '志愿者注册人数' }]), done: (r) => isOriginalEdit(r) && hasEmbeds(r) }) },
    { label: '/metric autocomplete', run: (h) => ({ sent: h.fake.autocomplete('metric', [{ name: 'name', type: 3, value: '就业', focused: true }]), done: isCallback }) },
    { label: '/table (PNG + CSV)', run: (h) => ({ sent: h.fake.slashCommand('table', [{ name: 'id', type: 3, value: `表 1-3|${reportId}` }]), done: (r) => isOriginalEdit(r) && r.files.length > 0 }) },
    { label: '/table autocomplete', run: (h) => ({ sent: h.fake.autocomplete('table', [{ name: 'id', type: 3, value: '1-', focused: true }]), done: isCallback }) },
    { label: '/reports', run: (h) => ({ sent: h.fake.slashCommand('reports'), done: isOriginalEdit }) },
    { label: '/help', run: (h) => ({ sent: h.fake.slashCommand('help'), done: isCallback }) },
    { label: 'button 原文 (page PNG)', run: (h) => ({ sent: h.fake.button(`page:${5 + Math.floor(Math.random() * 100)}:${reportId}`, anyMessage()), done: (r) => isOriginalEdit(r) && r.files.length > 0 }) },
  ];
  const rows: string[] = [];
  for (const c of cases) {
    const first: number[] = [];
    const final: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const { sent, done } = c.run(harness);
      const end = await sent.waitFor(done, 30_000);
      const response = sent.requests().find(isCallback);
      first.push((response?.at ?? Number.NaN) - sent.dispatchedAt);
      final.push(end.at - sent.dispatchedAt);
    }
    rows.push(`| ${c.label} | ${median(first).toFixed(1)} | ${median(final).toFixed(1)} | ${Math.max(...final).toFixed(1)} |`);
  }
  process.stdout.write(
    `Bot timings, offline, bundled report, median of ${runs} (fake Discord clock, ms)\n\n| command | first response | final answer | slowest final |\n|---|---|---|---|\n${rows.join('\n')}\n`,
  );
} finally {
  await harness.close();
  await fixture.cleanup();
}
