/**
 * A small least-recently-used map (insertion order of a `Map` is the recency order).
 * `set` returns the evicted entries so the owner can release what they hold.
 * @internal
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  /** The value for `key`, marking it most recently used. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** Stores `key` as most recently used; returns the entries pushed out by the capacity. */
  set(key: K, value: V): Array<[K, V]> {
    this.map.delete(key);
    this.map.set(key, value);
    const evicted: Array<[K, V]> = [];
    for (const entry of this.map) {
      if (this.map.size <= this.capacity) break;
      this.map.delete(entry[0]);
      evicted.push(entry);
    }
    return evicted;
  }

  /** Every value, oldest first. */
  values(): IterableIterator<V> {
    return this.map.values();
  }
}
