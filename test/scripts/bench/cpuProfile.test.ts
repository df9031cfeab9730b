import { describe, expect, it } from 'vitest';
import { summariseProfile, type CpuProfile } from '../../../scripts/bench/cpuProfile.js';

const root = '/repo';
const frame = (functionName: string, file: string) => ({ functionName, url: file === '' ? '' : `file://${root}/${file}` });

// root → ask (src) → match (src) → (anonymous callback in src) ; root → parse (node_modules)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('ask', 'src/answer/answerService.ts'), children: [3] },
    { id: 3, callFrame: frame('match', 'src/answer/metricMatcher.ts'), children: [4] },
    { id: 4, callFrame: frame('', 'src/answer/metricMatcher.ts'), children: [] },
    { id: 5, callFrame: frame('parse', 'node_modules/zod/index.js'), children: [] },
  ],
  // Five 1 ms samples: two in ask itself, two in the callback under match, one in a dependency.
  samples: [2, 2, 4, 4, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
  startTime: 0,
  endTime: 5000,
};

describe('summariseProfile', () => {
  it('sums inclusive time per project function, best first', () => {
    expect(summariseProfile(profile, root)).toEqual([
      { fn: 'ask (src/answer/answerService.ts)', ms: 4, share: 0.8 },
      { fn: 'match (src/answer/metricMatcher.ts)', ms: 2, share: 0.4 },
      { fn: 'callback in match (src/answer/metricMatcher.ts)', ms: 2, share: 0.4 },
    ]);
  });

  it('leaves out code outside src/ and ingest/', () => {
    expect(summariseProfile(profile, root).some((e) => e.fn.includes('zod'))).toBe(false);
  });

  it('keeps only the first entries when a limit is given', () => {
    expect(summariseProfile(profile, root, 1)).toHaveLength(1);
  });
});
