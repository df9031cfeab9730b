import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiled } from '../fixtures/compiled.js';
import { commandsFolder, loadCommands } from '../../src/bot/loadCommands.js';

const commands = await loadCommands(commandsFolder(new URL('../../src/main.ts', import.meta.url).href));
import { registerCommands } from '../../src/bot/registerCommands.js';
import { loadConfig } from '../../src/config.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(() => fake?.close());

interface OptionJson {
  name: string;
  type: number;
  required?: boolean;
  autocomplete?: boolean;
  name_localizations?: Record<string, string>;
}

describe('command definitions', () => {
  it('defines /ask question, /metric name, /table id, /reports, /reingest file and /help, each with zh-CN names and descriptions', () => {
    const json = commands.map((c) => c.data.toJSON());
    expect(json.map((c) => [c.name, (c.options as OptionJson[] | undefined)?.map((o) => o.name) ?? []])).toEqual([
      ['ask', ['question']],
      ['help', []],
      ['metric', ['name']],
      ['reingest', ['file']],
      ['reports', []],
      ['table', ['id']],
    ]);
    for (const c of json) {
      expect(c.name_localizations?.['zh-CN'], c.name).toMatch(/^\p{Script=Han}+$/u);
      expect(c.description_localizations?.['zh-CN'], c.name).toBeTruthy();
      for (const o of (c.options ?? []) as OptionJson[]) expect(o.name_localizations?.['zh-CN'], `${c.name} ${o.name}`).toBeTruthy();
    }
    const option = (name: string) => (json.find((c) => c.name === name)?.options?.[0] ?? {}) as OptionJson;
    expect(option('metric')).toMatchObject({ type: 3, required: true, autocomplete: true });
    expect(option('table')).toMatchObject({ type: 3, required: true, autocomplete: true });
    expect(option('reingest')).toMatchObject({ type: 11, required: true });
    expect(option('ask')).toMatchObject({ type: 3, required: true });
  });
});

describe('npm run deploy-commands', () => {
  it('registers the commands in the guild when DISCORD_GUILD_ID is set', async () => {
    const code = await new Promise<number | null>((resolve) => {
      const proc = spawn(process.execPath, [compiled('scripts/deployCommands.ts')], {
        env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_BASE: fake.apiBase },
        stdio: 'ignore',
      });
      proc.once('exit', resolve);
    });
    expect(code).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT' && r.path === `/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect((put?.json as Array<{ name: string }>).map((c) => c.name)).toEqual(['ask', 'help', 'metric', 'reingest', 'reports', 'table']);
    expect(put?.headers.authorization).toBe(`Bot ${fake.token}`);
  }, 30_000);

  it('registers them globally without DISCORD_GUILD_ID', async () => {
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_BASE: fake.apiBase });
    const result = await registerCommands(config, commands);
    expect(result).toEqual({ scope: 'global', names: ['ask', 'help', 'metric', 'reingest', 'reports', 'table'] });
    expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${fake.appId}/commands`)).toBe(true);
  });

  it('names the missing keys when the token or app id is absent', async () => {
    await expect(registerCommands(loadConfig({ DISCORD_TOKEN: fake.token }), commands)).rejects.toMatchObject({ userMessage: 'Registering commands needs DISCORD_APP_ID.' });
  });
});
