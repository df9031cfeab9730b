import { describe, expect, it } from 'vitest';
import { refersBack } from '../../../ingest/structure/headingShapes.js';

describe('a clause about the text above is no title', () => {
  it('reads a demonstrative followed by its verb as a clause', () => {
    expect(['THIS CONCLUDES THE QUILL REPORT', 'This is stated after charging:', 'These ember credits will only be used if:', 'That means the lantern fund'].map(refersBack)).toEqual([true, true, true, true]);
  });

  it('leaves titles whose demonstrative is followed by a noun, and titles with no demonstrative', () => {
    expect(['This Year in Review', "This Year's Quill Highlights", 'This Business', 'These Quill Statements', 'We May Not Be Able to Respond to Changes', 'Quill report', '本报告到此结束'].map(refersBack)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });
});
