import type { IngestOutcome } from '../store/shapes.js';
import type { AnswerServiceHolder } from '../answer/answerServiceHolder.js';
import { ingestInChild } from './isolatedIngest.js';
import { pruneOldGenerations } from '../store/indexStore.js';
import { loadAnswerService, type Runtime } from './runtime.js';

/** How a re-ingest runs: by default in a bounded child process (src/runtime/isolatedIngest.ts). */
export type IngestRunner = (file: string, indexDir: string, onProgress: (message: string) => void) => Promise<IngestOutcome[]>;

/**
 * Re-ingest while answering: the new index generation is built beside the live one (the ingest lock
 * makes a second request wait), then a new answer service is loaded and swapped in. Questions asked
 * meanwhile are answered by the old service; a refused file leaves everything as it was.
 */
export class ReingestService {
  private running: Promise<IngestOutcome[]> | null = null;

  private readonly run: IngestRunner;

  constructor(
    private readonly runtime: Runtime,
    private readonly indexDir: string,
    private readonly holder: AnswerServiceHolder,
    run?: IngestRunner,
  ) {
    this.run = run ?? ((file, indexDir, onProgress) => ingestInChild(file, { indexDir, config: runtime.config, onProgress }));
  }

  get busy(): boolean {
    return this.running !== null;
  }

  async ingest(file: string, onProgress: (message: string) => void = () => {}): Promise<IngestOutcome[]> {
    const run = (async () => {
      const outcomes = await this.run(file, this.indexDir, onProgress);
      if (outcomes.some((o) => o.status !== 'unchanged')) {
        onProgress('loading the new index');
        const previous = this.holder.current();
        this.holder.swap(await loadAnswerService(this.runtime, this.indexDir));
        // Questions still running on the old service read it from memory; its files may go now.
        await previous.index.lease.release();
        await pruneOldGenerations(this.indexDir).catch((error: unknown) => this.runtime.logger.warn('removing the old index generation failed', error));
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
