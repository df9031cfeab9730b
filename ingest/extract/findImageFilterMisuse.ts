/**
 * Filters the PDF format allows on image data only (ISO 32000-1, 7.4): their output is pixels, never
 * page content. pdf.js nevertheless decodes them wherever a stream names them, and a JBIG2 stream can
 * declare a 100000 × 100000 page in a few bytes: the pdf.js test file `bomb_giant.pdf` (123 KB, four
 * such page content streams) took 215 s and 13 GB of memory to extract before this check.
 */
const IMAGE_ONLY_FILTERS = ['JBIG2Decode', 'DCTDecode', 'JPXDecode', 'CCITTFaxDecode'] as const;
/** How far around a filter name its stream dictionary is looked for; real ones are far shorter. */
const DICTIONARY_WINDOW = 4096;
/** A byte that ends a PDF name (white space or a delimiter). */
const NAME_END = /[\s/<>[\]()%{}]/u;
const OBJECT_START = /(\d+)\s+\d+\s+obj\b/gu;
/** The only non-image streams that may carry image bytes: pdf.js never decodes them to read text. */
const EMBEDDED_FILE = /\/Type\s*\/(?:EmbeddedFile|Metadata)\b/u;
const IMAGE = /\/Subtype\s*\/Image\b|\/Width\b/u;

/**
 * A stream object (in the file's own bytes) whose filter is image-only while its dictionary describes
 * no image — a page or form content stream in disguise — as "object N uses /JBIG2Decode but is not an
 * image", or null. Stream dictionaries are never compressed into object streams, so the raw bytes show
 * every one of them; a filter given by indirect reference is not seen.
 */
export function findImageFilterMisuse(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const filter of IMAGE_ONLY_FILTERS) {
    const needle = Buffer.from(`/${filter}`, 'latin1');
    for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + needle.length)) {
      const next = buffer[at + needle.length];
      if (next !== undefined && !NAME_END.test(String.fromCharCode(next))) continue;
      const object = streamDictionaryAround(buffer, at, at + needle.length);
      if (object && !IMAGE.test(object.dictionary) && !EMBEDDED_FILE.test(object.dictionary)) {
        return `object ${object.number} uses /${filter} but is not an image`;
      }
    }
  }
  return null;
}

/** The dictionary text of the stream object whose dictionary holds [start, end), or null. */
export function streamDictionaryAround(buffer: Buffer, start: number, end: number): { number: string; dictionary: string } | null {
  const before = buffer.toString('latin1', Math.max(0, start - DICTIONARY_WINDOW), start);
  let header: RegExpExecArray | null = null;
  for (const match of before.matchAll(OBJECT_START)) header = match;
  if (!header) return null;
  const opening = before.slice(header.index + header[0].length);
  // The name must sit in this object's dictionary, not in the data of a stream that already began.
  if (/\bstream\b|\bendobj\b/u.test(opening)) return null;
  const after = buffer.toString('latin1', end, Math.min(buffer.length, end + DICTIONARY_WINDOW));
  const keyword = /\b(endstream|stream|endobj)\b/u.exec(after);
  if (keyword?.[1] !== 'stream') return null;
  return { number: header[1] ?? '?', dictionary: opening + after.slice(0, keyword.index) };
}
