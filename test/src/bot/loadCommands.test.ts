import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands } from '../../../src/bot/loadCommands.js';

const COMMAND = (name: string) => `export default { data: { name: '${name}', toJSON: () => ({ name: '${name}' }) }, execute: async () => {} };\n`;

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function folder(files: Record<string, string>): Promise<URL> {
  dir = await mkdtemp(path.join(tmpdir(), 'commands-'));
  await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return pathToFileURL(`${dir}/`);
}

describe('loadCommands', () => {
  it('loads every command module of the folder, by name, and skips other files', async () => {
    const commands = await loadCommands(await folder({ 'zeta.js': COMMAND('zeta'), 'alpha.js': COMMAND('alpha'), 'notes.txt': 'x', 'alpha.js.map': '{}' }));
    expect(commands.map((c) => c.data.name)).toEqual(['alpha', 'zeta']);
  });

  it('refuses a module whose default export is not a command, naming the file', async () => {
    const url = await folder({ 'ok.js': COMMAND('ok'), 'broken.js': 'export default { data: { name: "x" } };\n' });
    await expect(loadCommands(url)).rejects.toThrow(CommandLoadError);
    await expect(loadCommands(url)).rejects.toThrow(/broken\.js.*not \{ data, execute \}/u);
  });

  it('refuses two commands with one name', async () => {
    await expect(loadCommands(await folder({ 'a.js': COMMAND('same'), 'b.js': COMMAND('same') }))).rejects.toThrow(/second command named \/same/u);
  });
});
