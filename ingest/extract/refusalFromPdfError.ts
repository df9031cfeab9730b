import { IngestRefusedError } from '../../src/errors.js';

/** The refusal is printed as one or two lines; an exception's own text may be long or span lines. */
const MAX_DETAIL_CHARS = 200;

/**
 * The refusal for an exception thrown while pdf.js (through pdf-parse) opened or read a PDF. pdf-parse
 * re-creates pdf.js exceptions as its own classes of the same name, so the name is what identifies
 * them: `PasswordException` (password missing or wrong) is `encrypted`. Everything else is `corrupt`
 * (`InvalidPDFException`, `FormatError`, `UnknownErrorException`, and errors without a pdf.js name:
 * a damaged file can trip pdf.js anywhere). The original exception is the refusal's `cause`.
 */
export function refusalFromPdfError(file: string, error: unknown): IngestRefusedError {
  if (error instanceof IngestRefusedError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  const message = oneLine(error instanceof Error ? error.message : String(error));
  if (name === 'PasswordException') return new IngestRefusedError(file, 'encrypted', message, { cause: error });
  return new IngestRefusedError(file, 'corrupt', `${name}: ${message}`, { cause: error });
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS - 1)}…` : line;
}
