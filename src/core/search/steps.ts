/**
 * Work in steps. Every costly part of the search is a generator that yields between small steps
 * (well under a millisecond each); index.ts either runs the steps to the end at once (`search`) or
 * in slices with trips to the event loop between them (`searchAsync`, `prepare`).
 */
export type Steps<T> = Generator<void, T>;

/**
 * Something several callers need (the folded text, the postings, the pinyin readings), built once in
 * steps by whichever caller gets there first. A search paused or aborted half-way leaves the work
 * done so far for the next caller, so typing never starts a build over.
 */
export class Shared<T> {
  private steps: Steps<T> | null = null;
  private result: { value: T } | null = null;

  constructor(private readonly build: () => Steps<T>) {}

  /** One built already (read from a cache). */
  static of<T>(value: T): Shared<T> {
    const shared = new Shared<T>(() => {
      throw new Error('built already');
    });
    shared.result = { value };
    return shared;
  }

  /** The value, once built. */
  get value(): T | undefined {
    return this.result?.value;
  }

  get done(): boolean {
    return this.result !== null;
  }

  /** Builds it, or waits for it: yields between steps, returns the value. */
  *get(): Steps<T> {
    while (!this.result) {
      this.steps ??= this.build();
      const step = this.steps.next();
      if (step.done) this.result = { value: step.value };
      else yield;
    }
    return this.result.value;
  }
}
