import { z } from 'zod';
import type { RefusalReason } from '../../src/errors.js';

/**
 * Messages between the robustness runner and its child processes (Node IPC, one file at a time). The
 * runner validates every reply with these schemas: a child reading a hostile file is a boundary.
 */

const REFUSAL_REASONS = [
  'not_found',
  'not_pdf',
  'unsupported_type',
  'encrypted',
  'no_text_layer',
  'empty',
  'too_large',
  'corrupt',
  'timeout',
  'no_year',
] as const satisfies readonly RefusalReason[];

// Fails to compile when src/errors.ts gains a reason this list lacks.
type MissingReason = Exclude<RefusalReason, (typeof REFUSAL_REASONS)[number]>;
const allReasonsListed: MissingReason extends never ? true : false = true;
void allReasonsListed;

export const RefusalReasonSchema = z.enum(REFUSAL_REASONS);

export const OutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    pages: z.number(),
    /** Pages read by OCR (0 when it was off or not needed). */
    ocrPages: z.number().optional(),
    chunks: z.number(),
    tables: z.number(),
    metrics: z.number(),
  }),
  z.object({
    kind: z.literal('refused'),
    reason: RefusalReasonSchema,
    /** What the CLI prints for this refusal (`userMessage`). */
    message: z.string(),
    /** The exception behind the refusal, when there is one (`name: message`). */
    cause: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('error'),
    name: z.string(),
    message: z.string(),
    stack: z.string(),
  }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const ChildReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('result'), id: z.number(), outcome: OutcomeSchema, rssBytes: z.number() }),
  /** An exception nobody awaited (an unhandled rejection, an uncaught throw); the child exits after it. */
  z.object({ type: z.literal('fatal'), name: z.string(), message: z.string(), stack: z.string() }),
]);
export type ChildReply = z.infer<typeof ChildReplySchema>;

/** Runner → child: analyse one file. */
export const AnalyseRequestSchema = z.object({
  type: z.literal('analyse'),
  id: z.number(),
  file: z.string(),
  maxBytes: z.number(),
  /** OCR page budget per file; 0 leaves picture pages unread, as before OCR existed. */
  ocrPages: z.number().int().nonnegative().default(0),
});
export type AnalyseRequest = z.infer<typeof AnalyseRequestSchema>;

export function describeError(error: unknown): { name: string; message: string; stack: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? `${error.name}: ${error.message}` };
  return { name: typeof error, message: String(error), stack: String(error) };
}
