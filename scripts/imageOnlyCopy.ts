import { readFile, writeFile } from 'node:fs/promises';
import { imageOnlyCopy } from './ocr/imageOnlyCopy.js';

/** `tsx scripts/imageOnlyCopy.ts IN.pdf OUT.pdf [FIRST-LAST]`: a scanner-like, image-only copy of a PDF. */
const [input, output, range] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: tsx scripts/imageOnlyCopy.ts IN.pdf OUT.pdf [FIRST-LAST]\n');
  process.exit(2);
}
const match = range?.match(/^(\d+)-(\d+)$/u);
const pages = match ? Array.from({ length: Number(match[2]) - Number(match[1]) + 1 }, (_, i) => Number(match[1]) + i) : undefined;
await writeFile(output, await imageOnlyCopy(await readFile(input), pages ? { pages } : {}));
process.stderr.write(`wrote ${output}\n`);
