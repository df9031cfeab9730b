import type { AnswerService } from './answerService.js';

/**
 * The live answer service, swappable while the bot runs. A question takes the service current when
 * it starts and finishes on it, so an answer comes wholly from the old index or wholly from the new
 * one; a re-ingest builds the new service completely before `swap` makes it current.
 */
export class AnswerServiceHolder {
  private service: AnswerService;
  private generation = 1;

  constructor(initial: AnswerService) {
    this.service = initial;
  }

  current(): AnswerService {
    return this.service;
  }

  /** Increases on every swap: callers can cache per generation (autocomplete lists, rendered tables). */
  get version(): number {
    return this.generation;
  }

  swap(next: AnswerService): void {
    this.service = next;
    this.generation += 1;
  }
}
