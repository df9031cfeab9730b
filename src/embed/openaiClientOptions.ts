import type { ClientOptions } from 'openai';

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * The `openai` client options every client of ours starts from. Every option the client would
 * otherwise read from process.env is given here: configuration is read in one place (src/config.ts)
 * and nowhere else.
 */
export function explicitClientOptions(settings: { apiKey: string; baseURL: string | undefined; timeoutMs: number }): ClientOptions {
  return {
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? DEFAULT_BASE_URL,
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    logLevel: 'warn',
    timeout: settings.timeoutMs,
  };
}
