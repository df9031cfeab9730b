import { describe, expect, it } from 'vitest';
import { embedChunks } from '../../../ingest/embed/embedChunks.js';
import { LocalHashEmbeddings } from '../../../src/embed/localHashEmbeddings.js';
import type { Chunk } from '../../../src/store/shapes.js';
import { createTokenizer, type Tokenizer } from '../../../src/text/tokenize.js';

function chunk(ordinal: number, norm: string): Chunk {
  return {
    id: `made-2031#${ordinal}`,
    reportId: 'made-2031',
    year: 2031,
    kind: 'paragraph',
    section: { id: '1', path: ['1 Overview'] },
    pageStart: 1,
    pageEnd: 1,
    text: norm,
    norm,
  };
}

/** A tokenizer that counts the texts it is asked to cut. */
function counting(inner: Tokenizer): Tokenizer & { calls: number } {
  const counter = {
    calls: 0,
    tokens(text: string): string[] {
      counter.calls += 1;
      return inner.tokens(text);
    },
    addWords: (words: Iterable<string>) => inner.addWords(words),
  };
  return counter;
}

const chunks = [chunk(0, 'Zorvane freight income rose to 4,210 drums'), chunk(1, '蓝湾纺机的营业收入为 812 万元'), chunk(2, '')];

describe('embedChunks', () => {
  it('cuts each chunk once and embeds from those tokens, giving the vectors the embedder gives alone', async () => {
    const tokenizer = counting(createTokenizer());
    const embedder = new LocalHashEmbeddings(tokenizer);
    const index = await embedChunks(chunks, [], { tokenizer, embedder });
    expect(tokenizer.calls).toBe(3);
    expect(index.dimensions).toBe(384);
    expect(index.vectors).toEqual(await new LocalHashEmbeddings(createTokenizer()).embedDocuments(chunks.map((c) => c.norm)));
    expect(index.tokens[1]).toContain('营业');
  });

  it('lets an embedder with its own tokenizer cut the texts itself', async () => {
    const tokenizer = counting(createTokenizer());
    const own = counting(createTokenizer());
    const index = await embedChunks(chunks, [], { tokenizer, embedder: new LocalHashEmbeddings(own) });
    expect(tokenizer.calls).toBe(3);
    expect(own.calls).toBe(3);
    expect(index.vectors).toHaveLength(3);
  });
});
