import { readFile, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { IndexFormatError } from './indexFormatError.js';

/**
 * Raw embedding vectors, row after row. The vector file is the source of truth for the vector
 * index: embedding is the expensive step (a paid API, or the whole text once more), while the hnsw
 * graph can be rebuilt from these rows in well under a second per report, combined across reports
 * (graphs cannot be merged), or searched exactly when a filter leaves only a few rows.
 */
export interface VectorSet {
  dimensions: number;
  count: number;
  /** `count * dimensions` floats, row-major. */
  data: Float32Array;
}

// "RAVF" + format version + dimensions + count, all uint32 little-endian; then float32 little-endian rows.
const MAGIC = 0x46564152;
const VERSION = 1;
const HEADER_BYTES = 16;
const LITTLE_ENDIAN_HOST = endianness() === 'LE';

export function encodeVectorFile(set: VectorSet): Uint8Array {
  checkShape(set);
  const bytes = new Uint8Array(HEADER_BYTES + set.data.length * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, set.dimensions, true);
  view.setUint32(12, set.count, true);
  if (LITTLE_ENDIAN_HOST) {
    bytes.set(new Uint8Array(set.data.buffer, set.data.byteOffset, set.data.length * 4), HEADER_BYTES);
  } else {
    for (let i = 0; i < set.data.length; i += 1) view.setFloat32(HEADER_BYTES + i * 4, set.data[i]!, true);
  }
  return bytes;
}

/** Throws `IndexFormatError` unless the bytes are a complete vector file of finite numbers. */
export function decodeVectorFile(bytes: Uint8Array, what = 'vector file'): VectorSet {
  if (bytes.length < HEADER_BYTES) throw new IndexFormatError(what, [`${bytes.length} bytes is shorter than the header`]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFormatError(what, ['not a vector file (bad magic number)']);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new IndexFormatError(what, [`format version ${version}, expected ${VERSION}`]);
  const dimensions = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const expected = HEADER_BYTES + dimensions * count * 4;
  if (dimensions === 0) throw new IndexFormatError(what, ['zero dimensions']);
  if (bytes.length !== expected) {
    throw new IndexFormatError(what, [`${bytes.length} bytes, expected ${expected} for ${count} vectors of ${dimensions} (truncated?)`]);
  }
  // Copy into a fresh buffer: a Float32Array view needs 4-byte alignment the file buffer may not have.
  const data = new Float32Array(dimensions * count);
  if (LITTLE_ENDIAN_HOST) {
    new Uint8Array(data.buffer).set(bytes.subarray(HEADER_BYTES));
  } else {
    for (let i = 0; i < data.length; i += 1) data[i] = view.getFloat32(HEADER_BYTES + i * 4, true);
  }
  for (let i = 0; i < data.length; i += 1) {
    if (!Number.isFinite(data[i]!)) {
      throw new IndexFormatError(what, [`vector ${Math.floor(i / dimensions)} holds a non-finite number`]);
    }
  }
  return { dimensions, count, data };
}

export async function writeVectorFile(file: string, set: VectorSet): Promise<void> {
  await writeFile(file, encodeVectorFile(set));
}

export async function readVectorFile(file: string): Promise<VectorSet> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new IndexFormatError(`vector file ${file}`, [`unreadable (${(error as Error).message})`], { cause: error });
  }
  return decodeVectorFile(bytes, `vector file ${file}`);
}

function checkShape(set: VectorSet): void {
  if (!Number.isInteger(set.dimensions) || set.dimensions <= 0) throw new RangeError(`vector set: bad dimensions ${set.dimensions}`);
  if (set.data.length !== set.dimensions * set.count) {
    throw new RangeError(`vector set: ${set.data.length} floats for ${set.count} vectors of ${set.dimensions}`);
  }
}
