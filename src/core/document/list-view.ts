/*
Lists that keep numbers and make their items when read
======================================================

Node runs V8 without pointer compression, so the smallest object is 24 bytes of header and every field
8 more: a paragraph that is a line of the source (`LineParagraph`: the source, its offset and length,
section and index) is 64 bytes, and a million one-character lines, a 4 MB file, were 64 MB of them before
a block or a search entry was made for each (issue 20 allows 100 MB + 6× the file for the whole process).
So a text of very many lines keeps each section's paragraphs as two numbers, eight bytes a line, in
one pair of typed arrays for the whole text (each section's list a run of them), and makes a paragraph
object only when one is read; the layout's blocks and the search's list of paragraphs are then views
over those lists too, never a copy of them.

Every reader of a document sees an ordinary read-only array (`Array.isArray` is true; `length`, `[i]`,
`for…of`, `map`, `find`, `at`, JSON): a view is a Proxy over an empty array whose traps answer from the
list's numbers. The items are made afresh on each read, so they compare by their fields, not by identity;
nothing in yuedu keeps a paragraph or block as a key. A Proxy's read costs some 100–200 ns, so views are
used only where objects would cost more than that time is worth: a text of very many lines
(`COMPACT_LINES` in parse.ts); every other document keeps plain arrays.

    lineList(source) ← push(LineParagraph s1p1 at 0, 1), push(s1p2 at 2, 1)
      → offsets [0, 2], lengths [1, 1]; list[1] is a new LineParagraph s1p2 reading source[2, 3)

    concatView([[title], lead, section1, section2])[i]
      → the part holding i found by binary search of where each part starts, then part[i − start]

A list given anything but the next plain line of its source (a speaker's turn, a paragraph with marks)
turns into an ordinary array of objects from then on, so it is never wrong, only no smaller.
*/
import { LineParagraph, TurnParagraph } from './line-paragraph.js';
import type { Paragraph } from './types.js';

/** What a view reads: how many items there are, and item `i` (0 ≤ i < length). */
interface Items<T> {
  readonly length: number;
  item(i: number): T;
  push?(item: T): number;
}

/** Each view's items, for reading them without the Proxy (see {@link reader}). */
const views = new WeakMap<object, Items<unknown>>();

/** Whether `list` is a view made here (its items are made when read, so a pass over it allocates). */
export function isView(list: object): boolean {
  return views.has(list);
}

/**
 * A function reading `list[i]`, for a pass over a list that may be a view. Through the Proxy, V8 hands
 * the trap each index as a string, and keeps the strings it made in its number-to-string cache long
 * enough for them to reach the old generation: a pass over a million items left some 30 MB there to
 * collect. This reads a view's numbers directly.
 */
export function reader<T>(list: readonly T[]): (i: number) => T | undefined {
  const items = views.get(list) as Items<T> | undefined;
  if (!items) return (i) => list[i];
  return (i) => (i >= 0 && i < items.length ? items.item(i) : undefined);
}

/** The array index a property key names, or -1 (`"01"`, `"-1"` and `"1.5"` are no indices). */
function indexOf(key: string | symbol): number {
  if (typeof key !== 'string') return -1;
  const size = key.length;
  if (size === 0 || size > 10) return -1;
  let index = 0;
  for (let k = 0; k < size; k++) {
    const digit = key.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9 || (digit === 0 && k === 0 && size > 1)) return -1;
    index = index * 10 + digit;
  }
  return index;
}

/**
 * A view's Proxy handler: its traps on the prototype, its items a field, so a book's thousands of
 * sections' lists make one small object each rather than a handler of eight closures.
 */
class ViewHandler<T> implements ProxyHandler<T[]> {
  private readonly items: Items<T>;
  /** `push`, for a list that takes items (one bound function, made when first asked for). */
  private pusher: ((...added: T[]) => number) | undefined;

  constructor(items: Items<T>) {
    this.items = items;
  }

  get(target: T[], key: string | symbol, receiver: unknown): unknown {
    const { items } = this;
    const i = indexOf(key);
    if (i >= 0) return i < items.length ? items.item(i) : undefined;
    if (key === 'length') return items.length;
    if (key === 'push' && items.push) {
      return (this.pusher ??= (...added: T[]): number => {
        for (const item of added) items.push!(item);
        return items.length;
      });
    }
    return Reflect.get(target, key, receiver);
  }

  has(target: T[], key: string | symbol): boolean {
    const i = indexOf(key);
    return i >= 0 ? i < this.items.length : Reflect.has(target, key);
  }

  ownKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.items.length; i++) keys.push(String(i));
    keys.push('length');
    return keys;
  }

  getOwnPropertyDescriptor(target: T[], key: string | symbol): PropertyDescriptor | undefined {
    const { items } = this;
    const i = indexOf(key);
    if (i >= 0) return i < items.length ? { value: items.item(i), writable: false, enumerable: true, configurable: true } : undefined;
    if (key === 'length') return { value: items.length, writable: true, enumerable: false, configurable: false };
    return Reflect.getOwnPropertyDescriptor(target, key);
  }

  // Read-only: a write is refused (a TypeError in strict code), never half-applied.
  set(): boolean {
    return false;
  }

  defineProperty(): boolean {
    return false;
  }

  deleteProperty(): boolean {
    return false;
  }
}

function view<T>(items: Items<T>): T[] {
  const proxy = new Proxy<T[]>([], new ViewHandler(items));
  views.set(proxy, items as Items<unknown>);
  return proxy;
}

/**
 * Where a text's lists keep their lines: one pair of arrays for the whole text, sized for as many lines
 * as it has, which the lists fill one after another in reading order (a list per section, each a run
 * of the arrays). Arrays of their own per list, grown by doubling and then trimmed, made some forty
 * megabytes of garbage for the eight that a million lines keep.
 */
class LineStore {
  offsets: Uint32Array;
  lengths: Uint32Array;
  used = 0;
  readonly source: string;

  constructor(source: string, capacity: number) {
    this.source = source;
    this.offsets = new Uint32Array(Math.max(16, capacity));
    this.lengths = new Uint32Array(Math.max(16, capacity));
  }

  /** Room for one more (more lines than the text was said to have: grown, which its maker avoids). */
  reserve(): void {
    if (this.used < this.offsets.length) return;
    this.offsets = grown(this.offsets);
    this.lengths = grown(this.lengths);
  }

  /** Gives back the room of lines that never came, when it is worth a copy. */
  trim(): void {
    if (this.used >= this.offsets.length * 0.9) return;
    this.offsets = this.offsets.slice(0, this.used);
    this.lengths = this.lengths.slice(0, this.used);
  }
}

/** A section's paragraphs as a run of a {@link LineStore} (see the module comment). */
class Lines implements Items<Paragraph> {
  /** Where the run starts in the store, once the first line is pushed. */
  private start = 0;
  private count = 0;
  private section = 0;
  /** Set once a paragraph that is not the next plain line was pushed: the list is then these objects. */
  private objects: Paragraph[] | undefined;
  readonly store: LineStore;

  constructor(store: LineStore) {
    this.store = store;
  }

  get length(): number {
    return this.objects ? this.objects.length : this.count;
  }

  item(i: number): Paragraph {
    if (this.objects) return this.objects[i]!;
    const { store } = this;
    return new LineParagraph(store.source, store.offsets[this.start + i]!, store.lengths[this.start + i]!).placed(this.section, i + 1);
  }

  /** Its lines' numbers, while it holds no objects. */
  spans(): LineSpans | undefined {
    if (this.objects) return undefined;
    const { store } = this;
    return { source: store.source, offsets: store.offsets, lengths: store.lengths, start: this.start, count: this.count };
  }

  /**
   * Pushes the next plain line of the store's source, at `offset` with `length`, as `push` would a
   * {@link LineParagraph} placed in `section` at the next index, without making it.
   */
  pushLine(offset: number, length: number, section: number): void {
    const { store } = this;
    if (this.objects || (this.count > 0 && (section !== this.section || this.start + this.count !== store.used))) {
      this.push(new LineParagraph(store.source, offset, length).placed(section, this.length + 1));
      return;
    }
    store.reserve();
    if (this.count === 0) this.start = store.used;
    store.offsets[store.used] = offset;
    store.lengths[store.used] = length;
    store.used++;
    this.section = section;
    this.count++;
  }

  push(paragraph: Paragraph): number {
    if (!this.objects && this.fits(paragraph)) {
      const line = paragraph as LineParagraph;
      const { store } = this;
      store.reserve();
      if (this.count === 0) this.start = store.used;
      store.offsets[store.used] = line.offset;
      store.lengths[store.used] = line.length;
      store.used++;
      this.section = line.section;
      return ++this.count;
    }
    if (!this.objects) {
      const objects: Paragraph[] = [];
      for (let i = 0; i < this.count; i++) objects.push(this.item(i));
      this.objects = objects;
    }
    return this.objects.push(paragraph);
  }

  /**
   * The next plain line of this source, in this section, where the store's next line goes (another list
   * filled since this one began would be overwritten): all the numbers keep of it.
   */
  private fits(paragraph: Paragraph): boolean {
    return (
      paragraph instanceof LineParagraph &&
      !(paragraph instanceof TurnParagraph) &&
      paragraph.source === this.store.source &&
      paragraph.index === this.count + 1 &&
      (this.count === 0 || (paragraph.section === this.section && this.start + this.count === this.store.used))
    );
  }
}

function grown(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * A maker of empty lists of paragraphs for the text `source` of about `lines` lines, which keep the plain
 * lines pushed onto them as numbers in one store: `push` each paragraph in order (`placed(section,
 * list.length + 1)`), read each list as an array. Fill one list at a time, in reading order.
 */
export function lineLists(source: string, lines: number): () => Paragraph[] {
  const store = new LineStore(source, lines);
  return () => view(new Lines(store));
}

/**
 * For a list of {@link lineLists}, a function that pushes the next line of its source onto it as the
 * paragraph `LineParagraph(source, offset, length).placed(section, list.length + 1)` would be, made only
 * if it must be: a parser's loop over a million lines makes no object and goes through no Proxy trap for
 * each (a fifth of the time it took to place a long book's lines). Undefined for any other list.
 */
export function lineAppender(list: readonly Paragraph[], section: number): ((offset: number, length: number) => void) | undefined {
  const items = views.get(list);
  if (!(items instanceof Lines)) return undefined;
  return (offset, length) => items.pushLine(offset, length, section);
}

/** One such list, of a store of its own (tests, and a list made alone). */
export function lineList(source: string): Paragraph[] {
  return lineLists(source, 16)();
}

/**
 * Ends the pushing onto the lists of {@link lineLists}: the room kept for lines that never came is given
 * back when it is worth a copy. Anything else is left as it is.
 */
export function trimList(list: readonly Paragraph[]): void {
  const items = views.get(list);
  if (items instanceof Lines) items.store.trim();
}

/** `list` with `map` applied to each item as it is read. */
export function mapView<T, U>(list: readonly T[], map: (item: T) => U): U[] {
  const read = reader(list);
  const mapped = view({
    get length() {
      return list.length;
    },
    item: (i) => map(read(i)!),
  });
  mappedFrom.set(mapped, list);
  return mapped;
}

/** The list each {@link mapView} maps. */
const mappedFrom = new WeakMap<object, readonly unknown[]>();
/** The parts of each {@link concatView}. */
const partsOf = new WeakMap<object, readonly (readonly unknown[])[]>();

/** The parts a {@link concatView} joins, in order; undefined for any other list. */
export function viewParts<T>(list: readonly T[]): readonly (readonly T[])[] | undefined {
  return partsOf.get(list) as readonly (readonly T[])[] | undefined;
}

/** Where the lines of a list of {@link lineLists} stand in its source, as kept (item `i` is `offsets[start + i]`, `lengths[start + i]`). */
export interface LineSpans {
  source: string;
  offsets: Uint32Array;
  lengths: Uint32Array;
  start: number;
  count: number;
}

/**
 * The numbers of a list of {@link lineLists} still kept as numbers, or of a {@link mapView} over one (each
 * item then made from its line): for a pass over a long book's lines that needs only where they are, not
 * an object each. Undefined for any other list.
 */
export function lineSpans(list: readonly unknown[]): LineSpans | undefined {
  const items = views.get(mappedFrom.get(list) ?? list);
  return items instanceof Lines ? items.spans() : undefined;
}

/** The lists one after the other, as one list (read as they are when made: add to none afterwards). */
export function concatView<T>(parts: readonly (readonly T[])[]): T[] {
  const reads = parts.map(reader);
  const starts = new Float64Array(parts.length + 1);
  for (let k = 0; k < parts.length; k++) starts[k + 1] = starts[k]! + parts[k]!.length;
  const total = starts[parts.length]!;
  // Reads run forward far more often than they jump: the last part found is tried first.
  let last = 0;
  const partOf = (i: number): number => {
    if (starts[last]! <= i && i < starts[last + 1]!) return last;
    let low = 0;
    let high = parts.length - 1;
    // The last part starting at or before i, past any empty parts that start there too.
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= i) low = middle;
      else high = middle - 1;
    }
    last = low;
    return low;
  };
  const joined = view({
    length: total,
    item(i) {
      const k = partOf(i);
      return reads[k]!(i - starts[k]!)!;
    },
  });
  partsOf.set(joined, parts);
  return joined;
}
