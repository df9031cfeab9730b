import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { ProfileEntry } from './benchSchemas.js';

export type { ProfileEntry };

/**
 * Where time goes, from V8's sampling profiler (node:inspector) in this process: inclusive time per
 * function of the project's own code (src/, ingest/), so a slow step is named by function rather than
 * guessed. Names come from the call frames; tsx strips line numbers, so functions are named by
 * name and file.
 */


interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

const PROJECT_DIRS = ['src', 'ingest'];

function projectFile(url: string, root: string): string | null {
  if (!url.startsWith('file://')) return null;
  let file: string;
  try {
    file = path.relative(root, new URL(url).pathname);
  } catch {
    return null;
  }
  return PROJECT_DIRS.some((dir) => file.startsWith(`${dir}/`)) ? file : null;
}

/**
 * Inclusive time per project function, best first. A function on the stack twice (recursion) counts
 * once per sample. Pure: takes a V8 `Profiler.Profile`.
 */
export function summariseProfile(profile: CpuProfile, root: string, limit = 10): ProfileEntry[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Project frames by name; an anonymous one (a callback) by the named project function it runs in.
  const label = new Map<number, string | null>();
  const labelOf = (id: number): string | null => {
    const known = label.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const file = node ? projectFile(node.callFrame.url, root) : null;
    let name: string | null = null;
    if (node && file !== null) {
      if (node.callFrame.functionName) name = `${node.callFrame.functionName} (${file})`;
      else {
        let owner: string | null = null;
        for (let up = parent.get(id); up !== undefined && owner === null; up = parent.get(up)) {
          const frame = byId.get(up)?.callFrame;
          if (frame?.functionName && projectFile(frame.url, root) !== null) owner = frame.functionName;
        }
        name = `callback in ${owner ?? '(top level)'} (${file})`;
      }
    }
    label.set(id, name);
    return name;
  };
  const inclusive = new Map<string, number>();
  // Depth of a frame on the stack: equal times list the caller before the callee.
  const depth = new Map<string, number>();
  const nodeDepth = new Map<number, number>();
  const depthOf = (id: number): number => {
    let d = nodeDepth.get(id);
    if (d === undefined) {
      const up = parent.get(id);
      d = up === undefined ? 0 : depthOf(up) + 1;
      nodeDepth.set(id, d);
    }
    return d;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const name = labelOf(id);
      if (name && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
        depth.set(name, Math.min(depth.get(name) ?? Number.POSITIVE_INFINITY, depthOf(id)));
      }
      if (!byId.has(id)) break;
    }
  }
  const total = Math.max(1e-9, (profile.endTime - profile.startTime) / 1000);
  return [...inclusive]
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 1000 }))
    .sort((a, b) => b.ms - a.ms || (depth.get(a.fn) ?? 0) - (depth.get(b.fn) ?? 0))
    .slice(0, limit);
}

/** Runs `fn` under the sampling profiler and returns its result with the summary. */
export async function profiled<T>(fn: () => Promise<T>, options: { root?: string; limit?: number } = {}): Promise<{ result: T; profile: ProfileEntry[] }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    const result = await fn();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile: summariseProfile(profile, options.root ?? process.cwd(), options.limit) };
  } finally {
    session.disconnect();
  }
}
