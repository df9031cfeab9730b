import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { createChatClient } from './createChatClient.js';
import { ModelAnswerer } from './ModelAnswerer.js';

export type ModelAnswererSettings = Pick<NonNullable<Config['openai']>, 'apiKey' | 'baseURL' | 'chatModel' | 'timeoutMs'>;

/** The answerer as the entry points build it from `config.openai`. Connects to nothing until asked. */
export function createModelAnswerer(settings: ModelAnswererSettings, logger: Logger): ModelAnswerer {
  const client = createChatClient({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeoutMs: settings.timeoutMs, logger });
  return new ModelAnswerer({ client, model: settings.chatModel, timeoutMs: settings.timeoutMs, logger });
}
