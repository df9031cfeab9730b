import type { ParsedTable } from '../store/shapes.js';
import type { IngestOutcome } from '../store/shapes.js';
import type { AnswerServiceHolder } from '../answer/answerServiceHolder.js';
import type { AskResult } from '../answer/types.js';
import type { Logger } from '../log.js';
import type { BoundedCache } from './boundedCache.js';
import type { RateLimiter } from './rateLimiter.js';

/** Table and page images as the bot needs them (src/render implements them; tests may pass fakes). */
export interface BotRenderers {
  /** The table as one or more PNG pages, in a CJK font; `sourceLine` is printed under the grid. */
  tablePngs(table: ParsedTable, options?: { sourceLine?: string }): Promise<Buffer[]>;
  /** The table as CSV, the text fallback. */
  tableCsv(table: ParsedTable): string;
  /** One page of a PDF as a PNG; throws a UserFacingError for a page the PDF does not have. */
  pageImage(pdfPath: string, page: number): Promise<Buffer>;
}

/** The re-ingest side as the bot sees it (ReingestService implements it). */
export interface ReingestPort {
  readonly busy: boolean;
  ingest(file: string, onProgress?: (message: string) => void): Promise<IngestOutcome[]>;
}

export interface BotSettings {
  /** Role allowed to /reingest besides Manage Server. */
  adminRoleId: string | undefined;
  /** Largest report attachment /reingest downloads. */
  maxAttachmentBytes: number;
  /**
   * Origins attachment URLs may come from. Discord's CDN always; a test fake's origin when
   * DISCORD_API_BASE points there. Anything else is refused before a byte is fetched.
   */
  attachmentOrigins: string[];
  /** Least time between two edits of a streaming answer or a progress message. */
  editIntervalMs: number;
}

/** What the commands, buttons and message handler are given: services, renderers, settings, clock. */
export interface BotContext {
  holder: AnswerServiceHolder;
  reingest: ReingestPort;
  renderers: BotRenderers;
  logger: Logger;
  settings: BotSettings;
  rateLimiter: RateLimiter;
  /** Answers recently given, by short key, for their buttons (原文, 更多来源). */
  answers: BoundedCache<AskResult>;
  /** Milliseconds, monotonic. */
  clock(): number;
  /** Whether the gateway delivers message content (the privileged intent is on). */
  messageContentEnabled(): boolean;
}
