import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of README.md "Architecture", checked on the code's own imports: a module imports only
 * from its own part or from a layer below. Parts of one layer (ingest | retrieve | render, bot | chat)
 * do not import each other, and `commands/` belongs to the bot's layer but only it imports the bot.
 */
const LAYERS: ReadonlyArray<ReadonlyArray<{ part: string; match: RegExp }>> = [
  [{ part: 'text', match: /^src\/(text\/|errors\.ts|log\.ts|pdf\/)/u }],
  [{ part: 'config', match: /^src\/config\.ts$/u }],
  [{ part: 'embed', match: /^src\/embed\//u }],
  [{ part: 'store', match: /^src\/store\//u }],
  [
    { part: 'ingest', match: /^ingest\//u },
    { part: 'retrieve', match: /^src\/retrieve\//u },
    { part: 'render', match: /^src\/render\//u },
  ],
  [{ part: 'answer', match: /^src\/answer\//u }],
  [
    { part: 'bot', match: /^(src\/bot\/|commands\/)/u },
    { part: 'chat', match: /^src\/chat\//u },
  ],
  [{ part: 'runtime', match: /^src\/runtime\//u }],
  [{ part: 'cli', match: /^src\/cli\//u }],
  [{ part: 'main', match: /^src\/main\.ts$/u }],
];

function place(file: string): { layer: number; part: string } | null {
  for (const [layer, parts] of LAYERS.entries()) {
    for (const { part, match } of parts) if (match.test(file)) return { layer, part };
  }
  return null;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/gu;

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? '')).replace(/\.js$/u, '.ts'));
}

const FILES = ['src', 'ingest', 'commands'].flatMap(sources);

describe('the layers', () => {
  it('places every module of src, ingest and commands in a layer', () => {
    expect(FILES.filter((f) => place(f) === null)).toEqual([]);
  });

  it('has no import that runs upward or sideways between parts of one layer', () => {
    const wrong: string[] = [];
    for (const file of FILES) {
      const from = place(file);
      for (const target of imports(file)) {
        const to = place(target);
        if (!from || !to) continue;
        const upward = to.layer > from.layer;
        const sideways = to.layer === from.layer && to.part !== from.part;
        const intoCommands = target.startsWith('commands/') && !file.startsWith('commands/');
        if (upward || sideways || intoCommands) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps Discord syntax and discord.js out of answering, retrieval and the store', () => {
    const core = FILES.filter((f) => /^src\/(answer|retrieve|store)\//u.test(f));
    const offending = core.filter((f) => /from 'discord\.js'|<@|@everyone/u.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
