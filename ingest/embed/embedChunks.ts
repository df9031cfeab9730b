import { embedsTokensOf, type Embedder } from '../../src/embed/embedder.js';
import type { ChunkIndexInput } from '../../src/store/reportFiles.js';
import type { Chunk } from '../../src/store/shapes.js';
import type { Tokenizer } from '../../src/text/tokenize.js';

/**
 * The last ingest stage before the store: each chunk's matching text cut into search tokens and
 * embedded. The segmenter learns the report's own terms first (quoted names, metric names) — the
 * answer side teaches the question tokenizer the same vocabulary when it loads the report — so a
 * question and the chunk it should find are cut the same way.
 */
export async function embedChunks(
  chunks: readonly Chunk[],
  vocabulary: readonly string[],
  deps: { tokenizer: Tokenizer; embedder: Embedder },
): Promise<ChunkIndexInput> {
  deps.tokenizer.addWords(vocabulary);
  const texts = chunks.map((c) => c.norm);
  const tokens = texts.map((text) => deps.tokenizer.tokens(text));
  const embedder = deps.embedder;
  const vectors = embedsTokensOf(embedder, deps.tokenizer)
    ? texts.map((text, i) => embedder.embedTokenized(text, tokens[i]!))
    : await embedder.embedDocuments(texts);
  const dimensions = deps.embedder.dimensions ?? vectors[0]?.length ?? (await deps.embedder.embedQuery('维度')).length;
  return { tokens, vectors, dimensions };
}
