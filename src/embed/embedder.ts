import type { EmbeddingsInterface } from '@langchain/core/embeddings';

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
