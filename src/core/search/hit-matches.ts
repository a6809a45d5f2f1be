/**
 * A hit's matches read a few at a time. A paragraph of millions of characters may hold hundreds of
 * thousands of matches (`字` in a 10 MB line has 333,333): made into `[start, end]` arrays they took
 * ~30 MB, and every frame looked through all of them for the few rows on screen. These read the
 * engine's flat offsets (`SearchHit.matchOffsets`) and find what a row or a snippet shows by binary
 * search.
 */
import type { Range, SearchHit } from './types.js';

/** The hit's matches flat, `[start, end, start, end, …]`: the engine's own, else made from `matches`. */
export function offsetsOf(hit: SearchHit): Int32Array {
  return hit.matchOffsets ?? Int32Array.from(hit.matches.flat());
}

/** Where the hit's first match starts, or 0 (a heading hit may have none). */
export function firstMatchStart(hit: SearchHit): number {
  return offsetsOf(hit)[0] ?? 0;
}

/** The hit's matches that overlap `[from, to)`, whole (sorted and apart, as `matches` are). */
export function matchesWithin(hit: SearchHit, from: number, to: number): Range[] {
  const offsets = offsetsOf(hit);
  const count = offsets.length >> 1;
  // The first match that ends after `from`: ends are sorted, as the matches neither overlap nor touch.
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[2 * middle + 1]! <= from) low = middle + 1;
    else high = middle;
  }
  const found: Range[] = [];
  for (let i = low; i < count && offsets[2 * i]! < to; i++) found.push([offsets[2 * i]!, offsets[2 * i + 1]!]);
  return found;
}

/** The hit's matches that a snippet around its first one can show (those starting within `margin` code units of it). */
export function nearFirst(hit: SearchHit, margin: number): Range[] {
  const offsets = offsetsOf(hit);
  const near: Range[] = [];
  for (let i = 0; i + 1 < offsets.length && offsets[i]! < offsets[0]! + margin; i += 2) near.push([offsets[i]!, offsets[i + 1]!]);
  return near;
}
