import { payloadProblems } from '@talent/pipelines';
import type { TakeAction } from './case-commands';
import { approver, entered, latestPipeline, officer, opened, specFor } from './case-builders.spec';
import type { PipelineDefinition } from './pipeline';

const civilServant = latestPipeline('recruitment.civil_servant');
const campusTeacher = latestPipeline('recruitment.campus_teacher');
const highLevelTalent = latestPipeline('recruitment.high_level_talent');
const submittedOn = '2023-08-01T02:00:00.000Z';
const decidedOn = '2023-08-10T02:00:00.000Z';
const reply = { opinion: '同意录用', replyNumber: '滇人社复〔2023〕12号', replyDate: '2023-08-09' };

const take = (action: string, payload: Record<string, unknown>, actor = officer): TakeAction => ({
  type: 'takeAction',
  action,
  payload,
  actor,
  occurredAt: decidedOn,
});
const at = (pipeline: PipelineDefinition, stage: string) => [
  opened(pipeline, submittedOn),
  entered(pipeline, stage, submittedOn),
];

describe('审批 of a civil-service recruitment', () => {
  const approve = civilServant.stages.approval!.actions.approve!;

  it('records the authority’s 批复文号 and 批复日期 with the opinion', () => {
    expect(payloadProblems(approve.payloadSchema, { opinion: '同意' })).toEqual([
      'replyNumber is required',
      'replyDate is required',
    ]);
    expect(payloadProblems(approve.payloadSchema, { ...reply, replyDate: '2023-8-9' })).toEqual([
      'replyDate must match format "date"',
    ]);
    specFor(civilServant)
      .given(at(civilServant, 'approval'))
      .when(take('approve', reply, approver))
      .then([
        { type: 'ActionTaken', data: expect.objectContaining({ payload: reply }) },
        { type: 'StageEntered', data: { stage: 'onboarding', stageKind: 'task' } },
      ]);
  });

  it('refuses a reply dated after the approval is recorded', () => {
    specFor(civilServant)
      .given(at(civilServant, 'approval'))
      .when(take('approve', { ...reply, replyDate: '2023-08-11' }, approver))
      .thenThrows('INVALID_PAYLOAD', /payload.replyDate 2023-08-11 is after the action's date 2023-08-10/);
  });
});

describe.each([
  ['校园直招教师', campusTeacher],
  ['高层次人才', highLevelTalent],
])('a 事业编 post (%s)', (_, pipeline) => {
  const spec = specFor(pipeline);

  it('is filed (备案) after 审批', () => {
    spec
      .given(at(pipeline, 'approval'))
      .when(take('approve', { opinion: '同意' }, approver))
      .then([{ type: 'ActionTaken' }, { type: 'StageEntered', data: { stage: 'filing', stageKind: 'task' } }]);
  });

  it('records the 备案 number and date, then waits for 入编', () => {
    spec
      .given(at(pipeline, 'filing'))
      .when(take('recordFiling', { filingNumber: '备2023-031', filingDate: '2023-08-10' }))
      .then([{ type: 'ActionTaken' }, { type: 'StageEntered', data: { stage: 'establishment', stageKind: 'task' } }]);
  });

  it('goes to 报到 once the 编办 has established the post (入编)', () => {
    spec
      .given(at(pipeline, 'establishment'))
      .when(take('recordEstablishment', { establishmentDate: '2023-08-08' }))
      .then([{ type: 'ActionTaken' }, { type: 'StageEntered', data: { stage: 'onboarding', stageKind: 'task' } }]);
  });

  it('refuses an 入编 date still ahead', () => {
    spec
      .given(at(pipeline, 'establishment'))
      .when(take('recordEstablishment', { establishmentDate: '2023-09-01' }))
      .thenThrows('INVALID_PAYLOAD', /payload.establishmentDate 2023-09-01 is after/);
  });
});
