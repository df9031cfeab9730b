import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';

/**
 * The floor of any ingest as a whole process: start node, load pdf-parse, read the PDF's text with a
 * bare `getText()`, exit. Nothing else is imported, so the process comparison is fair to the floor.
 */
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bareGetTextProcess.js FILE\n');
  process.exit(2);
}
const parser = new PDFParse({ data: new Uint8Array(await readFile(file)), ...pdfjsAssetUrls() });
try {
  await parser.getText();
} finally {
  await parser.destroy();
}
