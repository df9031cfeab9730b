import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Tokenizer } from '../text/tokenize.js';

/**
 * An embedding model as the index sees it. `id` goes into the index manifest: vectors from two
 * embedders with different ids are not comparable, so a mismatch means re-embedding, never mixing.
 */
export interface Embedder extends EmbeddingsInterface<number[]> {
  /** Stable name of model and output size, e.g. `local-hash-v1:384`, `openai:text-embedding-3-small`. */
  readonly id: string;
  /** Vector length; `undefined` for a model embedder until its first answer (the server decides). */
  readonly dimensions: number | undefined;
}

/**
 * An embedder whose vectors are a function of one tokenizer's tokens. The ingest tokenizes every
 * chunk for the lexical index anyway; handing those tokens over saves tokenizing each chunk twice
 * (the larger part of embedding time offline).
 */
export interface TokenEmbedder {
  readonly tokenizer: Tokenizer;
  embedTokenized(text: string, tokens: readonly string[]): number[];
}

/** Whether `embedder` embeds from `tokenizer`'s own tokens, so tokens that tokenizer produced can be reused. */
export function embedsTokensOf(embedder: Embedder, tokenizer: Tokenizer): embedder is Embedder & TokenEmbedder {
  return 'tokenizer' in embedder && embedder.tokenizer === tokenizer && 'embedTokenized' in embedder;
}
