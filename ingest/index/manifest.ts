import { z } from 'zod';

/** What an index folder holds; validated on every load so a damaged or foreign folder fails clearly. */
export const INDEX_FORMAT_VERSION = 1;

export const ReportMetaSchema = z.object({
  id: z.string().min(1),
  year: z.number().int(),
  title: z.string(),
  sourceFile: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['pdf', 'text']),
  pages: z.number().int().nonnegative(),
  ingestedAt: z.string(),
  /** Folder name under the generation's reports/ (ids may hold characters unfit for paths). */
  dir: z.string().regex(/^[A-Za-z0-9._-]+$/),
  counts: z.object({
    chunks: z.number().int().nonnegative(),
    tables: z.number().int().nonnegative(),
    metrics: z.number().int().nonnegative(),
  }),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

export const EmbedderInfoSchema = z.object({ id: z.string().min(1), dimensions: z.number().int().positive() });
export type EmbedderInfo = z.infer<typeof EmbedderInfoSchema>;

export const ManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  createdAt: z.string(),
  embedder: EmbedderInfoSchema,
  reports: z.array(ReportMetaSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
