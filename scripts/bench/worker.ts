import { WorkerJobSchema, type WorkerJob } from './benchSchemas.js';

/**
 * One bench step in its own process (see runWorker.ts): the job as JSON in argv[2], the result as one
 * JSON line on stdout. A fresh process per step keeps one step's memory out of the next one's figures,
 * and each step imports only what it uses (the ask step does not load pdf.js, as a running bot does not).
 */
async function run(job: WorkerJob): Promise<unknown> {
  switch (job.kind) {
    case 'ingest': {
      const { runIngestBench } = await import('./ingestBench.js');
      return runIngestBench(job.file, job.rounds);
    }
    case 'ingestOne': {
      const [{ createEmbeddings }, { ingestReports }, { silentLogger }, { createTokenizer }] = await Promise.all([
        import('../../src/embed/createEmbeddings.js'),
        import('../../ingest/ingestReports.js'),
        import('../../src/log.js'),
        import('../../src/text/tokenize.js'),
      ]);
      const tokenizer = createTokenizer();
      const started = performance.now();
      await ingestReports([job.file], { indexDir: job.indexDir }, { tokenizer, embedder: createEmbeddings(null, tokenizer), logger: silentLogger, maxBytes: 1024 ** 3 });
      return { ms: performance.now() - started };
    }
    case 'build': {
      const [{ createEmbeddings }, { createTokenizer }, { buildScaleIndex }] = await Promise.all([
        import('../../src/embed/createEmbeddings.js'),
        import('../../src/text/tokenize.js'),
        import('./scaleIndex.js'),
      ]);
      const tokenizer = createTokenizer();
      return buildScaleIndex(job.indexDir, { file: job.file, count: job.count, copies: job.copies }, { tokenizer, embedder: createEmbeddings(null, tokenizer) });
    }
    case 'ask': {
      const { loadQuestions, runAskBench } = await import('./askBench.js');
      return runAskBench(job.indexDir, await loadQuestions(job.questions), { rounds: job.rounds, budgetMs: job.budgetMs });
    }
    case 'vectors': {
      const { runVectorBench } = await import('./vectorBench.js');
      return runVectorBench(job.indexDir, job.queries);
    }
    case 'add': {
      const { runAddReportBench } = await import('./addReportBench.js');
      return runAddReportBench(job.indexDir, job.file, job.rounds);
    }
  }
}

const parsed = WorkerJobSchema.safeParse(JSON.parse(process.argv[2] ?? 'null'));
if (!parsed.success) {
  process.stderr.write(`bench worker: bad job: ${parsed.error.issues[0]?.message ?? 'unknown'}\n`);
  process.exit(2);
}
const result = await run(parsed.data);
process.stdout.write(`${JSON.stringify(result)}\n`);
// pdf.js and hnswlib may leave handles open; the step is done.
process.exit(0);
