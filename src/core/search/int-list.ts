/**
 * A growing list of integers in a typed array. Tens of thousands of paragraph numbers collected per
 * keystroke stay out of the JavaScript heap, so young garbage collections do not copy them around.
 */
export class IntList {
  private items = new Int32Array(256);
  size = 0;

  push(value: number): void {
    if (this.size === this.items.length) this.grow();
    this.items[this.size++] = value;
  }

  /** Two values: a range's start and end, kept flat. */
  pushPair(a: number, b: number): void {
    if (this.size + 1 >= this.items.length) this.grow();
    this.items[this.size++] = a;
    this.items[this.size++] = b;
  }

  private grow(): void {
    const bigger = new Int32Array(this.items.length * 2);
    bigger.set(this.items);
    this.items = bigger;
  }

  clear(): void {
    this.size = 0;
  }

  /** The values so far (a view: later pushes may or may not show in it). */
  values(): Int32Array {
    return this.items.subarray(0, this.size);
  }
}
