/**
 * A Fenwick (binary indexed) tree of non-negative counts: prefix sums and point updates in O(log n).
 * The flow keeps one row count per block in it, so a row number can be answered while most blocks
 * are still estimates and each block laid out later corrects its own count.
 */
export class Fenwick {
  /**
   * Four bytes a node, not eight: a million one-line paragraphs are a million blocks. A count going down
   * wraps around in unsigned arithmetic and comes back right, since every true sum is a whole number
   * of rows between 0 and 2³² (a text is at most 64 MiB).
   */
  private readonly tree: Uint32Array;

  /** Builds the tree from `values` in O(n). */
  constructor(values: ArrayLike<number>) {
    const n = values.length;
    this.tree = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) this.tree[i + 1] = values[i] ?? 0;
    for (let i = 1; i <= n; i++) {
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent] = (this.tree[parent] ?? 0) + (this.tree[i] ?? 0);
    }
  }

  /** A copy, to be changed apart from this one. */
  clone(): Fenwick {
    const copy = Object.create(Fenwick.prototype) as { tree: Uint32Array };
    copy.tree = this.tree.slice();
    return copy as unknown as Fenwick;
  }

  /** Adds `delta` to the value at `index`. */
  add(index: number, delta: number): void {
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i] = (this.tree[i] ?? 0) + delta;
  }

  /**
   * The value at `index`: the node's own sum less its children's, on average a step or two, so the
   * flow keeps no array of its blocks' rows beside the tree (four bytes a block).
   */
  get(index: number): number {
    const node = index + 1;
    let value = this.tree[node] ?? 0;
    const stop = node - (node & -node);
    for (let i = node - 1; i > stop; i -= i & -i) value -= this.tree[i] ?? 0;
    return value >>> 0;
  }

  /** Sum of the values before `index` (exclusive). */
  prefix(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.tree.length - 1); i > 0; i -= i & -i) sum += this.tree[i] ?? 0;
    return sum;
  }
}
