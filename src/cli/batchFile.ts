import { readFile } from 'node:fs/promises';
import { BatchQuestionSchema, type BatchQuestion } from './contract.js';
import { UsageError } from './args.js';

/** A batch file: one question per line, or one JSON object with the conversation before it. */
export async function readBatch(file: string): Promise<BatchQuestion[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the batch file ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  return lines.map((line, i) => {
    if (!line.trimStart().startsWith('{')) return { question: line };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1} starts with "{" but is not JSON`);
    }
    const parsed = BatchQuestionSchema.safeParse(raw);
    if (!parsed.success) throw new UsageError(`${file}:${i + 1}: expected {"question": "…", "history": [...]}`);
    return parsed.data;
  });
}
