import type { Embedder } from '../embed/embedder.js';
import { LexicalIndex } from '../store/lexicalIndex.js';
import type { LoadedReport } from '../store/reportFiles.js';
import type { Chunk } from '../store/shapes.js';
import type { ReportIndex } from '../store/loadReportIndex.js';
import type { Tokenizer } from '../text/tokenize.js';

export interface RetrievalFilter {
  reportIds?: ReadonlySet<string>;
  years?: ReadonlySet<number>;
  /** Only chunks under one of these section headings (the part of the report a question names). */
  sections?: ReadonlySet<string>;
}

/** Whether a section path lies under one of the filter's headings (any path, without them). */
export function inSections(path: readonly string[], sections: ReadonlySet<string> | undefined): boolean {
  return sections === undefined || path.some((heading) => sections.has(heading));
}

export interface RetrievedChunk {
  chunk: Chunk;
  report: LoadedReport;
  /** Reciprocal-rank-fusion score: comparable within one search only. */
  score: number;
  lexicalRank: number | null;
  vectorRank: number | null;
}

/** Standard RRF constant: damps the difference between rank 1 and rank 2 so neither list dominates. */
const RRF_K = 60;
/**
 * Offline, the lexical list is the stronger signal (the hashed embedder sees the same tokens, less
 * precisely); with model embeddings the two are closer to equal partners.
 */
const LEXICAL_WEIGHT = 1;
const CANDIDATES = 30;
/**
 * Without a year or report filter the vector list covers the newest reports only; BM25 covers all.
 * An exact scan per report costs ~0.2 ms, so a hundred reports would spend 20 ms on the weaker list.
 */
const UNFILTERED_VECTOR_REPORTS = 3;

/**
 * Lexical and vector search fused by reciprocal rank. One BM25 index over every report's chunks (so
 * idf and length statistics are shared and scores comparable across years); one vector index per
 * report, whose cosine scores are comparable because one embedder built them all.
 */
export class HybridRetriever {
  private readonly lexical: LexicalIndex;
  /** Global row → (report, row in that report). */
  private readonly rows: Array<{ report: LoadedReport; row: number }>;
  private readonly offsets: Map<LoadedReport, number>;

  constructor(
    private readonly index: ReportIndex,
    private readonly embedder: Embedder,
    private readonly tokenizer: Tokenizer,
    private readonly vectorWeight = 0.6,
  ) {
    // Questions must be cut the way the ingest cut the chunks: with each report's own terms known.
    for (const report of index.reports) tokenizer.addWords(report.vocabulary);
    this.rows = [];
    this.offsets = new Map();
    for (const report of index.reports) {
      this.offsets.set(report, this.rows.length);
      report.chunks.forEach((_, row) => this.rows.push({ report, row }));
    }
    this.lexical = index.reports.length === 1 && index.reports[0] ? index.reports[0].lexical : LexicalIndex.merge(index.reports.map((r) => r.lexical));
  }

  get reports(): readonly LoadedReport[] {
    return this.index.reports;
  }

  /** Inverse document frequency over every report's chunks; null for a term no chunk has. */
  idfOf(term: string): number | null {
    return this.lexical.idfOf(term);
  }

  get maxIdf(): number {
    return this.lexical.maxIdf;
  }

  private allowed(report: LoadedReport, filter: RetrievalFilter): boolean {
    return (!filter.reportIds || filter.reportIds.has(report.meta.id)) && (!filter.years || filter.years.has(report.meta.year));
  }

  async search(query: string, k: number, filter: RetrievalFilter = {}): Promise<RetrievedChunk[]> {
    const fused = new Map<number, RetrievedChunk>();
    const add = (globalRow: number, rank: number, weight: number, which: 'lexical' | 'vector') => {
      const at = this.rows[globalRow];
      if (!at) return;
      const chunk = at.report.chunks[at.row];
      if (!chunk) return;
      const hit = fused.get(globalRow) ?? { chunk, report: at.report, score: 0, lexicalRank: null, vectorRank: null };
      hit.score += weight / (RRF_K + rank);
      if (which === 'lexical') hit.lexicalRank = rank;
      else hit.vectorRank = rank;
      fused.set(globalRow, hit);
    };

    const filtered = filter.reportIds !== undefined || filter.years !== undefined;
    const tokens = this.tokenizer.tokens(query);
    // A question about one report (its year, or its id) is ranked within that report by its own
    // statistics, reading only its postings; the merged index is for questions over several.
    const inScope = filtered ? this.index.reports.filter((r) => this.allowed(r, filter)) : this.index.reports;
    const only = inScope.length === 1 ? inScope[0] : undefined;
    if (only) {
      const offset = this.offsets.get(only) ?? 0;
      only.lexical.search(tokens, CANDIDATES).forEach((hit, rank) => add(offset + hit.index, rank + 1, LEXICAL_WEIGHT, 'lexical'));
    } else {
      const lexicalHits = this.lexical.search(tokens, CANDIDATES, filtered ? (row) => this.rowAllowed(row, filter) : undefined);
      lexicalHits.forEach((hit, rank) => add(hit.index, rank + 1, LEXICAL_WEIGHT, 'lexical'));
    }

    if (this.vectorWeight > 0) {
      const vector = await this.embedder.embedQuery(query);
      const vectorHits: Array<{ globalRow: number; score: number }> = [];
      const searched = filtered ? inScope : this.index.reports.slice(0, UNFILTERED_VECTOR_REPORTS);
      for (const report of searched) {
        const offset = this.offsets.get(report) ?? 0;
        for (const hit of report.vectors.search(vector, CANDIDATES)) vectorHits.push({ globalRow: offset + hit.index, score: hit.score });
      }
      vectorHits.sort((a, b) => b.score - a.score);
      vectorHits.slice(0, CANDIDATES).forEach((hit, rank) => add(hit.globalRow, rank + 1, this.vectorWeight, 'vector'));
    }

    return [...fused.values()]
      .filter((hit) => inSections(hit.chunk.section.path, filter.sections))
      .sort((a, b) => b.score - a.score || b.report.meta.year - a.report.meta.year)
      .slice(0, k);
  }

  private rowAllowed(row: number, filter: RetrievalFilter): boolean {
    const at = this.rows[row];
    return at !== undefined && this.allowed(at.report, filter);
  }
}
