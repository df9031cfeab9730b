import { randomBytes } from 'node:crypto';

/**
 * A small least-recently-used map with a fixed capacity: button custom ids carry a short key into
 * it, and memory stays bounded however long the bot runs. An evicted key simply misses.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Stores the value under a fresh 8-character key and returns the key. */
  add(value: V): string {
    let key = randomBytes(4).toString('hex');
    while (this.entries.has(key)) key = randomBytes(4).toString('hex');
    this.set(key, value);
    return key;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
}
