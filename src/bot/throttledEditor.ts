import type { Logger } from '../log.js';

/**
 * Edits one message with text that keeps changing (a streaming answer, ingest progress) at most
 * once per `intervalMs`: the latest text wins, edits never overlap, and nothing is edited after
 * `close()` — so the final edit that follows can never be overwritten by a late partial one.
 */
export class ThrottledEditor {
  private chain: Promise<void> = Promise.resolve();
  private lastEditAt = Number.NEGATIVE_INFINITY;
  private pending: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private edits = 0;
  private busy = false;

  constructor(
    private readonly edit: (text: string) => Promise<void>,
    private readonly options: { intervalMs: number; clock: () => number; logger: Logger },
  ) {}

  /** Number of edits made so far. */
  get count(): number {
    return this.edits;
  }

  update(text: string): void {
    if (this.closed) return;
    this.pending = text;
    if (this.timer) return;
    const wait = this.lastEditAt + this.options.intervalMs - this.options.clock();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Stops further edits and waits for the one in flight. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  private flush(): void {
    this.timer = null;
    if (this.closed || this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    this.lastEditAt = this.options.clock();
    this.edits += 1;
    const failed = (error: unknown) => this.options.logger.warn('intermediate edit failed', error);
    // Idle: start now, so a close() right after waits for this edit instead of dropping it. Busy (an
    // edit slower than the interval): queue behind it, and skip it if closed by then.
    const run = this.busy ? this.chain.then(() => (this.closed ? undefined : this.edit(text))) : this.edit(text);
    this.busy = true;
    const chain: Promise<void> = run.catch(failed).finally(() => {
      if (this.chain === chain) this.busy = false;
    });
    this.chain = chain;
  }
}
