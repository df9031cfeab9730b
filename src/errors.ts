/**
 * Errors a person may see. `userMessage` is the one clear sentence shown in chat or on the terminal;
 * `message` and `cause` carry the detail for logs only.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(
    message: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`, `Configuration problem: ${problems.join('; ')}`);
  }
}

export type RefusalReason =
  | 'not_found'
  | 'not_pdf'
  | 'unsupported_type'
  | 'encrypted'
  | 'no_text_layer'
  | 'empty'
  | 'too_large'
  | 'corrupt'
  | 'timeout'
  | 'no_year';

const REFUSAL_TEXT: Record<RefusalReason, string> = {
  not_found: 'file not found',
  not_pdf: 'not a PDF (the file does not start with a PDF header)',
  unsupported_type: 'unsupported file type (use .pdf, .txt or .md)',
  encrypted: 'the PDF is encrypted (password protected); export an unprotected copy',
  no_text_layer: 'the PDF has no text layer, and OCR read no text from its pages (or OCR is off: MAX_OCR_PAGES=0)',
  empty: 'the file holds no text',
  too_large: 'the file is larger than the configured limit',
  corrupt: 'the PDF is damaged and cannot be read',
  timeout: 'reading the file took too long',
  no_year: 'the report does not say which year it covers',
};

/** A report file the ingest will not take; the index is left as it was. */
export class IngestRefusedError extends UserFacingError {
  override name = 'IngestRefusedError';
  constructor(
    readonly file: string,
    readonly reason: RefusalReason,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    const text = detail ? `${REFUSAL_TEXT[reason]} (${detail})` : REFUSAL_TEXT[reason];
    super(`refused ${file}: ${reason}${detail ? ` (${detail})` : ''}`, `${file}: ${text}`, options);
  }
}

export class IndexLoadError extends UserFacingError {
  override name = 'IndexLoadError';
  constructor(dir: string, detail: string, options?: { cause?: unknown }) {
    super(`cannot load index ${dir}: ${detail}`, `The index in ${dir} cannot be loaded (${detail}); run the ingest again.`, options);
  }
}

export class EmbedderMismatchError extends UserFacingError {
  override name = 'EmbedderMismatchError';
  constructor(indexEmbedder: string, configuredEmbedder: string) {
    super(
      `index built with embedder ${indexEmbedder}, configured embedder is ${configuredEmbedder}`,
      `The index was built with the embedder "${indexEmbedder}" but "${configuredEmbedder}" is configured; re-ingest with --force or restore the earlier settings.`,
    );
  }
}

export class IngestLockedError extends UserFacingError {
  override name = 'IngestLockedError';
  constructor(lockFile: string, holder: string) {
    super(`ingest lock ${lockFile} held by ${holder}`, `Another ingest is running (${holder}); try again when it has finished.`);
  }
}

export class EmbeddingError extends UserFacingError {
  override name = 'EmbeddingError';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`embedding failed: ${detail}`, 'The embedding server did not answer; check OPENAI_BASE_URL or unset OPENAI_API_KEY to use the local embedder.', options);
  }
}
