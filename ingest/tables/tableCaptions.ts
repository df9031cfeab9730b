import type { Block, SectionRef } from '../../src/store/shapes.js';
import { tableCaption } from '../structure/lineShapes.js';

/** A table caption with the blocks that the structure stage put under it. */
export interface TableCaption {
  /** "表 1-1", as the structure stage labelled the caption's section. */
  id: string;
  title: string;
  page: number;
  section: SectionRef;
  /** Index of the caption line in `CleanDocument.lines`. */
  line: number;
  /** The printed rows as text lines; null when the caption is followed by no text (an image table). */
  body: Block | null;
  sourceNote: Block | null;
}

/**
 * Captions in document order. The structure stage closes a table body only at a source note or at the
 * next structural line, so a note belongs to a table only when it comes right after the caption or body.
 */
export function tableCaptions(blocks: Block[]): TableCaption[] {
  const captions: TableCaption[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'table_caption') return;
    let body: Block | null = null;
    let sourceNote: Block | null = null;
    let next = blocks[index + 1];
    if (next?.kind === 'table_body') {
      body = next;
      next = blocks[index + 2];
    }
    if (next?.kind === 'source_note') sourceNote = next;
    captions.push({
      id: block.section.id,
      title: tableCaption(block.text)?.title ?? block.text,
      page: block.pageStart,
      section: block.section,
      line: block.lineStart,
      body,
      sourceNote,
    });
  });
  return captions;
}
