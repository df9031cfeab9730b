import type { RgbaImage } from './paddleOcr.js';

/**
 * Whether a picture on a text page can hold print: ink on paper. Text set on a page, a table pasted as
 * a picture, a scanned insert and a chart's labels all leave most of their area in one or two flat
 * tones (the paper, and a tint behind header or alternate rows) and some of it in a tone far from the
 * paper's (the ink). A photo spreads its pixels over many tones, and a flat panel has no ink. Either
 * is drawn but not recognised: recognition is the costly step, and a photo's few unsure words are
 * dropped afterwards anyway (readPdf keeps a picture's text only when it reads as text).
 *
 * Tones are counted coarsely, 16 levels a channel, so the scatter of a scan's or a JPEG's paper stays
 * one tone.
 */

/** The two most common tones cover at least this share of a picture that holds print. */
const PAPER_SHARE = 0.5;
/** A pixel this far (of 255) in lightness from the commonest tone is ink… */
const INK_CONTRAST = 64;
/** …and ink covers at least this share of a picture that holds print (one short line on a wide strip). */
const MIN_INK_SHARE = 0.005;

const LEVELS = 16;

export function holdsPrint(image: RgbaImage): boolean {
  const pixels = image.width * image.height;
  if (pixels === 0) return false;
  const counts = new Uint32Array(LEVELS * LEVELS * LEVELS);
  const { data } = image;
  for (let i = 0; i < pixels * 4; i += 4) {
    const key = tone(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  let first = 0;
  let second = 0;
  let paper = 0;
  for (let key = 0; key < counts.length; key += 1) {
    const count = counts[key] ?? 0;
    if (count > first) {
      second = first;
      first = count;
      paper = key;
    } else if (count > second) second = count;
  }
  if (first + second < PAPER_SHARE * pixels) return false;
  const paperLightness = lightness(...toneCentre(paper));
  let ink = 0;
  for (let i = 0; i < pixels * 4; i += 4) {
    if (Math.abs(lightness(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0) - paperLightness) >= INK_CONTRAST) ink += 1;
  }
  return ink >= MIN_INK_SHARE * pixels;
}

function tone(r: number, g: number, b: number): number {
  const step = 256 / LEVELS;
  return (Math.floor(r / step) * LEVELS + Math.floor(g / step)) * LEVELS + Math.floor(b / step);
}

function toneCentre(key: number): [number, number, number] {
  const step = 256 / LEVELS;
  const b = key % LEVELS;
  const g = Math.floor(key / LEVELS) % LEVELS;
  const r = Math.floor(key / (LEVELS * LEVELS));
  return [(r + 0.5) * step, (g + 0.5) * step, (b + 0.5) * step];
}

/** Rec. 601 luma: how light a colour looks, 0–255. */
function lightness(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}
