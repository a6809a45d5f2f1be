/**
 * Reading time: how long a text was read, not how long it was open. A reader left on screen over lunch
 * has not been read for an hour, so time counts only while keys come.
 *
 * The rule: each key ends a stretch that began at the key before it (or when the text was opened). A
 * stretch of at most {@link IDLE_AFTER_MS} (two minutes: a long page of dense text, read slowly) counts
 * in full; a longer one counts nothing, as the reader was away. Leaving the text ends a last stretch by
 * the same rule.
 *
 * Worked examples (times in seconds from opening):
 *   keys at 10, 40, 70, leave at 80          → 10 + 30 + 30 + 10 = 80 s
 *   keys at 10, 400 (lunch), 430, leave 440  → 10 + 0 + 30 + 10 = 50 s
 *   opened, left at 600 with no key          → 0 s (600 s is over the limit)
 *
 * Pure, with an injected clock (milliseconds, any origin), so the rule is tested without waiting.
 */

/** A pause longer than this is idle time, not reading. */
export const IDLE_AFTER_MS = 2 * 60 * 1000;

export interface ReadingTime {
  /** Milliseconds counted so far. */
  readonly total: number;
  /** When the current stretch began (the last key, or the opening). */
  readonly since: number;
}

/** The count at the opening of a text, at `now`. */
export function startReading(now: number): ReadingTime {
  return { total: 0, since: now };
}

/** A key at `now`: the stretch since the last one counts when it was short enough. */
export function keyAt(time: ReadingTime, now: number): ReadingTime {
  const stretch = now - time.since;
  // A clock that went backwards (a suspended machine, a changed system time) counts nothing.
  const counted = stretch >= 0 && stretch <= IDLE_AFTER_MS ? stretch : 0;
  return { total: time.total + counted, since: now };
}

/** The total when the text is left at `now`. */
export function totalAt(time: ReadingTime, now: number): number {
  return keyAt(time, now).total;
}

/** A mutable counter for the reader: `key()` on each key, `total()` when it leaves. */
export class ReadingClock {
  private time: ReadingTime;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.time = startReading(now());
  }

  key(): void {
    this.time = keyAt(this.time, this.now());
  }

  /** Milliseconds read up to now. */
  total(): number {
    return totalAt(this.time, this.now());
  }

  /** Starts counting afresh (another text was opened), returning what was counted for the last. */
  restart(): number {
    const total = this.total();
    this.time = startReading(this.now());
    return total;
  }
}
