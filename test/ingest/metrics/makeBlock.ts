import { normalizeForMatch } from '../../../src/text/normalize.js';
import type { Block, BlockKind, Line } from '../../../src/store/shapes.js';

/** A block as structureDocument would emit it, for text written in the test. */
export function makeBlock(text: string, options: { kind?: BlockKind; section?: string; page?: number; lineStart?: number } = {}): Block {
  const page = options.page ?? 1;
  const lineStart = options.lineStart ?? 0;
  return {
    kind: options.kind ?? 'paragraph',
    text,
    norm: normalizeForMatch(text),
    pageStart: page,
    pageEnd: page,
    section: { id: options.section ?? '1.1', path: [`${options.section ?? '1.1'} 测试`] },
    lineStart,
    lineEnd: lineStart,
  };
}

/** Printed lines and the block joining them, each line on its page. */
export function makeLines(printed: Array<[page: number, text: string]>, section = '2.1'): { lines: Line[]; block: Block } {
  const lines = printed.map(([page, text]) => ({ page, text, norm: normalizeForMatch(text) }));
  const text = lines.map((l) => l.text).join('');
  const block: Block = {
    ...makeBlock(text, { section }),
    pageStart: lines[0]?.page ?? 1,
    pageEnd: lines.at(-1)?.page ?? 1,
    lineStart: 0,
    lineEnd: lines.length - 1,
  };
  return { lines, block };
}
