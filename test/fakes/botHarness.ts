import type { AnswerService } from '../../src/answer/answerService.js';
import { AnswerServiceHolder } from '../../src/answer/answerServiceHolder.js';
import type { BotRenderers, ReingestPort } from '../../src/bot/botContext.js';
import { createBotClient, type Bot } from '../../src/bot/createBotClient.js';
import { commandsFolder, loadCommands } from '../../src/bot/loadCommands.js';
import { createRenderers } from '../../src/bot/renderers.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startFakeDiscord, type FakeDiscord, type RecordedDiscordRequest, type SentInteraction } from './fakeDiscord.js';

/**
 * The real bot (real discord.js client, real commands) logged into a fresh fake Discord, for one test
 * file. Logs are kept in memory so a test can look for a reference id, and printed only on failure.
 */
export interface BotHarness {
  fake: FakeDiscord;
  bot: Bot;
  holder: AnswerServiceHolder;
  logs: string[];
  logger: Logger;
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  service: AnswerService | AnswerServiceHolder;
  reingest?: ReingestPort;
  renderers?: BotRenderers;
  /** RATE_LIMIT_PER_MINUTE (default 1000: tests other than the rate limit's own never hit it). */
  ratePerMinute?: number;
  messageContentIntent?: boolean;
  editIntervalMs?: number;
  /** MAX_REPORT_MB. */
  maxReportMb?: number;
  indexDir?: string;
}

export const noReingest: ReingestPort = {
  busy: false,
  ingest: () => Promise.reject(new Error('re-ingest is not wired in this test')),
};

export async function startBotHarness(options: BotHarnessOptions): Promise<BotHarness> {
  const fake = await startFakeDiscord({ messageContentIntent: options.messageContentIntent ?? true });
  const holder = options.service instanceof AnswerServiceHolder ? options.service : new AnswerServiceHolder(options.service);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: [fake.token] });
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APP_ID: fake.appId,
    DISCORD_API_BASE: fake.apiBase,
    ADMIN_ROLE_ID: fake.adminRoleId,
    RATE_LIMIT_PER_MINUTE: String(options.ratePerMinute ?? 1000),
    MAX_REPORT_MB: String(options.maxReportMb ?? 100),
    INDEX_DIR: options.indexDir ?? 'unused-index',
  });
  const bot = createBotClient(config, {
    holder,
    reingest: options.reingest ?? noReingest,
    renderers: options.renderers ?? createRenderers({ logger }),
    logger,
    commands: await loadCommands(commandsFolder(new URL('../../src/main.ts', import.meta.url).href)),
    editIntervalMs: options.editIntervalMs,
  });
  try {
    await bot.start();
  } catch (error) {
    await fake.close();
    throw new Error(`bot did not start:\n${logs.join('\n')}`, { cause: error });
  }
  return {
    fake,
    bot,
    holder,
    logs,
    logger,
    close: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}

/** Requests that carry a message the bot sent (content, embeds or files), in order. */
export function sentMessages(requests: readonly RecordedDiscordRequest[]): RecordedDiscordRequest[] {
  return requests.filter((r) => {
    if (r.method === 'GET' || r.method === 'DELETE') return false;
    if (r.files.length > 0) return true;
    const body = (r.json ?? {}) as Record<string, unknown>;
    const data = r.path.endsWith('/callback') ? ((body.data ?? {}) as Record<string, unknown>) : body;
    return typeof data.content === 'string' || Array.isArray(data.embeds);
  });
}

export const isCallback = (r: RecordedDiscordRequest) => r.method === 'POST' && r.path.endsWith('/callback');
export const isOriginalEdit = (r: RecordedDiscordRequest) => r.method === 'PATCH' && r.path.endsWith('/messages/@original');
export const isFollowUp = (r: RecordedDiscordRequest) => r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path);

/** The callback's response type (5 = deferred, 4 = reply, 8 = autocomplete result). */
export function callbackType(r: RecordedDiscordRequest): number | undefined {
  const body = r.json as { type?: number } | undefined;
  return body?.type;
}

export interface Timing {
  command: string;
  /** Dispatch → first response (deferral, reply or autocomplete result), on the fake's clock. */
  firstMs: number;
  /** Dispatch → the request that completed the answer. */
  finalMs: number;
}

export function timing(command: string, sent: SentInteraction, final: RecordedDiscordRequest): Timing {
  const first = sent.requests().find(isCallback);
  return { command, firstMs: (first?.at ?? Number.NaN) - sent.dispatchedAt, finalMs: final.at - sent.dispatchedAt };
}

export function printTimings(title: string, rows: readonly Timing[]): void {
  if (rows.length === 0) return;
  const lines = rows.map((r) => `| ${r.command.padEnd(26)} | ${r.firstMs.toFixed(1).padStart(9)} | ${r.finalMs.toFixed(1).padStart(9)} |`);
  console.log(`${title} (fake Discord clock, ms)\n| command                    | to defer  | to final  |\n|----------------------------|-----------|-----------|\n${lines.join('\n')}`);
}
