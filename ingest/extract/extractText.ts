import { IngestRefusedError } from '../../src/errors.js';
import type { PageText } from '../../src/store/shapes.js';
import { splitTextPages } from './splitTextPages.js';

/**
 * Pages of a UTF-8 text or Markdown file (BOM dropped), split as `splitTextPages()` describes. Refuses
 * `empty` when there is nothing but whitespace, and `unsupported_type` for bytes that are not UTF-8
 * (a GBK export, a binary file with a .txt name): decoding those would index mojibake.
 */
export function extractText(bytes: Uint8Array, file: string): PageText[] {
  let text: string;
  try {
    // ignoreBOM: false (the default) is what drops the BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new IngestRefusedError(file, 'unsupported_type', 'the text is not UTF-8', { cause: error });
  }
  if (text.trim() === '') throw new IngestRefusedError(file, 'empty');
  return splitTextPages(text);
}
