import { deciderSpecification } from '@talent/testing';
import type { Actor } from '../shared/roles';
import { decidePlan, evolvePlan, fundAvailable, type PlanCommand, type PlanEvent, type PlanState } from './annual-plan';

const meta = { actor: { id: 'system', role: 'admin' } as Actor, occurredAt: '2023-01-02T00:00:00.000Z' };
const spec = deciderSpecification<PlanState, PlanCommand, PlanEvent>({
  decide: (state, command) => decidePlan(state, command, meta),
  evolve: evolvePlan,
});
const opened: PlanEvent = {
  type: 'PlanOpened',
  data: { year: 2023, divisionCode: '530000', quotas: { high_level_talent: 1, shortage_talent: 2 }, fundCny: 100_000 },
  meta,
};
const reserved = (caseId: string): PlanEvent => ({
  type: 'PlanQuotaReserved',
  data: { caseId, category: 'high_level_talent' },
  meta,
});

describe('the annual plan', () => {
  it('reserves a post for a case, once however often it asks', () => {
    spec
      .given([opened])
      .when({ type: 'reserveQuota', caseId: 'a', category: 'high_level_talent' })
      .then([reserved('a')]);
    spec
      .given([opened, reserved('a')])
      .when({ type: 'reserveQuota', caseId: 'a', category: 'high_level_talent' })
      .then([]);
  });

  it('refuses an overdraw of posts', () => {
    spec
      .given([opened, reserved('a')])
      .when({ type: 'reserveQuota', caseId: 'b', category: 'high_level_talent' })
      .thenThrows('QUOTA_EXHAUSTED', /All 1 high_level_talent posts of 2023 are reserved or used/);
  });

  it('makes a released post available again', () => {
    const released: PlanEvent = {
      type: 'PlanQuotaReleased',
      data: { caseId: 'a', category: 'high_level_talent' },
      meta,
    };
    spec
      .given([opened, reserved('a'), released])
      .when({ type: 'reserveQuota', caseId: 'b', category: 'high_level_talent' })
      .then([reserved('b')]);
  });

  it('refuses to commit more of the fund than is left, and to pay more than was committed', () => {
    const committed: PlanEvent = { type: 'PlanFundCommitted', data: { caseId: 'a', amountCny: 80_000 }, meta };
    spec
      .given([opened, committed])
      .when({ type: 'commitFund', caseId: 'b', amountCny: 30_000 })
      .thenThrows('FUND_EXHAUSTED');
    spec
      .given([opened, committed])
      .when({ type: 'disburseFund', caseId: 'a', amountCny: 90_000, instalment: 1 })
      .thenThrows('FUND_EXHAUSTED');
    spec
      .given([opened, committed])
      .when({ type: 'disburseFund', caseId: 'a', amountCny: 30_000, instalment: 1 })
      .then([{ type: 'PlanFundDisbursed', data: { caseId: 'a', amountCny: 30_000, instalment: 1 } }]);
  });

  it('pays each instalment of a case once, however often it is asked (a retried command)', () => {
    const committed: PlanEvent = { type: 'PlanFundCommitted', data: { caseId: 'a', amountCny: 80_000 }, meta };
    const paid: PlanEvent = {
      type: 'PlanFundDisbursed',
      data: { caseId: 'a', amountCny: 40_000, instalment: 1 },
      meta,
    };
    spec
      .given([opened, committed, paid])
      .when({ type: 'disburseFund', caseId: 'a', amountCny: 40_000, instalment: 1 })
      .then([]);
    spec
      .given([opened, committed, paid])
      .when({ type: 'disburseFund', caseId: 'a', amountCny: 40_000, instalment: 2 })
      .then([{ type: 'PlanFundDisbursed', data: { caseId: 'a', amountCny: 40_000, instalment: 2 } }]);
  });

  it('counts disbursements recorded before instalments were numbered as one each', () => {
    const committed: PlanEvent = { type: 'PlanFundCommitted', data: { caseId: 'a', amountCny: 80_000 }, meta };
    const unnumbered: PlanEvent = { type: 'PlanFundDisbursed', data: { caseId: 'a', amountCny: 40_000 }, meta };
    spec
      .given([opened, committed, unnumbered])
      .when({ type: 'disburseFund', caseId: 'a', amountCny: 40_000, instalment: 1 })
      .then([]);
  });

  describe('违约退还', () => {
    const committed: PlanEvent = { type: 'PlanFundCommitted', data: { caseId: 'a', amountCny: 80_000 }, meta };
    const paid: PlanEvent = {
      type: 'PlanFundDisbursed',
      data: { caseId: 'a', amountCny: 40_000, instalment: 1 },
      meta,
    };
    const returned: PlanEvent = { type: 'PlanFundReturned', data: { caseId: 'a', amountCny: 40_000 }, meta };
    const released: PlanEvent = { type: 'PlanFundReleased', data: { caseId: 'a', amountCny: 40_000 }, meta };

    it('returns what a case was paid into the fund, no more', () => {
      spec
        .given([opened, committed, paid])
        .when({ type: 'returnFund', caseId: 'a', amountCny: 50_000 })
        .then([{ type: 'PlanFundReturned', data: { caseId: 'a', amountCny: 40_000 } }]);
    });

    it('returns it once, however often it is asked', () => {
      spec
        .given([opened, committed, paid, returned])
        .when({ type: 'returnFund', caseId: 'a', amountCny: 40_000 })
        .then([]);
    });

    it('has the returned money to commit again', () => {
      spec
        .given([opened, committed, paid, returned, released])
        .when({ type: 'commitFund', caseId: 'b', amountCny: 100_000 })
        .then([{ type: 'PlanFundCommitted', data: { caseId: 'b', amountCny: 100_000 } }]);
      const state = [opened, committed, paid, returned, released].reduce<PlanState | undefined>(evolvePlan, undefined)!;
      expect(fundAvailable(state)).toBe(100_000);
    });
  });
});
