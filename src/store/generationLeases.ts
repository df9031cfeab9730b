import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from './processAlive.js';

/**
 * Which index generations running readers still use. A reader (the bot, a CLI call) loads a
 * generation into memory but may still open files in it later (a report's PDF for a page image), so
 * the writer removes an old generation only when no live process holds a lease on it. A lease is a
 * file named after the generation and the reader's pid; a reader that dies leaves a lease no live
 * process holds, which counts for nothing and is removed at the next prune.
 *
 *   <indexDir>/readers/<generation>.<pid>.<random>
 */

const READERS = 'readers';
const LEASE = /^(gen-[0-9a-z-]+)\.(\d+)\.[0-9a-f]+$/;

export interface GenerationLease {
  readonly generation: string;
  release(): Promise<void>;
}

/**
 * Takes a lease on `generation` for this process. An index folder this process cannot write to (a
 * read-only mount) still loads: the lease is then a no-op, and old generations are kept by default.
 */
export async function takeLease(indexDir: string, generation: string): Promise<GenerationLease> {
  const file = path.join(indexDir, READERS, `${generation}.${process.pid}.${randomBytes(3).toString('hex')}`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '');
  } catch {
    return { generation, release: async () => {} };
  }
  let released = false;
  return {
    generation,
    async release() {
      if (released) return;
      released = true;
      await rm(file, { force: true });
    },
  };
}

/** Generations some live process holds a lease on; leases of dead processes are removed on the way. */
export async function leasedGenerations(indexDir: string): Promise<Set<string>> {
  const dir = path.join(indexDir, READERS);
  const entries = await readdir(dir).catch(() => [] as string[]);
  const leased = new Set<string>();
  for (const entry of entries) {
    const match = LEASE.exec(entry);
    if (!match) continue;
    const [, generation = '', pid = ''] = match;
    if (processAlive(Number(pid))) leased.add(generation);
    else await rm(path.join(dir, entry), { force: true });
  }
  return leased;
}
