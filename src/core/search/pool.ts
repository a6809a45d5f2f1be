/**
 * Things to reuse from one search to the next. Each keystroke's search needs arrays sized to the whole
 * document (a megabyte or so per term); allocating them afresh every time makes V8 run full garbage
 * collections, pauses of up to a hundred milliseconds on a large document.
 */
export class Pool<T> {
  private readonly free: T[] = [];

  constructor(
    private readonly make: () => T,
    private readonly clear: (item: T) => void,
    private readonly keep = 8,
  ) {}

  /** A cleared item: a released one, or a new one. */
  acquire(): T {
    return this.free.pop() ?? this.make();
  }

  /** Clears `item` and keeps it for a later `acquire`; the caller must not use it any more. */
  release(item: T): void {
    if (this.free.length >= this.keep) return;
    this.clear(item);
    this.free.push(item);
  }
}
