import type { Config } from '../config.js';
import type { Tokenizer } from '../text/tokenize.js';
import type { Embedder } from './embedder.js';
import { LocalHashEmbeddings } from './localHashEmbeddings.js';
import { createOpenAIEmbeddings } from './openAIEmbeddings.js';

/**
 * The configured embedder: the model server when one is configured, else the offline hash embedder.
 * Nothing connects here; the first embedding call does.
 */
export function createEmbeddings(config: Config['openai'], tokenizer: Tokenizer): Embedder {
  if (config === null) return new LocalHashEmbeddings(tokenizer);
  return createOpenAIEmbeddings({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    model: config.embeddingModel,
    timeoutMs: config.timeoutMs,
  });
}
