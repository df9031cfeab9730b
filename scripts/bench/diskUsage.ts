import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DiskUsage } from './benchSchemas.js';

/** `du` of a folder: every file under it, each inode counted once. */
export async function diskUsage(dir: string): Promise<DiskUsage> {
  const seen = new Set<string>();
  const usage: DiskUsage = { bytes: 0, apparentBytes: 0, files: 0, byName: {} };
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      const info = await lstat(full);
      const inode = `${info.dev}:${info.ino}`;
      if (seen.has(inode)) continue;
      seen.add(inode);
      usage.files += 1;
      usage.bytes += info.blocks * 512;
      usage.apparentBytes += info.size;
      usage.byName[entry.name] = (usage.byName[entry.name] ?? 0) + info.size;
    }
  };
  await walk(dir);
  return usage;
}
