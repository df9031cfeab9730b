import { z } from 'zod';
import { ReportMetaSchema } from './shapes.js';

/** What an index folder holds; validated on every load so a damaged or foreign folder fails clearly. */
export const INDEX_FORMAT_VERSION = 1;

export const EmbedderInfoSchema = z.object({ id: z.string().min(1), dimensions: z.number().int().positive() });
export type EmbedderInfo = z.infer<typeof EmbedderInfoSchema>;

export const ManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  createdAt: z.string(),
  embedder: EmbedderInfoSchema,
  reports: z.array(ReportMetaSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
