export type LedgerErrorCode =
  'EVENT_NOT_IN_LEDGER' | 'EVENT_AFTER_TREE_SIZE' | 'TREE_SIZE_BEYOND_LEDGER' | 'INVALID_TREE_RANGE' | 'NO_TREE_HEAD';

/** A proof or a tree head asked of the ledger that it cannot give; the message names the field. */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}
