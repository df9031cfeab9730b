import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { LocalHashEmbeddings } from '../../src/embed/localHashEmbeddings.js';
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';
import { VectorIndex } from '../../src/store/vectorIndex.js';
import { createTokenizer } from '../../src/text/tokenize.js';

/**
 * What a user would build instead of this project (GUIDE.md "How we measure"): the report's plain
 * pdf-parse text, LangChain's RecursiveCharacterTextSplitter (1000 / 200), the same offline embedder,
 * an hnswlib index, top-k. No cleaning, no structure, no tables, no answer — its reply is the chunks.
 */

export const NAIVE_CHUNK_SIZE = 1000;
export const NAIVE_CHUNK_OVERLAP = 200;
export const NAIVE_TOP_K = 5;

export interface NaiveBaseline {
  chunkCount: number;
  buildMs: number;
  /** The top-k chunk texts for a query, best first, and the in-process time of embed + search. */
  search(query: string, k?: number): Promise<{ chunks: string[]; ms: number }>;
}

export async function buildNaiveBaseline(pdfPath: string): Promise<NaiveBaseline> {
  const started = performance.now();
  // Only getText(), as a user who wires pdf-parse to a splitter would.
  const parser = new PDFParse({ data: await readFile(pdfPath), ...pdfjsAssetUrls(), cMapPacked: true });
  const document = await parser.getText({ pageJoiner: '' }).finally(() => parser.destroy());
  // Pages joined by a blank line: the splitter's first separator, as a page break reads in getText().
  const text = document.pages.map((page) => page.text).join('\n\n');
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: NAIVE_CHUNK_SIZE, chunkOverlap: NAIVE_CHUNK_OVERLAP });
  const chunks = await splitter.splitText(text);
  const tokenizer = createTokenizer();
  const embedder = new LocalHashEmbeddings(tokenizer);
  // exactBelow 0: walk the hnsw graph as hnswlib would, instead of VectorIndex's exact scan for small sets.
  const index = VectorIndex.build(await embedder.embedDocuments(chunks), { dimensions: embedder.dimensions, exactBelow: 0 });
  const buildMs = performance.now() - started;
  return {
    chunkCount: chunks.length,
    buildMs,
    async search(query, k = NAIVE_TOP_K) {
      const t0 = performance.now();
      const hits = index.search(await embedder.embedQuery(query), k);
      const ms = performance.now() - t0;
      return { chunks: hits.map((hit) => chunks[hit.index] ?? ''), ms };
    },
  };
}
