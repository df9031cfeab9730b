import { once } from 'node:events';
import {
  ApplicationFlags,
  Client,
  Events,
  GatewayIntentBits,
  IntentsBitField,
  Partials,
  Routes,
} from 'discord.js';
import { z } from 'zod';
import type { AnswerServiceHolder } from '../answer/answerServiceHolder.js';
import type { AskResult } from '../answer/types.js';
import type { Config } from '../config.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import { DISCORD_ATTACHMENT_ORIGINS } from './attachmentDownload.js';
import type { BotContext, BotRenderers, ReingestPort } from './botContext.js';
import { BoundedCache } from './boundedCache.js';
import type { Command } from './command.js';
import { InteractionRouter } from './interactionRouter.js';
import { createMessageHandler, MESSAGE_CONTENT_HELP } from './messageHandler.js';
import { RateLimiter } from './rateLimiter.js';

/** Streamed answers and progress are edited at most this often: Discord rate-limits edits. */
export const DEFAULT_EDIT_INTERVAL_MS = 1500;
const ANSWER_CACHE_ENTRIES = 500;
const READY_TIMEOUT_MS = 60_000;

export interface BotDeps {
  holder: AnswerServiceHolder;
  reingest: ReingestPort;
  renderers: BotRenderers;
  logger: Logger;
  commands: readonly Command[];
  /** Monotonic milliseconds (default performance.now). */
  clock?: () => number;
  editIntervalMs?: number;
}

export interface Bot {
  client: Client;
  context: BotContext;
  /** Checks the Message Content intent, logs in and resolves once the client is ready. */
  start(): Promise<void>;
  /** Disconnects; safe to call twice. */
  stop(): Promise<void>;
}

const ApplicationFlagsSchema = z.object({ flags: z.number().int().optional() });

const BASE_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * Builds the discord.js client and the bot around it. Nothing connects until `start()`. Every message
 * goes out with `allowedMentions: { parse: [] }` (set on the client, so no reply can ping anyone);
 * DISCORD_API_BASE, when set, moves REST and — through GET /gateway/bot — the gateway too.
 */
export function createBotClient(config: Config, deps: BotDeps): Bot {
  const clock = deps.clock ?? (() => performance.now());
  let messageContent = true;
  const client = new Client({
    intents: [...BASE_INTENTS, GatewayIntentBits.MessageContent],
    // DM channels are not cached until a message arrives in one.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(config.discord.apiBase ? { rest: { api: config.discord.apiBase } } : {}),
  });
  const apiOrigin = config.discord.apiBase ? new URL(config.discord.apiBase).origin : null;
  const context: BotContext = {
    holder: deps.holder,
    reingest: deps.reingest,
    renderers: deps.renderers,
    logger: deps.logger,
    settings: {
      adminRoleId: config.discord.adminRoleId,
      maxAttachmentBytes: config.maxReportBytes,
      attachmentOrigins: apiOrigin ? [...DISCORD_ATTACHMENT_ORIGINS, apiOrigin] : DISCORD_ATTACHMENT_ORIGINS,
      editIntervalMs: deps.editIntervalMs ?? DEFAULT_EDIT_INTERVAL_MS,
    },
    rateLimiter: new RateLimiter(config.discord.ratePerMinute, clock),
    answers: new BoundedCache<AskResult>(ANSWER_CACHE_ENTRIES),
    clock,
    messageContentEnabled: () => messageContent,
  };
  const router = new InteractionRouter(deps.commands, context);
  const onMessage = createMessageHandler(client, context);
  const logger = deps.logger;

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.on(Events.Error, (error) => logger.error('discord client error', error));
  client.on(Events.Warn, (message) => logger.warn(`discord: ${message}`));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (event.code === 4014) {
      logger.error(`gateway refused the Message Content intent (shard ${shardId}). ${MESSAGE_CONTENT_HELP}`);
    } else if (event.code === 4004) {
      logger.error('gateway rejected the token (4004): check DISCORD_TOKEN');
    } else {
      logger.warn(`gateway disconnected (shard ${shardId}, code ${event.code})`);
    }
  });

  /** Asks Discord whether the app may receive message content; without it, logging in with the intent fails (4014). */
  async function detectMessageContent(): Promise<boolean> {
    try {
      const app = ApplicationFlagsSchema.parse(await client.rest.get(Routes.currentApplication()));
      const flags = app.flags ?? 0;
      return (flags & (ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited)) !== 0;
    } catch (error) {
      logger.warn('could not read the application flags; asking for the Message Content intent anyway', error);
      return true;
    }
  }

  let stopped = false;
  return {
    client,
    context,
    async start() {
      const token = config.discord.token;
      if (!token) throw new UserFacingError('DISCORD_TOKEN missing', 'DISCORD_TOKEN is not set.');
      client.rest.setToken(token);
      messageContent = await detectMessageContent();
      if (!messageContent) {
        client.options.intents = new IntentsBitField(BASE_INTENTS).freeze();
        logger.warn(
          'the Message Content intent is off for this application: mentions, DMs and slash commands work; ' +
            'plain follow-ups in threads cannot be read. Enable it under Developer Portal → Bot → Privileged Gateway Intents → Message Content Intent.',
        );
      }
      const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
      // Awaited below; marked handled now so a failed login does not leave it rejecting unobserved.
      ready.catch(() => undefined);
      await client.login(token);
      await ready;
      logger.info(`logged in to Discord as ${client.user?.tag ?? '?'} (${client.guilds.cache.size} servers, message content ${messageContent ? 'on' : 'off'})`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}
