import type { ActionDefinition, StageDefinition, TerminalOutcome } from '@talent/domain';
import { remarks, schema } from '../../building-blocks';
import { recruitmentOutcomes } from './recruitment-stages';

/**
 * 试用期 and 服务期 as offices run them (issue 13, version 3 of the recruitment pipelines): a year
 * of probation that ends 转正 or 取消录用; for introduced talents, the subsidy paid beside it against
 * each year's assessment, and a service period in which an early leaver pays it back (违约退还).
 */

/** 新录用公务员、首次就业的事业单位人员试用期为一年，期满考核合格方可转正. */
const PROBATION_MONTHS = 12;
/** The stage is flagged once the year and a month for the assessment have passed. */
const PROBATION_DEADLINE_DAYS = 395;
/** 补贴按年度考核合格逐年发放: one instalment per assessment year. */
const ASSESSMENT_INTERVAL = { months: 12 };

export const APPOINTMENT_CANCELLED_OUTCOME = 'appointmentCancelled';
export const LEFT_SERVICE_EARLY_OUTCOME = 'leftServiceEarly';

export const recruitmentOutcomesV3: Record<string, TerminalOutcome> = {
  ...recruitmentOutcomes,
  [APPOINTMENT_CANCELLED_OUTCOME]: { label: '取消录用', result: 'failure' },
};

export const introducedTalentOutcomesV3: Record<string, TerminalOutcome> = {
  ...recruitmentOutcomesV3,
  // Appointed and served part of the 服务期: the post was used, the commitment broken.
  [LEFT_SERVICE_EARLY_OUTCOME]: { label: '服务期内提前离职', result: 'failure', postUsed: true },
};

const cancelAppointment: ActionDefinition = {
  label: '取消录用',
  roles: ['hr_officer'],
  payloadSchema: schema({ remarks }),
  outcomes: { done: { label: '取消录用', to: APPOINTMENT_CANCELLED_OUTCOME } },
  reasonRequired: true,
};

/** One year's assessment passed (年度考核合格) and that year's instalment of the subsidy paid; the case stays. */
const payInstalmentIn = (stage: string): ActionDefinition => ({
  label: '年度考核合格，发放补贴',
  roles: ['hr_officer'],
  payloadSchema: schema({ amountCny: { type: 'integer', minimum: 1, title: '金额（元）' }, remarks }, ['amountCny']),
  outcomes: { done: { label: '已发放', to: stage } },
  instalmentEvery: ASSESSMENT_INTERVAL,
});

/** 试用期: 转正 once it has run its year (to `confirmedTo`), or 取消录用 with a reason. */
export function probationStageV3(confirmedTo: string): StageDefinition {
  return {
    label: '试用期',
    kind: 'task',
    deadlineDays: PROBATION_DEADLINE_DAYS,
    actions: {
      confirm: {
        label: '转正',
        roles: ['hr_officer'],
        payloadSchema: schema({ remarks }),
        outcomes: { done: { label: '转正', to: confirmedTo } },
        notBeforeOfEntry: { months: PROBATION_MONTHS },
      },
      cancelAppointment,
    },
  };
}

/**
 * An introduced talent's 试用期: the subsidy is committed from the fund when it begins and its
 * first instalment paid on the first assessment; 转正 leads into the 服务期.
 */
export function subsidisedProbationStage(subsidy: { amountCny: number; instalments: number }): StageDefinition {
  const probation = probationStageV3('servicePeriod');
  return {
    ...probation,
    subsidy,
    actions: { ...probation.actions, payInstalment: payInstalmentIn('probation') },
  };
}

/**
 * 服务期 after 转正, `serviceYears` long: the remaining instalments paid against each year's
 * assessment; 服务期满 closes the case hired, 提前离职 claws back what was paid.
 */
export function servicePeriodStage(serviceYears: number): StageDefinition {
  return {
    label: '服务期',
    kind: 'task',
    deadlineDays: serviceYears * 365 + 30,
    actions: {
      payInstalment: payInstalmentIn('servicePeriod'),
      completeService: {
        label: '服务期满',
        roles: ['hr_officer'],
        payloadSchema: schema({ remarks }),
        outcomes: { done: { label: '服务期满', to: 'hired' } },
        notBeforeOfEntry: { months: 12 * serviceYears },
      },
      recordEarlyDeparture: {
        label: '提前离职',
        roles: ['hr_officer'],
        payloadSchema: schema({ remarks }),
        outcomes: { done: { label: '提前离职，违约退还补贴', to: LEFT_SERVICE_EARLY_OUTCOME } },
        reasonRequired: true,
        clawsBackSubsidy: true,
      },
    },
  };
}
