/** Output gathered up to about this many UTF-16 code units before it is handed on. */
export const CHUNK = 64 * 1024;

/** Code units turned into a string at a time (a call takes only so many arguments). */
const SLICE = 4096;

/**
 * The output of a streaming command (`print`, `wrap`, `search`) gathered into chunks of about
 * {@link CHUNK} code units. The pieces are copied into one typed array as they come, not joined with
 * `+=`: a chunk made of a row at a time was a tree of thousands of small strings that outlived the
 * young generation, and a million short lines pushed some 100 MB of such garbage into the old one
 * before it was collected (issue 20's memory budget).
 */
export class Chunks {
  private units = new Uint16Array(CHUNK);
  private size = 0;
  private readonly limit: number;

  constructor(limit = CHUNK) {
    this.limit = limit;
  }

  /** Adds `text`; a chunk when one is full, else undefined. */
  add(text: string): string | undefined {
    const end = this.size + text.length;
    if (end > this.units.length) {
      const grown = new Uint16Array(Math.max(end, this.units.length * 2));
      grown.set(this.units.subarray(0, this.size));
      this.units = grown;
    }
    const units = this.units;
    for (let i = 0, at = this.size; i < text.length; i++, at++) units[at] = text.charCodeAt(i);
    this.size = end;
    return end >= this.limit ? this.take() : undefined;
  }

  /** What is gathered (possibly empty), emptying it. */
  take(): string {
    let text = '';
    for (let at = 0; at < this.size; at += SLICE) {
      text += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(this.size, at + SLICE)) as unknown as number[]);
    }
    this.size = 0;
    // A chunk far larger than usual (one long line) gives its room back.
    if (this.units.length > 2 * this.limit) this.units = new Uint16Array(this.limit);
    return text;
  }
}
