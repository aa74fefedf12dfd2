import type { TakeAction } from './case-commands';
import { entered, event, latestPipeline, officer, opened, specFor } from './case-builders.spec';

const civilServant = latestPipeline('recruitment.civil_servant');
const spec = specFor(civilServant);
const failedOn = '2023-07-03T02:00:00.000Z';
const threeDaysLater = '2023-07-06T02:00:00.000Z';
const sevenDaysLater = '2023-07-10T02:00:00.000Z';
const eightDaysLater = '2023-07-11T02:00:00.000Z';

const action = (name: string, occurredAt: string, payload: Record<string, unknown> = {}): TakeAction => ({
  type: 'takeAction',
  action: name,
  payload,
  actor: officer,
  occurredAt,
});

const inExam = [opened(civilServant, failedOn), entered(civilServant, 'physicalExam', failedOn)];
const failed = [opened(civilServant, failedOn), entered(civilServant, 'physicalReexamination', failedOn)];
const requested = [
  ...failed,
  event(
    'ActionTaken',
    { stage: 'physicalReexamination', action: 'requestReexamination', outcome: 'done', payload: {} },
    threeDaysLater,
  ),
];

describe('体检复检', () => {
  it('follows a failed 体检 instead of closing the case', () => {
    spec
      .given(inExam)
      .when(action('record', failedOn, { outcome: 'fail' }))
      .then([
        { type: 'ActionTaken' },
        { type: 'StageEntered', data: { stage: 'physicalReexamination', stageKind: 'task' } },
      ]);
  });

  it('records the candidate’s request within 7 days of the failed result', () => {
    spec
      .given(failed)
      .when(action('requestReexamination', sevenDaysLater))
      .then([{ type: 'ActionTaken', data: expect.objectContaining({ action: 'requestReexamination' }) }]);
  });

  it('refuses a request after the 7 days', () => {
    spec
      .given(failed)
      .when(action('requestReexamination', eightDaysLater))
      .thenThrows('ACTION_TOO_LATE', /within 7 days of 2023-07-03T02:00:00.000Z, until 2023-07-10T02:00:00.000Z/);
  });

  it('refuses a second request', () => {
    spec
      .given(requested)
      .when(action('requestReexamination', threeDaysLater))
      .thenThrows('ACTION_OUT_OF_ORDER', /'requestReexamination' \(登记复检申请\) was recorded/);
  });

  it('takes no result before a request', () => {
    spec
      .given(failed)
      .when(action('recordReexamination', threeDaysLater, { outcome: 'pass' }))
      .thenThrows('ACTION_OUT_OF_ORDER', /needs 'requestReexamination' \(登记复检申请\) first/);
  });

  it('goes on to 考察 when the re-examination passes', () => {
    spec
      .given(requested)
      .when(action('recordReexamination', eightDaysLater, { outcome: 'pass' }))
      .then([{ type: 'ActionTaken' }, { type: 'StageEntered', data: { stage: 'inspection', stageKind: 'task' } }]);
  });

  it('closes the case for good when it fails: its result is final', () => {
    spec
      .given(requested)
      .when(action('recordReexamination', eightDaysLater, { outcome: 'fail' }))
      .then([
        { type: 'ActionTaken' },
        { type: 'CaseClosed', data: { outcome: 'rejected', result: 'failure', lastStage: 'physicalReexamination' } },
      ]);
  });

  describe('when nobody asked for it', () => {
    it('is closed by an officer once the 7 days are over', () => {
      spec
        .given(failed)
        .when(action('closeWithoutReexamination', eightDaysLater))
        .then([
          { type: 'ActionTaken' },
          { type: 'CaseClosed', data: { outcome: 'rejected', result: 'failure', lastStage: 'physicalReexamination' } },
        ]);
    });

    it('is not closed while the candidate may still ask', () => {
      spec
        .given(failed)
        .when(action('closeWithoutReexamination', threeDaysLater))
        .thenThrows('ACTION_TOO_EARLY', /from 2023-07-10T02:00:00.000Z on/);
    });

    it('is not closed so once a request was recorded', () => {
      spec
        .given(requested)
        .when(action('closeWithoutReexamination', eightDaysLater))
        .thenThrows('ACTION_OUT_OF_ORDER', /no longer possible/);
    });
  });
});
