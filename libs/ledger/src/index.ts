export * from './merkle';
export * from './tree-head';
export { LedgerTree } from './ledger-tree';
export type { ConsistencyProof, InclusionProof, TreeHeadPage } from './ledger-tree';
export { LedgerError } from './ledger.errors';
export type { LedgerErrorCode } from './ledger.errors';
export { CreateLedger1764000031000 } from './migrations/1764000031000-create-ledger';
export { ThinLedgerTree1764000035000 } from './migrations/1764000035000-thin-ledger-tree';
export { verifyLedger } from './ledger-verification';
export type { DifferingLeaf, LeafProblem, LedgerVerification, StreamHeadProblem } from './ledger-verification';
export { checkpointFileName, TreeHeadCheckpoints } from './tree-head-checkpoints';
export type { CheckpointLog, CheckpointTargets } from './tree-head-checkpoints';
export { exportLedger, streamExportLedger } from './ledger-export';
export type { ExportedLeaf, LedgerExport } from './ledger-export';
export { readTreeHead, verifyStreamExportLedger } from './offline-verification';
export type {
  FirstDifferingEvent,
  HeadCheck,
  OfflineOptions,
  SavedHeadCheck,
  StreamLedgerCheck,
} from './offline-verification';
export { LEDGER_EXPORT_FORMAT, verifyLedgerExport } from './ledger-export-verification';
export type { LedgerCheck } from './ledger-export-verification';
export { REPORT_EVIDENCE_FORMAT, verifyReportEvidence } from './report-verification';
export type { EvidencedFact, EvidencedFigure, ReportCheck, ReportEvidence } from './report-verification';
