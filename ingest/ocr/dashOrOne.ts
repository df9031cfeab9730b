/**
 * The recogniser reads a full-width dash between CJK characters (`装备大类－智能装备类`) as the numeral
 * 一, the two being one horizontal bar; it is sure of it (p 0.8–0.99), so no second choice helps. They
 * differ in length: CJK fonts draw 一 across nearly the whole character cell, a dash shorter. So the
 * bar is measured on the line image where 一 was read, against the line's em (its width over its count
 * of ems): measured on a scanned report, dashes spanned 0.64–0.73 em and the numeral 0.82–0.91.
 */

/** A bar shorter than this share of an em is a dash, not the numeral. */
const NUMERAL_MIN_EMS = 0.77;
/** The line's box reaches past its text by about this many ems in all (the detector's margins). */
const BOX_MARGIN_EMS = 0.6;
/** Pixels this dark (−1 black … 1 white) are ink. */
const INK = -0.2;
/** Ink gaps this wide (pixels) still belong to one bar (resampling blurs a thin stroke). */
const GAP = 2;

/**
 * The text with each 一 whose bar is short replaced by the full-width dash `－`. `plane` is one
 * channel of the line image the recogniser read, `width` × `height`, normalised −1…1; `steps[i]` is
 * the time step character i was read at, out of `stepCount` spread evenly over the width.
 */
export function dashesReadAsOne(text: string, steps: readonly number[], stepCount: number, plane: Float32Array, width: number, height: number, lineEms: number): string {
  if (!text.includes('一') || stepCount === 0 || lineEms <= 0) return text;
  const em = width / (lineEms + BOX_MARGIN_EMS);
  const at = (x: number, y: number) => (x < 0 || x >= width || y < 0 || y >= height ? 1 : (plane[y * width + x] ?? 1));
  return [...text]
    .map((char, i) => {
      if (char !== '一') return char;
      const centre = Math.round((((steps[i] ?? 0) + 0.5) * width) / stepCount);
      // The bar's row: the darkest near the centre, in the middle three quarters of the line's height.
      let row = Math.floor(height / 2);
      let darkest = Infinity;
      for (let y = Math.floor(height / 8); y < Math.ceil((7 * height) / 8); y += 1) {
        const value = Math.min(at(centre - 1, y), at(centre, y), at(centre + 1, y));
        if (value < darkest) {
          darkest = value;
          row = y;
        }
      }
      if (darkest >= INK) return char;
      const ink = (x: number) => Math.min(at(x, row - 1), at(x, row), at(x, row + 1)) < INK;
      const reaches = (from: number, step: number) => {
        let x = from;
        for (;;) {
          let next = -1;
          for (let d = 1; d <= GAP + 1; d += 1) if (ink(x + step * d)) { next = x + step * d; break; }
          if (next === -1) return x;
          x = next;
        }
      };
      const length = reaches(centre, 1) - reaches(centre, -1) + 1;
      return length < NUMERAL_MIN_EMS * em ? '－' : char;
    })
    .join('');
}
