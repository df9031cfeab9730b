import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * The only place that reads the environment. Every key is validated once, at the entry point, and
 * every bad key is reported by name in one error (t3-env style) instead of failing on first use.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  INDEX_DIR: z.string().trim().min(1).default('data/index'),
  REPORTS_DIR: z.string().trim().min(1).default('data/reports'),
  MAX_REPORT_MB: z.coerce.number().positive().default(100),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
  OPENAI_CHAT_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: positiveInt(20_000),

  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_BASE: optionalString.pipe(z.url().optional()),
  ADMIN_ROLE_ID: optionalString,
  RATE_LIMIT_PER_MINUTE: positiveInt(6),

  // OCR of pages that are only a picture. 0 pages switches it off.
  MAX_OCR_PAGES: z.coerce.number().int().nonnegative().default(200),
  OCR_THREADS: positiveInt(2),
  OCR_PAGE_TIMEOUT_S: z.coerce.number().positive().default(60),
});

export interface Config {
  indexDir: string;
  reportsDir: string;
  maxReportBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Present when a model server is configured: switches on model embeddings and model answers. */
  openai: {
    apiKey: string;
    baseURL: string | undefined;
    embeddingModel: string;
    chatModel: string;
    timeoutMs: number;
  } | null;
  /**
   * Scanned pages: at most `maxPages` per report are read (the rest are named as skipped), on
   * `threads` worker threads, each page within `pageTimeoutMs` or skipped.
   */
  ocr: { maxPages: number; threads: number; pageTimeoutMs: number };
  discord: {
    token: string | undefined;
    appId: string | undefined;
    guildId: string | undefined;
    apiBase: string | undefined;
    adminRoleId: string | undefined;
    ratePerMinute: number;
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const e = parsed.data;
  // A base URL alone is enough for local OpenAI-compatible servers (Ollama, vLLM) that ignore the key.
  const modelConfigured = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  return {
    indexDir: e.INDEX_DIR,
    reportsDir: e.REPORTS_DIR,
    maxReportBytes: Math.round(e.MAX_REPORT_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    openai: modelConfigured
      ? {
          apiKey: e.OPENAI_API_KEY ?? 'not-needed',
          baseURL: e.OPENAI_BASE_URL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          chatModel: e.OPENAI_CHAT_MODEL,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
        }
      : null,
    ocr: { maxPages: e.MAX_OCR_PAGES, threads: e.OCR_THREADS, pageTimeoutMs: Math.round(e.OCR_PAGE_TIMEOUT_S * 1000) },
    discord: {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiBase: e.DISCORD_API_BASE,
      adminRoleId: e.ADMIN_ROLE_ID,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
    },
  };
}
