import { describe, expect, it } from 'vitest';
import { ThrottledEditor } from '../../../src/bot/throttledEditor.js';
import { silentLogger } from '../../../src/log.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ThrottledEditor', () => {
  it('edits at once, then at most once per interval with the latest text', async () => {
    const edits: Array<[string, number]> = [];
    const started = performance.now();
    const editor = new ThrottledEditor(async (text) => void edits.push([text, performance.now() - started]), { intervalMs: 200, clock: () => performance.now(), logger: silentLogger });
    editor.update('a');
    editor.update('ab');
    editor.update('abc');
    await sleep(300);
    await editor.close();
    expect(edits.map(([t]) => t)).toEqual(['a', 'abc']);
    expect((edits[1]?.[1] ?? 0) - (edits[0]?.[1] ?? 0)).toBeGreaterThanOrEqual(190);
  });

  it('makes no edit after close, so a final edit cannot be overwritten', async () => {
    const edits: string[] = [];
    const editor = new ThrottledEditor(async (text) => void edits.push(text), { intervalMs: 100, clock: () => performance.now(), logger: silentLogger });
    editor.update('first');
    editor.update('pending');
    await editor.close();
    editor.update('late');
    await sleep(150);
    expect(edits).toEqual(['first']);
  });

  it('waits for the edit in flight on close and survives a failing edit', async () => {
    let finished = false;
    const editor = new ThrottledEditor(
      async () => {
        await sleep(50);
        finished = true;
        throw new Error('429');
      },
      { intervalMs: 100, clock: () => performance.now(), logger: silentLogger },
    );
    editor.update('x');
    await editor.close();
    expect(finished).toBe(true);
  });
});
