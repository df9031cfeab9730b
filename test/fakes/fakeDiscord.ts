import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in Discord on 127.0.0.1 that the real discord.js client logs into through `rest.api`
 * (DISCORD_API_BASE): the REST routes the bot uses, the gateway (HELLO, IDENTIFY → READY +
 * GUILD_CREATE, heartbeat ACK, RESUME → missed dispatches + RESUMED) as plain JSON text frames, and
 * attachment files. `dropGateway` cuts the bot's connection to test its reconnect. Tests inject
 * INTERACTION_CREATE and MESSAGE_CREATE dispatches and read back every request the bot made, each
 * stamped with this server's clock, so they can measure time to the deferral and to the final answer.
 */

/** Gateway intent bits the fake looks at. */
export const INTENT_MESSAGE_CONTENT = 1 << 15;
/** Application flags: the Message Content intent switched on in the developer portal. */
const APP_FLAG_MESSAGE_CONTENT = (1 << 18) | (1 << 19);
/** Permission bits as decimal strings, the way interactions carry them. */
export const PERMISSION_MANAGE_GUILD = 1n << 5n;
const PERMISSIONS_MEMBER = (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 38n); // view, send, read history, send in threads
const DISCORD_EPOCH = 1420070400000n;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedDiscordRequest {
  method: string;
  /** Path without the `/api/v10` prefix, URL-decoded per segment: `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** JSON body, or `payload_json` of a multipart body. */
  json: unknown;
  /** Files of a multipart body, in order. */
  files: UploadedFile[];
  /** This server's clock (performance.now() of the test process), when the request arrived. */
  at: number;
}

/** The message object the fake returns and stores. */
export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: FakeUser[];
  mention_roles: string[];
  attachments: Array<{ id: string; filename: string; size: number; url: string; proxy_url: string; content_type?: string }>;
  embeds: unknown[];
  components: unknown[];
  pinned: boolean;
  type: number;
  flags: number;
  message_reference?: { message_id: string; channel_id: string; guild_id?: string };
  channel_type?: number;
  member?: unknown;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** Fake clock time the dispatch went out. */
  dispatchedAt: number;
  /** Requests made with this interaction's token (callback, webhook edits and follow-ups), in order. */
  requests(): RecordedDiscordRequest[];
  /** Resolves with the first request of this interaction that matches (already received or later). */
  waitFor(predicate: (request: RecordedDiscordRequest) => boolean, timeoutMs?: number): Promise<RecordedDiscordRequest>;
}

export interface MemberOptions {
  user?: FakeUser;
  roles?: string[];
  /** Permission bits; default view/send/history. */
  permissions?: bigint;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

export interface InteractionOptions extends MemberOptions {
  /** Send it as a DM interaction (no guild, no member). */
  dm?: boolean;
  channelId?: string;
}

export interface GatewayResume {
  at: number;
  sessionId: string;
  seq: number | null;
  resumed: boolean;
  /** Dispatches sent after `seq` while the connection was down, replayed before RESUMED. */
  replayed: number;
}

export interface FakeDiscordOptions {
  token?: string;
  /** Whether the application has the Message Content intent enabled (default true). */
  messageContentIntent?: boolean;
  /** HELLO heartbeat interval (default 41 250 ms, as Discord). */
  heartbeatIntervalMs?: number;
}

export interface FakeDiscord {
  /** http://127.0.0.1:<port> */
  url: string;
  /** What DISCORD_API_BASE is set to: `url` + "/api". */
  apiBase: string;
  token: string;
  appId: string;
  bot: FakeUser;
  guildId: string;
  /** A text channel of the guild. */
  channelId: string;
  adminRoleId: string;
  /** A member without Manage Server. */
  user: FakeUser;
  /** Fake clock in ms (performance.now of this process). */
  now(): number;
  requests: RecordedDiscordRequest[];
  identifies: Array<{ at: number; intents: number; token: string }>;
  /** Connected and identified gateway sessions. */
  readonly sessions: number;
  /** RESUME (op 6) payloads received, in order; `resumed` tells whether the session was resumed (else INVALID_SESSION). */
  resumes: GatewayResume[];
  waitForIdentify(timeoutMs?: number): Promise<{ at: number; intents: number; token: string }>;
  /**
   * Drops every gateway connection from the server side: a close frame with `code` (default 4000,
   * "unknown error", which clients resume after), or `'tcp'` for a connection cut without a close
   * frame. Sessions stay resumable; dispatches while no connection is up are kept and replayed on
   * RESUME. Returns the fake-clock time of the drop.
   */
  dropGateway(how?: { code?: number } | 'tcp'): number;
  /** Resolves when a connection made after `since` (fake clock) is ready again: RESUMED sent, or READY after a new IDENTIFY. */
  waitForReconnect(since: number, timeoutMs?: number): Promise<{ at: number; kind: 'resume' | 'identify' }>;
  waitForRequest(predicate: (request: RecordedDiscordRequest) => boolean, timeoutMs?: number): Promise<RecordedDiscordRequest>;
  slashCommand(name: string, options?: CommandOption[], extra?: InteractionOptions & { resolved?: unknown }): SentInteraction;
  autocomplete(name: string, options: CommandOption[], extra?: InteractionOptions): SentInteraction;
  button(customId: string, message: FakeMessage, extra?: InteractionOptions): SentInteraction;
  /** Dispatches MESSAGE_CREATE for a user message (stored, so history fetches see it). */
  userMessage(options: { content: string; channelId?: string; author?: FakeUser; mentionBot?: boolean; dm?: boolean }): FakeMessage;
  /** Serves `data` at /attachments/<id>/<filename>; returns the resolved attachment object. */
  serveAttachment(filename: string, data: Buffer, contentType?: string): { id: string; filename: string; size: number; url: string; proxy_url: string; content_type: string };
  /** Messages of a channel, oldest first. */
  channelMessages(channelId: string): FakeMessage[];
  /** The message an interaction's reply currently is (after edits). */
  originalMessage(token: string): FakeMessage | undefined;
  /** Channels created as threads by the bot. */
  threads: Array<{ id: string; parentId: string; name: string }>;
  /** The user of a DM channel the fake made up. */
  dmChannelId: string;
  close(): Promise<void>;
}

function snowflakeFactory(): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
}

function makeUser(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

function parseMultipart(body: Buffer, boundary: string): Array<{ name: string; filename: string | null; contentType: string; data: Buffer }> {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ name: string; filename: string | null; contentType: string; data: Buffer }> = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    start += 2; // CRLF
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1] ?? null;
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'text/plain';
    parts.push({ name, filename, contentType, data: part.subarray(headerEnd + 4) });
    at = next;
  }
  return parts;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const snowflake = snowflakeFactory();
  const token = options.token ?? `fake.${randomBytes(12).toString('hex')}`;
  const appId = snowflake();
  const bot = makeUser(appId, 'report-bot', true);
  const guildId = snowflake();
  const channelId = snowflake();
  const dmChannelId = snowflake();
  const adminRoleId = snowflake();
  const user = makeUser(snowflake(), 'alice');
  const owner = makeUser(snowflake(), 'owner');
  const messageContent = options.messageContentIntent ?? true;
  const now = () => performance.now();

  const requests: RecordedDiscordRequest[] = [];
  const identifies: Array<{ at: number; intents: number; token: string }> = [];
  const waiters: Array<{ predicate: (r: RecordedDiscordRequest) => boolean; resolve: (r: RecordedDiscordRequest) => void }> = [];
  const identifyWaiters: Array<(i: { at: number; intents: number; token: string }) => void> = [];
  const channels = new Map<string, FakeMessage[]>([
    [channelId, []],
    [dmChannelId, []],
  ]);
  const threads: Array<{ id: string; parentId: string; name: string }> = [];
  const originals = new Map<string, FakeMessage>();
  const attachments = new Map<string, { data: Buffer; contentType: string }>();
  /** A gateway session outlives its connection (until a new IDENTIFY or a normal close), as Discord's do, so it can be resumed. */
  interface GatewaySession {
    id: string;
    seq: number;
    /** Every dispatch of the session, for replay on RESUME. */
    events: Array<{ s: number; t: string; d: unknown }>;
    socket: WebSocket | null;
  }
  const gatewaySessions = new Map<string, GatewaySession>();
  const resumes: GatewayResume[] = [];
  const reconnectWaiters: Array<{ since: number; resolve: (r: { at: number; kind: 'resume' | 'identify' }) => void }> = [];
  /** Sockets the server itself dropped: their session stays resumable whatever close code follows. */
  const droppedByServer = new WeakSet<WebSocket>();
  const connectedAt = new WeakMap<WebSocket, number>();
  let url = '';

  const textChannel = { id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 };

  function record(request: RecordedDiscordRequest): void {
    requests.push(request);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(request)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  function waitForRequest(predicate: (r: RecordedDiscordRequest) => boolean, timeoutMs = 15_000): Promise<RecordedDiscordRequest> {
    const already = requests.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(entry), 1);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; got:\n${requests.map((r) => `${r.method} ${r.path}`).join('\n')}`));
      }, timeoutMs);
      const entry = {
        predicate,
        resolve: (r: RecordedDiscordRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      waiters.push(entry);
    });
  }

  function newMessage(channel: string, author: FakeUser, body: Record<string, unknown>, files: UploadedFile[]): FakeMessage {
    const isDm = channel === dmChannelId;
    const message: FakeMessage = {
      id: snowflake(),
      channel_id: channel,
      ...(isDm ? {} : { guild_id: guildId }),
      author,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      pinned: false,
      type: 0,
      flags: typeof body.flags === 'number' ? body.flags : 0,
    };
    applyFiles(message, files);
    return message;
  }

  function applyFiles(message: FakeMessage, files: UploadedFile[]): void {
    if (files.length === 0) return;
    message.attachments = files.map((f) => {
      const id = snowflake();
      attachments.set(`${id}/${f.name}`, { data: f.data, contentType: f.contentType });
      return { id, filename: f.name, size: f.size, url: `${url}/attachments/${id}/${f.name}`, proxy_url: `${url}/attachments/${id}/${f.name}`, content_type: f.contentType };
    });
  }

  function editMessage(message: FakeMessage, body: Record<string, unknown>, files: UploadedFile[]): void {
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds;
    if (Array.isArray(body.components)) message.components = body.components;
    if (Array.isArray(body.attachments) && files.length === 0 && body.attachments.length === 0) message.attachments = [];
    applyFiles(message, files);
    message.edited_timestamp = new Date().toISOString();
  }

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (parsed.pathname.startsWith('/attachments/')) {
      record({ method: req.method ?? 'GET', path: decodeURIComponent(parsed.pathname), query: parsed.searchParams, headers: req.headers, json: undefined, files: [], at });
      const file = attachments.get(decodeURIComponent(parsed.pathname.slice('/attachments/'.length)));
      if (!file) return send(res, 404, { message: 'Unknown attachment', code: 0 });
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.length) });
      res.end(file.data);
      return;
    }
    const segments = parsed.pathname
      .replace(/^\/api/, '')
      .replace(/^\/v\d+/, '')
      .split('/')
      .map((s) => decodeURIComponent(s));
    const path = segments.join('/');
    let json: unknown;
    const files: UploadedFile[] = [];
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
      for (const part of parseMultipart(raw, boundary?.[1] ?? boundary?.[2] ?? '')) {
        if (part.name === 'payload_json') json = JSON.parse(part.data.toString('utf8')) as unknown;
        else if (part.filename !== null) files.push({ field: part.name, name: part.filename, contentType: part.contentType, size: part.data.length, data: Buffer.from(part.data) });
      }
    } else if (raw.length > 0) {
      try {
        json = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        json = undefined;
      }
    }
    const request: RecordedDiscordRequest = { method: req.method ?? 'GET', path, query: parsed.searchParams, headers: req.headers, json, files, at };
    const body = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
    const m = (pattern: RegExp) => pattern.exec(`${request.method} ${path}`);
    let match: RegExpExecArray | null;

    const authed = req.headers.authorization === `Bot ${token}`;
    const needsAuth = !/^\/(interactions|webhooks)\//.test(path);
    record(request);
    if (needsAuth && !authed) return send(res, 401, { message: '401: Unauthorized', code: 0 });

    if (m(/^GET \/gateway(\/bot)?$/)) {
      return send(res, 200, {
        url: url.replace(/^http/, 'ws') + '/gateway',
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (m(/^GET \/users\/@me$/)) return send(res, 200, bot);
    if (m(/^GET \/applications\/@me$/)) {
      return send(res, 200, { id: appId, name: 'report-bot', icon: null, description: '', bot_public: false, bot_require_code_grant: false, verify_key: '0', flags: messageContent ? APP_FLAG_MESSAGE_CONTENT : 0, team: null });
    }
    if ((match = m(/^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const list = Array.isArray(json) ? json : [];
      return send(res, 200, list.map((c) => ({ ...(c as object), id: snowflake(), application_id: match?.[1], version: snowflake(), ...(match?.[2] ? { guild_id: match[2] } : {}) })));
    }
    if ((match = m(/^POST \/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const interactionToken = match[2] ?? '';
      const type = body.type;
      const data = (body.data ?? {}) as Record<string, unknown>;
      if (type === 4 || type === 5) {
        const message = newMessage(channelId, bot, type === 4 ? data : { flags: data.flags }, files);
        originals.set(interactionToken, message);
      }
      if (type === 7) {
        const original = originals.get(interactionToken);
        if (original) editMessage(original, data, files);
      }
      return send(res, 204);
    }
    if ((match = m(/^(PATCH|GET|DELETE) \/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/))) {
      const [, method, , hookToken = '', which] = match;
      const original = which === '@original' ? originals.get(hookToken) : undefined;
      if (!original) return send(res, 404, { message: 'Unknown Message', code: 10008 });
      if (method === 'DELETE') {
        originals.delete(hookToken);
        return send(res, 204);
      }
      if (method === 'PATCH') editMessage(original, body, files);
      return send(res, 200, original);
    }
    if ((match = m(/^POST \/webhooks\/(\d+)\/([^/]+)$/))) {
      return send(res, 200, newMessage(channelId, bot, body, files));
    }
    if ((match = m(/^POST \/channels\/(\d+)\/messages$/))) {
      const list = channels.get(match[1] ?? '');
      if (!list) return send(res, 404, { message: 'Unknown Channel', code: 10003 });
      const message = newMessage(match[1] ?? '', bot, body, files);
      const reference = body.message_reference as { message_id?: string } | undefined;
      if (reference?.message_id) message.message_reference = { message_id: reference.message_id, channel_id: message.channel_id, ...(message.guild_id ? { guild_id: message.guild_id } : {}) };
      list.push(message);
      return send(res, 200, message);
    }
    if ((match = m(/^PATCH \/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = channels.get(match[1] ?? '')?.find((x) => x.id === match?.[2]);
      if (!message) return send(res, 404, { message: 'Unknown Message', code: 10008 });
      editMessage(message, body, files);
      return send(res, 200, message);
    }
    if ((match = m(/^GET \/channels\/(\d+)\/messages$/))) {
      const list = channels.get(match[1] ?? '');
      if (!list) return send(res, 404, { message: 'Unknown Channel', code: 10003 });
      const limit = Math.min(100, Number(request.query.get('limit') ?? 50));
      const before = request.query.get('before');
      const older = before ? list.filter((x) => BigInt(x.id) < BigInt(before)) : list;
      return send(res, 200, older.slice(-limit).reverse());
    }
    if ((match = m(/^GET \/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = channels.get(match[1] ?? '')?.find((x) => x.id === match?.[2]);
      return message ? send(res, 200, message) : send(res, 404, { message: 'Unknown Message', code: 10008 });
    }
    if ((match = m(/^POST \/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      const parentId = match[1] ?? '';
      const id = match[2] ?? '';
      const name = typeof body.name === 'string' ? body.name : 'thread';
      channels.set(id, []);
      threads.push({ id, parentId, name });
      return send(res, 201, {
        id,
        type: 11,
        guild_id: guildId,
        parent_id: parentId,
        owner_id: bot.id,
        name,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        flags: 0,
        total_message_sent: 0,
        thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
        member: { id, user_id: bot.id, join_timestamp: new Date().toISOString(), flags: 0 },
      });
    }
    if (m(/^POST \/channels\/(\d+)\/typing$/)) return send(res, 204);
    return send(res, 404, { message: `fake Discord has no route ${request.method} ${path}`, code: 0 });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `fake failed: ${String(error)}`, code: 0 });
    });
  });

  // ---- gateway -------------------------------------------------------------------------------
  const wss = new WebSocketServer({ server, path: '/gateway' });
  const guildCreate = () => ({
    id: guildId,
    name: 'Test College',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: owner.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      { id: guildId, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: PERMISSIONS_MEMBER.toString(), managed: false, mentionable: false, flags: 0 },
      { id: adminRoleId, name: 'report-admin', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 1, permissions: PERMISSIONS_MEMBER.toString(), managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'zh-CN',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [{ user: bot, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false, communication_disabled_until: null }],
    channels: [textChannel],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    stickers: [],
  });

  function sendEvent(session: GatewaySession, event: { s: number; t: string; d: unknown }): void {
    if (session.socket?.readyState === 1) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }

  function dispatch(t: string, d: unknown): void {
    for (const session of gatewaySessions.values()) {
      session.seq += 1;
      const event = { s: session.seq, t, d };
      session.events.push(event);
      sendEvent(session, event);
    }
  }

  function notifyReconnect(socket: WebSocket, kind: 'resume' | 'identify'): void {
    const at = now();
    const opened = connectedAt.get(socket) ?? at;
    for (const waiter of [...reconnectWaiters]) {
      if (opened > waiter.since) {
        reconnectWaiters.splice(reconnectWaiters.indexOf(waiter), 1);
        waiter.resolve({ at, kind });
      }
    }
  }

  wss.on('connection', (socket) => {
    connectedAt.set(socket, now());
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } }));
    socket.on('message', (raw) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      if (payload.op === 1) {
        socket.send(JSON.stringify({ op: 11 }));
        return;
      }
      if (payload.op === 6) {
        const d = (payload.d ?? {}) as { token?: string; session_id?: string; seq?: number | null };
        const session = gatewaySessions.get(d.session_id ?? '');
        const record: GatewayResume = { at: now(), sessionId: d.session_id ?? '', seq: d.seq ?? null, resumed: false, replayed: 0 };
        resumes.push(record);
        if (!session || d.token !== token) {
          // Unknown or invalidated session: the client must identify afresh.
          socket.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        if (session.socket && session.socket !== socket) session.socket.terminate();
        session.socket = socket;
        const missed = session.events.filter((e) => e.s > (d.seq ?? 0));
        for (const event of missed) sendEvent(session, event);
        session.seq += 1;
        session.events.push({ s: session.seq, t: 'RESUMED', d: null });
        sendEvent(session, { s: session.seq, t: 'RESUMED', d: null });
        record.resumed = true;
        record.replayed = missed.length;
        notifyReconnect(socket, 'resume');
        return;
      }
      if (payload.op === 2) {
        const d = (payload.d ?? {}) as { token?: string; intents?: number };
        const identify = { at: now(), intents: d.intents ?? 0, token: d.token ?? '' };
        identifies.push(identify);
        for (const resolve of identifyWaiters.splice(0)) resolve(identify);
        if (identify.token !== token) {
          socket.close(4004, 'Authentication failed');
          return;
        }
        if ((identify.intents & INTENT_MESSAGE_CONTENT) !== 0 && !messageContent) {
          socket.close(4014, 'Disallowed intent(s)');
          return;
        }
        // One bot, one shard: a new IDENTIFY supersedes sessions left without a connection.
        for (const [id, old] of gatewaySessions) if (!old.socket) gatewaySessions.delete(id);
        const session: GatewaySession = { id: randomBytes(8).toString('hex'), seq: 0, events: [], socket };
        gatewaySessions.set(session.id, session);
        const ready = {
          v: 10,
          user: { ...bot, verified: true, mfa_enabled: false, flags: 0 },
          guilds: [{ id: guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: url.replace(/^http/, 'ws') + '/gateway',
          shard: [0, 1],
          application: { id: appId, flags: messageContent ? APP_FLAG_MESSAGE_CONTENT : 0 },
        };
        for (const [t, data] of [['READY', ready], ['GUILD_CREATE', guildCreate()]] as const) {
          session.seq += 1;
          const event = { s: session.seq, t, d: data as unknown };
          session.events.push(event);
          sendEvent(session, event);
        }
        notifyReconnect(socket, 'identify');
      }
    });
    socket.on('close', (code) => {
      for (const [id, session] of gatewaySessions) {
        if (session.socket !== socket) continue;
        session.socket = null;
        // A client that closes normally (1000/1001) ends its session; anything else may be resumed.
        if (!droppedByServer.has(socket) && (code === 1000 || code === 1001)) gatewaySessions.delete(id);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // ---- injection -----------------------------------------------------------------------------
  function memberOf(extra: MemberOptions) {
    return {
      user: extra.user ?? user,
      roles: extra.roles ?? [],
      permissions: (extra.permissions ?? PERMISSIONS_MEMBER).toString(),
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
      communication_disabled_until: null,
    };
  }

  function sendInteraction(type: number, data: unknown, extra: InteractionOptions & { message?: FakeMessage } = {}): SentInteraction {
    const id = snowflake();
    const interactionToken = `itok-${randomBytes(10).toString('hex')}`;
    const dm = extra.dm === true;
    const channel = dm ? { id: dmChannelId, type: 1, recipients: [extra.user ?? user] } : { ...textChannel, id: extra.channelId ?? channelId };
    const payload = {
      id,
      application_id: appId,
      type,
      token: interactionToken,
      version: 1,
      locale: 'zh-CN',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: dm ? { '1': (extra.user ?? user).id } : { '0': guildId },
      context: dm ? 1 : 0,
      attachment_size_limit: 26_214_400,
      channel_id: channel.id,
      channel,
      data,
      ...(dm ? { user: extra.user ?? user } : { guild_id: guildId, guild_locale: 'zh-CN', guild: { id: guildId, locale: 'zh-CN', features: [] }, member: memberOf(extra) }),
      ...(extra.message ? { message: extra.message } : {}),
    };
    const dispatchedAt = now();
    dispatch('INTERACTION_CREATE', payload);
    const mine = (r: RecordedDiscordRequest) => r.path.includes(`/${interactionToken}`);
    return {
      id,
      token: interactionToken,
      dispatchedAt,
      requests: () => requests.filter(mine),
      waitFor: (predicate, timeoutMs) => waitForRequest((r) => mine(r) && predicate(r), timeoutMs),
    };
  }

  return {
    url,
    apiBase: `${url}/api`,
    token,
    appId,
    bot,
    guildId,
    channelId,
    adminRoleId,
    user,
    dmChannelId,
    threads,
    now,
    requests,
    identifies,
    get sessions() {
      return [...gatewaySessions.values()].filter((x) => x.socket?.readyState === 1).length;
    },
    resumes,
    dropGateway: (how = { code: 4000 }) => {
      const at = now();
      for (const session of gatewaySessions.values()) {
        const socket = session.socket;
        if (!socket) continue;
        droppedByServer.add(socket);
        session.socket = null;
        if (how === 'tcp') socket.terminate();
        else socket.close(how.code ?? 4000, 'fake Discord dropped the connection');
      }
      return at;
    },
    waitForReconnect: (since, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const entry = {
          since,
          resolve: (r: { at: number; kind: 'resume' | 'identify' }) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          reconnectWaiters.splice(reconnectWaiters.indexOf(entry), 1);
          reject(new Error(`fake Discord: no gateway reconnect within ${timeoutMs} ms (identifies ${identifies.length}, resumes ${resumes.length})`));
        }, timeoutMs);
        reconnectWaiters.push(entry);
      }),
    waitForIdentify: (timeoutMs = 15_000) => {
      const first = identifies[0];
      if (first) return Promise.resolve(first);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Discord: no IDENTIFY')), timeoutMs);
        identifyWaiters.push((i) => {
          clearTimeout(timer);
          resolve(i);
        });
      });
    },
    waitForRequest,
    slashCommand: (name, commandOptions = [], extra = {}) =>
      sendInteraction(2, { id: snowflake(), name, type: 1, options: commandOptions, ...(extra.resolved ? { resolved: extra.resolved } : {}) }, extra),
    autocomplete: (name, commandOptions, extra = {}) => sendInteraction(4, { id: snowflake(), name, type: 1, options: commandOptions }, extra),
    button: (customId, message, extra = {}) => sendInteraction(3, { custom_id: customId, component_type: 2 }, { ...extra, message }),
    userMessage: ({ content, channelId: target, author, mentionBot, dm }) => {
      const channel = dm ? dmChannelId : (target ?? channelId);
      const list = channels.get(channel);
      if (!list) throw new Error(`fake Discord: unknown channel ${channel}`);
      const message = newMessage(channel, author ?? user, { content }, []);
      if (mentionBot) message.mentions = [bot];
      if (dm) message.channel_type = 1;
      else {
        message.member = { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
        message.channel_type = threads.some((t) => t.id === channel) ? 11 : 0;
      }
      list.push(message);
      dispatch('MESSAGE_CREATE', message);
      return message;
    },
    serveAttachment: (filename, data, contentType = 'application/pdf') => {
      const id = snowflake();
      attachments.set(`${id}/${filename}`, { data, contentType });
      const fileUrl = `${url}/attachments/${id}/${encodeURIComponent(filename)}`;
      return { id, filename, size: data.length, url: fileUrl, proxy_url: fileUrl, content_type: contentType };
    },
    channelMessages: (id) => [...(channels.get(id) ?? [])],
    originalMessage: (interactionToken) => originals.get(interactionToken),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** True when the request carries a message (content, embeds or files), i.e. one that can mention. */
export function carriesMessage(request: RecordedDiscordRequest): boolean {
  if (request.files.length > 0) return true;
  const body = request.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return false;
  const data = request.path.endsWith('/callback') ? (body.data as Record<string, unknown> | undefined) : body;
  if (!data) return false;
  return typeof data.content === 'string' || Array.isArray(data.embeds);
}

/** The message part of a request: the body, or `data` of an interaction callback. */
export function messageBody(request: RecordedDiscordRequest): { content?: string; embeds?: Array<Record<string, unknown>>; components?: unknown[]; flags?: number; allowed_mentions?: { parse?: string[] } } {
  const body = (request.json ?? {}) as Record<string, unknown>;
  const data = request.path.endsWith('/callback') ? ((body.data ?? {}) as Record<string, unknown>) : body;
  return data as ReturnType<typeof messageBody>;
}
