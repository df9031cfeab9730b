import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

describe('loadConfig', () => {
  it('runs offline with defaults when no key is set', () => {
    const config = loadConfig({});
    expect([config.indexDir, config.maxReportBytes, config.openai, config.discord.token]).toEqual(['data/index', 100 * 1024 * 1024, null, undefined]);
  });

  it('switches model mode on with only a base URL, for local OpenAI-compatible servers', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_TIMEOUT_MS: '1500' });
    expect(config.openai).toEqual({
      apiKey: 'not-needed',
      baseURL: 'http://127.0.0.1:11434/v1',
      embeddingModel: 'text-embedding-3-small',
      chatModel: 'gpt-4o-mini',
      timeoutMs: 1500,
    });
  });

  it('reads the OCR page budget, threads and per-page limit, with 0 pages switching OCR off', () => {
    expect(loadConfig({}).ocr).toEqual({ maxPages: 200, threads: 2, pageTimeoutMs: 60_000 });
    expect(loadConfig({ MAX_OCR_PAGES: '0', OCR_THREADS: '1', OCR_PAGE_TIMEOUT_S: '2.5' }).ocr).toEqual({ maxPages: 0, threads: 1, pageTimeoutMs: 2500 });
    expect(() => loadConfig({ OCR_THREADS: '0' })).toThrow(ConfigError);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '', DISCORD_TOKEN: '  ' }).openai).toBeNull();
  });

  it('names every bad key in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ MAX_REPORT_MB: 'lots', OPENAI_BASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['MAX_REPORT_MB', 'LOG_LEVEL', 'OPENAI_BASE_URL']);
  });
});
