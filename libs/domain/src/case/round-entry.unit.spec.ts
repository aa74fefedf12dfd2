import { builtInPipelines } from '@talent/pipelines';
import type { OpenCase } from './case-commands';
import type { RoundPlace } from './case-events';
import { entered, latestPipeline, officer, opened, specFor } from './case-builders.spec';
import type { PipelineDefinition } from './pipeline';

const at = '2023-07-03T02:00:00.000Z';
const later = '2023-07-20T02:00:00.000Z';
const civilServant = latestPipeline('recruitment.civil_servant');
const shortageTalent = latestPipeline('recruitment.shortage_talent');
const place: RoundPlace = { roundId: 'r-2023-1', postCode: '1001', ticket: '202301001', rank: 1 };
const heldPlace: RoundPlace = { ...place, placeHolder: 'r-2023-1/1001#1' };

const openFromRound = (pipeline: PipelineDefinition, round: RoundPlace): OpenCase => ({
  type: 'openCase',
  caseId: 'c-1',
  pipeline,
  subject: { name: '张三' },
  year: 2023,
  divisionCode: '530000',
  round,
  actor: officer,
  occurredAt: at,
});

describe('a case opened from a recruitment round', () => {
  it('starts at 体检 and records the round, post, ticket and rank', () => {
    specFor(civilServant)
      .given([])
      .when(openFromRound(civilServant, place))
      .then([
        { type: 'CaseOpened', data: expect.objectContaining({ round: place }) },
        { type: 'StageEntered', data: { stage: 'physicalExam', stageKind: 'task' } },
      ]);
  });

  it('is refused by a pipeline that takes no candidates from a round', () => {
    const version1 = builtInPipelines.find((definition) => definition.id === 'recruitment.civil_servant')!;

    specFor(version1)
      .given([])
      .when(openFromRound(version1, place))
      .thenThrows('ROUND_ENTRY_NOT_DEFINED', /recruitment.civil_servant version 1 \(公务员招录\)/);
  });

  describe('of introduced talents', () => {
    const spec = specFor(shortageTalent);

    it('skips the 编制储备 of its own: the round holds the post', () => {
      spec
        .given([])
        .when(openFromRound(shortageTalent, heldPlace))
        .then([{ type: 'CaseOpened' }, { type: 'StageEntered', data: { stage: 'physicalExam', stageKind: 'task' } }]);
    });

    it('needs the round’s place holder', () => {
      spec
        .given([])
        .when(openFromRound(shortageTalent, place))
        .thenThrows('INVALID_PAYLOAD', /round.placeHolder is required/);
    });

    it('uses the round’s place when hired, at the end of the 服务期', () => {
      const fiveYearsOn = '2028-07-03T02:00:00.000Z';
      spec
        .given([opened(shortageTalent, at, heldPlace), entered(shortageTalent, 'servicePeriod', at)])
        .when({ type: 'takeAction', action: 'completeService', payload: {}, actor: officer, occurredAt: fiveYearsOn })
        .then([
          { type: 'ActionTaken' },
          { type: 'QuotaUsed', data: { category: 'shortage_talent', year: 2023, holder: heldPlace.placeHolder } },
          { type: 'CaseClosed', data: { outcome: 'hired', result: 'success', lastStage: 'servicePeriod' } },
        ]);
    });

    it('leaves the place with the round when the candidate fails, for a 递补', () => {
      spec
        .given([opened(shortageTalent, at, heldPlace), entered(shortageTalent, 'inspection', at)])
        .when({ type: 'takeAction', action: 'record', payload: { outcome: 'fail' }, actor: officer, occurredAt: later })
        .then([{ type: 'ActionTaken' }, { type: 'CaseClosed', data: expect.objectContaining({ result: 'failure' }) }]);
    });

    it('leaves it with the round when the candidate withdraws', () => {
      spec
        .given([opened(shortageTalent, at, heldPlace), entered(shortageTalent, 'physicalExam', at)])
        .when({ type: 'withdraw', reason: '本人放弃体检', actor: officer, occurredAt: later })
        .then([{ type: 'CaseClosed', data: expect.objectContaining({ outcome: 'withdrawn' }) }]);
    });

    it('still reserves a post of its own when opened without a round', () => {
      spec
        .given([opened(shortageTalent, at), entered(shortageTalent, 'quotaReservation', at)])
        .when({ type: 'recordQuotaReserved', occurredAt: at })
        .then([{ type: 'QuotaReserved' }, { type: 'StageEntered', data: { stage: 'application', stageKind: 'task' } }]);
    });
  });
});
