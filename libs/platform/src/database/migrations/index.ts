import type { MigrationInterface } from 'typeorm';
import {
  CreateAppendFunction1764000003000,
  CreateEventStore1764000000000,
  HashEventsInDatabase1764000030000,
  IndexEventsByTypeAndOccurrence1764000010000,
  NotifyAfterAppend1764000033000,
} from '@talent/event-store';
import {
  AddCaseListHandlingOfficer1764000032000,
  AddCaseListSubmittedBy1764000034000,
  CreateActivityByDay1764000002000,
  CreateAnnualStatisticTotals1764000007000,
  CreateAnnualStatistics1764000005000,
  CreateCaseList1764000004000,
  CreateProjectionCheckpoints1764000001000,
  CreateRoundViews1764000013000,
  CreateStageDurations1764000006000,
} from '@talent/projections';
import { AddPasswordChangeRequired1764000009000, CreateIdentity1764000008000 } from '@talent/identity';
import { CreateRoundImports1764000020000 } from '@talent/activities';
import { CreateLedger1764000031000, ThinLedgerTree1764000035000 } from '@talent/ledger';

/**
 * Every migration, in the order it must run. Listed by class rather than found by a file glob so
 * that compiled builds, tests and bundles all see the same list.
 */
export const migrations: Array<new () => MigrationInterface> = [
  CreateEventStore1764000000000,
  CreateProjectionCheckpoints1764000001000,
  CreateActivityByDay1764000002000,
  CreateAppendFunction1764000003000,
  CreateCaseList1764000004000,
  CreateAnnualStatistics1764000005000,
  CreateStageDurations1764000006000,
  CreateAnnualStatisticTotals1764000007000,
  CreateIdentity1764000008000,
  AddPasswordChangeRequired1764000009000,
  IndexEventsByTypeAndOccurrence1764000010000,
  CreateRoundViews1764000013000,
  CreateRoundImports1764000020000,
  HashEventsInDatabase1764000030000,
  CreateLedger1764000031000,
  AddCaseListHandlingOfficer1764000032000,
  NotifyAfterAppend1764000033000,
  AddCaseListSubmittedBy1764000034000,
  ThinLedgerTree1764000035000,
];
