import { ingestReports, type IngestOutcome } from '../ingest/ingestReports.js';
import type { AnswerServiceHolder } from './answer/answerServiceHolder.js';
import { loadAnswerService, type Runtime } from './runtime.js';

/**
 * Re-ingest while answering: the new index generation is built beside the live one (the ingest lock
 * makes a second request wait), then a new answer service is loaded and swapped in. Questions asked
 * meanwhile are answered by the old service; a refused file leaves everything as it was.
 */
export class ReingestService {
  private running: Promise<IngestOutcome[]> | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly indexDir: string,
    private readonly holder: AnswerServiceHolder,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  async ingest(file: string, onProgress: (message: string) => void = () => {}): Promise<IngestOutcome[]> {
    const run = (async () => {
      const outcomes = await ingestReports([file], { indexDir: this.indexDir, lockWaitMs: 120_000, onProgress }, {
        tokenizer: this.runtime.tokenizer,
        embedder: this.runtime.embedder,
        logger: this.runtime.logger,
        maxBytes: this.runtime.config.maxReportBytes,
      });
      if (outcomes.some((o) => o.status !== 'unchanged')) {
        onProgress('loading the new index');
        this.holder.swap(await loadAnswerService(this.runtime, this.indexDir));
      }
      return outcomes;
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }
}
