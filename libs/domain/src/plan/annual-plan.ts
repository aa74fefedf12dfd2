import type { QuotaCategory } from '../shared/case-kinds';
import { DomainError } from '../shared/domain-error';
import type { Actor } from '../shared/roles';

/**
 * The year's plan (年度计划): posts reserved per category (编制储备, at least 10 high-level and
 * 10 shortage-talent posts) and the talent fund (县财政每年统筹不低于500万元). One per county
 * and year; cases draw on it, and nothing may overdraw it.
 */
export interface PlanMeta {
  actor: Actor;
  occurredAt: string;
  reason?: string;
}

type PlanEventOf<Type extends string, Data> = { type: Type; data: Data; meta: PlanMeta };

export type PlanEvent =
  | PlanEventOf<
      'PlanOpened',
      { year: number; divisionCode: string; quotas: Record<QuotaCategory, number>; fundCny: number }
    >
  | PlanEventOf<'PlanQuotaReserved', { caseId: string; category: QuotaCategory }>
  | PlanEventOf<'PlanQuotaReleased', { caseId: string; category: QuotaCategory }>
  | PlanEventOf<'PlanQuotaUsed', { caseId: string; category: QuotaCategory }>
  | PlanEventOf<'PlanFundCommitted', { caseId: string; amountCny: number }>
  | PlanEventOf<'PlanFundDisbursed', { caseId: string; amountCny: number; instalment?: number }>
  | PlanEventOf<'PlanFundReleased', { caseId: string; amountCny: number }>
  /** 违约退还: paid subsidy a case clawed back, available to the fund again. */
  | PlanEventOf<'PlanFundReturned', { caseId: string; amountCny: number }>;

export type PlanCommand =
  | { type: 'openPlan'; year: number; divisionCode: string; quotas: Record<QuotaCategory, number>; fundCny: number }
  | { type: 'reserveQuota'; caseId: string; category: QuotaCategory }
  | { type: 'releaseQuota'; caseId: string }
  | { type: 'useQuota'; caseId: string }
  | { type: 'commitFund'; caseId: string; amountCny: number }
  /** `instalment` numbers a case's payments from 1: a repeated instalment is paid once. */
  | { type: 'disburseFund'; caseId: string; amountCny: number; instalment: number }
  | { type: 'releaseFund'; caseId: string; amountCny: number }
  | { type: 'returnFund'; caseId: string; amountCny: number };

export interface QuotaLedger {
  total: number;
  /** caseId → held post, reserved or used. */
  holders: Record<string, 'reserved' | 'used'>;
}

export interface PlanState {
  year: number;
  divisionCode: string;
  quotas: Record<QuotaCategory, QuotaLedger>;
  fund: {
    totalCny: number;
    committed: Record<string, number>;
    disbursed: Record<string, number>;
    /** caseId → the number of its last instalment paid. */
    instalmentsPaid?: Record<string, number>;
    /** caseId → what it paid back (违约退还); absent in plans begun before clawbacks existed. */
    returned?: Record<string, number>;
  };
}

export function quotaAvailable(ledger: QuotaLedger): number {
  return ledger.total - Object.keys(ledger.holders).length;
}

const total = (amounts: Record<string, number> = {}) => Object.values(amounts).reduce((sum, amount) => sum + amount, 0);

/** What the fund can still commit: money paid and returned is available again. */
export function fundAvailable(state: PlanState): number {
  return state.fund.totalCny - total(state.fund.committed) + total(state.fund.returned);
}

function quotaHeldBy(state: PlanState, caseId: string): QuotaCategory | undefined {
  return (Object.keys(state.quotas) as QuotaCategory[]).find((category) => caseId in state.quotas[category].holders);
}

function event<T extends PlanEvent['type']>(
  type: T,
  data: Extract<PlanEvent, { type: T }>['data'],
  meta: PlanMeta,
): PlanEvent {
  return { type, data, meta } as PlanEvent;
}

/** Every rule of the plan. Repeating a case's request is a no-op, so retries are safe. */
export function decidePlan(state: PlanState | undefined, command: PlanCommand, meta: PlanMeta): PlanEvent[] {
  if (command.type === 'openPlan') {
    if (state) throw new DomainError('PLAN_ALREADY_EXISTS', `The plan for ${state.year} already exists.`);
    const { type: _type, ...data } = command;
    return [event('PlanOpened', data, meta)];
  }
  if (!state) throw new Error('The plan must be opened first');
  switch (command.type) {
    case 'reserveQuota': {
      const ledger = state.quotas[command.category];
      if (quotaHeldBy(state, command.caseId)) return [];
      if (quotaAvailable(ledger) <= 0) {
        throw new DomainError(
          'QUOTA_EXHAUSTED',
          `All ${ledger.total} ${command.category} posts of ${state.year} are reserved or used.`,
        );
      }
      return [event('PlanQuotaReserved', { caseId: command.caseId, category: command.category }, meta)];
    }
    case 'releaseQuota':
    case 'useQuota': {
      const category = quotaHeldBy(state, command.caseId);
      if (!category || state.quotas[category].holders[command.caseId] !== 'reserved') return [];
      const type = command.type === 'releaseQuota' ? 'PlanQuotaReleased' : 'PlanQuotaUsed';
      return [event(type, { caseId: command.caseId, category }, meta)];
    }
    case 'commitFund': {
      if (command.caseId in state.fund.committed) return [];
      if (command.amountCny > fundAvailable(state)) {
        throw new DomainError(
          'FUND_EXHAUSTED',
          `The ${state.year} talent fund has ${fundAvailable(state)} CNY uncommitted; ${command.amountCny} CNY was asked.`,
        );
      }
      return [event('PlanFundCommitted', { caseId: command.caseId, amountCny: command.amountCny }, meta)];
    }
    case 'disburseFund': {
      if (command.instalment <= (state.fund.instalmentsPaid?.[command.caseId] ?? 0)) return [];
      const committed = state.fund.committed[command.caseId] ?? 0;
      const disbursed = state.fund.disbursed[command.caseId] ?? 0;
      if (disbursed + command.amountCny > committed) {
        throw new DomainError(
          'FUND_EXHAUSTED',
          `Case ${command.caseId} has ${committed - disbursed} CNY committed and unpaid; ${command.amountCny} CNY was asked.`,
        );
      }
      const { caseId, amountCny, instalment } = command;
      return [event('PlanFundDisbursed', { caseId, amountCny, instalment }, meta)];
    }
    case 'releaseFund': {
      const unpaid = (state.fund.committed[command.caseId] ?? 0) - (state.fund.disbursed[command.caseId] ?? 0);
      if (unpaid <= 0) return [];
      return [
        event('PlanFundReleased', { caseId: command.caseId, amountCny: Math.min(unpaid, command.amountCny) }, meta),
      ];
    }
    case 'returnFund': {
      // Only what was paid comes back, once: a repeated return finds nothing left to return.
      const owed = (state.fund.disbursed[command.caseId] ?? 0) - (state.fund.returned?.[command.caseId] ?? 0);
      if (owed <= 0) return [];
      return [
        event('PlanFundReturned', { caseId: command.caseId, amountCny: Math.min(owed, command.amountCny) }, meta),
      ];
    }
  }
}

export function evolvePlan(state: PlanState | undefined, planEvent: PlanEvent): PlanState {
  if (planEvent.type === 'PlanOpened') {
    const { year, divisionCode, quotas, fundCny } = planEvent.data;
    return {
      year,
      divisionCode,
      quotas: {
        high_level_talent: { total: quotas.high_level_talent, holders: {} },
        shortage_talent: { total: quotas.shortage_talent, holders: {} },
      },
      fund: { totalCny: fundCny, committed: {}, disbursed: {} },
    };
  }
  if (!state) throw new Error(`${planEvent.type} before PlanOpened`);
  const { fund } = state;
  const withHolder = (category: QuotaCategory, caseId: string, holding?: 'reserved' | 'used'): PlanState => {
    const { [caseId]: _previous, ...others } = state.quotas[category].holders;
    const holders = holding ? { ...others, [caseId]: holding } : others;
    return { ...state, quotas: { ...state.quotas, [category]: { ...state.quotas[category], holders } } };
  };
  switch (planEvent.type) {
    case 'PlanQuotaReserved':
      return withHolder(planEvent.data.category, planEvent.data.caseId, 'reserved');
    case 'PlanQuotaUsed':
      return withHolder(planEvent.data.category, planEvent.data.caseId, 'used');
    case 'PlanQuotaReleased':
      return withHolder(planEvent.data.category, planEvent.data.caseId);
    case 'PlanFundCommitted':
      return {
        ...state,
        fund: { ...fund, committed: { ...fund.committed, [planEvent.data.caseId]: planEvent.data.amountCny } },
      };
    case 'PlanFundDisbursed': {
      const { caseId, amountCny } = planEvent.data;
      // Disbursements recorded before instalments were numbered count one each.
      const instalment = planEvent.data.instalment ?? (fund.instalmentsPaid?.[caseId] ?? 0) + 1;
      return {
        ...state,
        fund: {
          ...fund,
          disbursed: { ...fund.disbursed, [caseId]: (fund.disbursed[caseId] ?? 0) + amountCny },
          instalmentsPaid: { ...fund.instalmentsPaid, [caseId]: instalment },
        },
      };
    }
    case 'PlanFundReleased': {
      const { caseId, amountCny } = planEvent.data;
      return {
        ...state,
        fund: { ...fund, committed: { ...fund.committed, [caseId]: (fund.committed[caseId] ?? 0) - amountCny } },
      };
    }
    case 'PlanFundReturned': {
      const { caseId, amountCny } = planEvent.data;
      return {
        ...state,
        fund: { ...fund, returned: { ...fund.returned, [caseId]: (fund.returned?.[caseId] ?? 0) + amountCny } },
      };
    }
  }
}
