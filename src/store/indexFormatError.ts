/**
 * A saved index part (lexical postings, vector file, graph) that does not hold what it should:
 * truncated, hand-edited, written by another version. Loaders throw it instead of searching garbage;
 * the index store turns it into an `IndexLoadError` that names the directory and says to re-ingest.
 */
export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
  constructor(
    /** What was being loaded, e.g. "lexical index", "vector file data/index/vectors.f32". */
    readonly what: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`${what} is invalid: ${shown}${more}`, options);
  }
}
