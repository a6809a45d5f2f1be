/**
 * A mistake the user can fix (bad option, missing file, undecodable text). The CLI prints its message
 * on one line and exits with `exitCode`, never with a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    /** A second line telling the user what to do instead. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
