export type PolisImportErrorCode =
  | 'malformed-csv'
  | 'missing-column'
  | 'malformed-vote'
  | 'duplicate-participant'
  | 'unknown-statement';

/** A Pol.is export that cannot be read, with a code a caller can act on. */
export class PolisImportError extends Error {
  constructor(
    readonly code: PolisImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PolisImportError';
  }
}
