/**
 * Greedy CTC decoding of a text recogniser's output: for each time step the most likely class; runs of
 * one class collapse to one character and class 0 (the blank) separates repeats. Classes 1..n are the
 * dictionary's characters in order and class n + 1 is a space. Confidence is the mean probability of
 * the characters kept (0 for an empty result). Every character of `text` is one code point (the
 * dictionary's entries are), so `steps[i]` belongs to `[...text][i]`.
 */
export interface Decoded {
  text: string;
  confidence: number;
  /** Per character kept, the time step it was read at (steps map evenly onto the line's width). */
  steps: number[];
}

export function ctcDecode(scores: Float32Array, offset: number, steps: number, classes: number, dictionary: readonly string[]): Decoded {
  let text = '';
  let previous = 0;
  let sum = 0;
  let kept = 0;
  const at: number[] = [];
  for (let step = 0; step < steps; step += 1) {
    const base = offset + step * classes;
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c += 1) {
      const score = scores[base + c] ?? -Infinity;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? ' ';
      at.push(step);
      sum += bestScore;
      kept += 1;
    }
    previous = best;
  }
  return { text, confidence: kept === 0 ? 0 : sum / kept, steps: at };
}
