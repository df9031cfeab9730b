import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/bot/rateLimiter.js';

describe('RateLimiter', () => {
  it('allows the per-minute number in a burst, then refuses with the wait until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i += 1) expect(limiter.take('u1')).toEqual({ allowed: true });
    expect(limiter.take('u1')).toEqual({ allowed: false, retryAfterMs: 10_000 });
    now = 10_000;
    expect(limiter.take('u1')).toEqual({ allowed: true });
  });

  it('keeps users apart', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never holds more than the burst, however long a user was idle', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    now = 3_600_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((d) => d.allowed)).toEqual([true, true, false]);
  });
});
