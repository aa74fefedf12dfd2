export * from './merkle';
export * from './tree-head';
export { LedgerTree } from './ledger-tree';
export type { ConsistencyProof, InclusionProof, TreeHeadPage } from './ledger-tree';
export { LedgerError } from './ledger.errors';
export type { LedgerErrorCode } from './ledger.errors';
export { CreateLedger1764000031000 } from './migrations/1764000031000-create-ledger';
export { verifyLedger } from './ledger-verification';
export type { DifferingLeaf, LeafProblem, LedgerVerification, StreamHeadProblem } from './ledger-verification';
