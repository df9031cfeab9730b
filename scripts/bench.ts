import { readFile, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { createEmbeddings } from '../ingest/embed/createEmbeddings.js';
import { pdfjsAssetUrls } from '../ingest/extract/pdfjsAssetUrls.js';
import { ingestReports } from '../ingest/ingestReports.js';
import { silentLogger } from '../src/log.js';
import { createTokenizer } from '../src/text/tokenize.js';

/**
 * Ingest benchmark: the whole ingest of a report against bare pdf-parse `getText()` on the same file,
 * both in this one process, alternating, several rounds; medians and their ratio are printed and
 * written to bench-results/. Both sides run warm (modules imported, the segmenter dictionary loaded
 * once, as in a running bot); the one-off dictionary load is printed separately.
 *
 *   npm run bench [-- FILE] [--rounds N]
 */
const args = process.argv.slice(2);
const roundsFlag = args.indexOf('--rounds');
const rounds = roundsFlag >= 0 ? Number(args[roundsFlag + 1]) : 5;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? 'data/reports/hnhgzy-2024-quality-report.pdf';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function bareGetText(): Promise<number> {
  const started = performance.now();
  const parser = new PDFParse({ data: new Uint8Array(await readFile(file)), ...pdfjsAssetUrls() });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
  return performance.now() - started;
}

const dictionaryStarted = performance.now();
const tokenizer = createTokenizer();
tokenizer.tokens('预热');
const dictionaryMs = performance.now() - dictionaryStarted;
const deps = { tokenizer, embedder: createEmbeddings(null, tokenizer), logger: silentLogger, maxBytes: 1024 ** 3 };

const work = await mkdtemp(path.join(tmpdir(), 'bench-'));
const bare: number[] = [];
const ingest: number[] = [];
try {
  await bareGetText(); // first-use costs (pdf.js worker setup, CMaps) on neither side
  for (let round = 0; round < rounds; round += 1) {
    bare.push(await bareGetText());
    const started = performance.now();
    await ingestReports([file], { indexDir: path.join(work, `index-${round}`) }, deps);
    ingest.push(performance.now() - started);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const result = {
  file,
  rounds,
  machine: `${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, node ${process.version}`,
  bareGetTextMedianMs: Math.round(median(bare)),
  ingestMedianMs: Math.round(median(ingest)),
  ratio: Number((median(ingest) / median(bare)).toFixed(2)),
  dictionaryLoadMs: Math.round(dictionaryMs),
};
const table = [
  `ingest benchmark — ${result.machine}`,
  `file: ${file}, ${rounds} rounds, medians`,
  `  bare pdf-parse getText()   ${result.bareGetTextMedianMs} ms`,
  `  full ingest                ${result.ingestMedianMs} ms`,
  `  ratio                      ${result.ratio}×   (target ≤ 1.5×)`,
  `  segmenter dictionary load  ${result.dictionaryLoadMs} ms once per process (not in the ratio)`,
].join('\n');
process.stdout.write(`${table}\n`);
await mkdir('bench-results', { recursive: true });
await writeFile(path.join('bench-results', 'ingest.json'), `${JSON.stringify(result, null, 2)}\n`);
