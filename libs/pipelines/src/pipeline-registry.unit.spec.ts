import type { RecruitmentChannel } from '@talent/domain';
import { civilServantPipeline } from './definitions/recruitment/civil-servant.pipeline';
import { ownValue } from './own-value';
import { builtInPipelines, builtInPipelinesFor, PipelineRegistry } from './pipeline-registry';
import { PipelineDefinitionError, validatePipeline } from './pipeline-validation';

const problemsOf = (candidate: unknown): readonly string[] => {
  try {
    validatePipeline(candidate);
  } catch (error) {
    if (error instanceof PipelineDefinitionError) return error.problems;
    throw error;
  }
  return [];
};

describe('pipeline definitions', () => {
  it('ships a valid definition for every channel, workstation type and the returning-talent case', () => {
    const registry = new PipelineRegistry(builtInPipelines);

    expect([...new Set(registry.list().map((definition) => definition.id))]).toEqual([
      'recruitment.civil_servant',
      'recruitment.campus_teacher',
      'recruitment.shortage_talent',
      'recruitment.high_level_talent',
      'expert_workstation.expert_workstation',
      'expert_workstation.academician_workstation',
      'expert_workstation.grassroots_research_workstation',
      'returning_talent',
    ]);
    expect(registry.latest({ kind: 'recruitment', channel: 'campus_teacher' }).label).toBe('校园直招教师');
  });

  it('follows the real order of a civil-service recruitment', () => {
    const successor = (stage: string): string | undefined => {
      const definition = civilServantPipeline.stages[stage]!;
      const outcomes = Object.values(definition.actions)[0]?.outcomes;
      const target = definition.automatic?.elapsed ?? (outcomes?.pass ?? outcomes?.done)?.to;
      return target && target in civilServantPipeline.stages ? target : undefined;
    };
    const order: string[] = [];
    for (let stage: string | undefined = civilServantPipeline.initialStage; stage; stage = successor(stage)) {
      order.push(stage);
    }

    expect(order).toEqual([
      'application',
      'qualificationReview',
      'writtenExam',
      'interview',
      'physicalExam',
      'inspection',
      'publicNotice',
      'approval',
      'onboarding',
      'probation',
    ]);
  });

  it('names a transition to nowhere, an unreachable stage and missing universal outcomes', () => {
    const broken = {
      ...civilServantPipeline,
      stages: {
        ...civilServantPipeline.stages,
        writtenExam: {
          ...civilServantPipeline.stages.writtenExam!,
          actions: {
            record: {
              ...civilServantPipeline.stages.writtenExam!.actions.record!,
              outcomes: { pass: { label: '通过', to: 'interveiw' }, fail: { label: '未通过', to: 'rejected' } },
            },
          },
        },
      },
      outcomes: { hired: { label: '录用', result: 'success' }, rejected: { label: '不予通过', result: 'failure' } },
    };

    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining([
        "outcomes: 'withdrawn' is required (every case can end so)",
        "stages.writtenExam.actions.record.outcomes.pass: 'interveiw' is neither a stage nor an outcome",
        'stages.interview: unreachable from the initial stage',
        "stages.publicNotice: a notice stage needs the outcome 'disqualified'",
      ]),
    );
  });

  it('refuses names every object inherits, as ids and as targets: a lookup by them would find Object.prototype', () => {
    const record = civilServantPipeline.stages.writtenExam!.actions.record!;
    const withActions = (actions: Record<string, unknown>) => ({
      ...civilServantPipeline,
      stages: { ...civilServantPipeline.stages, writtenExam: { ...civilServantPipeline.stages.writtenExam!, actions } },
    });
    const toInherited = {
      record: { ...record, outcomes: { ...record.outcomes, pass: { label: '通过', to: 'toString' } } },
    };

    expect(problemsOf(withActions({ constructor: record }))).toEqual([
      expect.stringMatching(/^stages\.writtenExam\.actions\.constructor: /),
    ]);
    expect(problemsOf(withActions(toInherited))).toEqual([
      'stages.writtenExam.actions.record.outcomes.pass.to: is a name every JavaScript object already has',
    ]);
    expect(ownValue(civilServantPipeline.stages, 'constructor')).toBeUndefined();
    expect(ownValue(civilServantPipeline.stages, 'writtenExam')).toBe(civilServantPipeline.stages.writtenExam);
  });

  it('refuses a public notice shorter than five working days', () => {
    const short = {
      ...civilServantPipeline,
      stages: {
        ...civilServantPipeline.stages,
        publicNotice: { ...civilServantPipeline.stages.publicNotice!, noticeWorkingDays: 3 },
      },
    };

    expect(problemsOf(short)).toEqual([
      'stages.publicNotice: a notice stage needs noticeWorkingDays of at least 5 (公示期不少于5个工作日)',
    ]);
  });

  it('names a round entry stage that is not a stage, or outside recruitment', () => {
    expect(problemsOf({ ...civilServantPipeline, roundEntryStage: 'medicalCheck' })).toEqual([
      "roundEntryStage 'medicalCheck' is not a stage",
    ]);
    expect(problemsOf({ ...civilServantPipeline, kind: 'returning_talent', roundEntryStage: 'physicalExam' })).toEqual([
      'roundEntryStage: only a recruitment pipeline takes candidates from a round',
    ]);
  });

  it('names action rules that point at no action of the stage, or at a payload field that is no date', () => {
    const record = civilServantPipeline.stages.writtenExam!.actions.record!;
    const withRules = {
      ...civilServantPipeline,
      stages: {
        ...civilServantPipeline.stages,
        writtenExam: {
          ...civilServantPipeline.stages.writtenExam!,
          actions: { record: { ...record, requiresActions: ['register'], pastDateFields: ['score'] } },
        },
      },
    };

    expect(problemsOf(withRules)).toEqual([
      "stages.writtenExam.actions.record: 'register' is not an action of this stage",
      "stages.writtenExam.actions.record.pastDateFields: 'score' is not a payload property of format date",
    ]);
  });

  it('publishes for 5 working days for civil servants, and 7 days or 7 working days for 事业单位 as configured', () => {
    const noticeOf = (terms: '7_days' | '7_working_days', channel: RecruitmentChannel) => {
      const { noticeDays, noticeWorkingDays } = new PipelineRegistry(
        builtInPipelinesFor({ publicNoticeTerms: terms }),
      ).latest({ kind: 'recruitment', channel }).stages.publicNotice!;
      return { noticeDays, noticeWorkingDays };
    };

    expect(noticeOf('7_days', 'civil_servant')).toEqual({ noticeWorkingDays: 5 });
    for (const channel of ['campus_teacher', 'shortage_talent', 'high_level_talent'] as const) {
      expect(noticeOf('7_days', channel)).toEqual({ noticeDays: 7 });
      expect(noticeOf('7_working_days', channel)).toEqual({ noticeWorkingDays: 7 });
    }
  });

  it('refuses a calendar-day notice shorter than 7 days, or one with both lengths', () => {
    const withNotice = (notice: object) => ({
      ...civilServantPipeline,
      stages: {
        ...civilServantPipeline.stages,
        publicNotice: { ...civilServantPipeline.stages.publicNotice!, noticeWorkingDays: undefined, ...notice },
      },
    });

    expect(problemsOf(withNotice({ noticeDays: 7 }))).toEqual([]);
    expect(problemsOf(withNotice({ noticeDays: 5 }))).toEqual([
      'stages.publicNotice: a notice stage needs noticeDays of at least 7 (公示期7天)',
    ]);
    expect(problemsOf(withNotice({ noticeDays: 7, noticeWorkingDays: 5 }))).toEqual([
      'stages.publicNotice: a notice stage needs either noticeWorkingDays or noticeDays, not both',
    ]);
  });

  it('refuses a malformed definition with the path of each problem', () => {
    expect(problemsOf({ id: 'x', version: 0, stages: {} })).toEqual(
      expect.arrayContaining(['version: Too small: expected number to be >0', expect.stringMatching(/^label: /)]),
    );
  });

  it('keeps old versions: a case pinned to version 1 or 2 still finds it after version 3 ships', () => {
    const registry = new PipelineRegistry(builtInPipelines);

    expect(registry.get('recruitment.civil_servant', 1).roundEntryStage).toBeUndefined();
    expect(registry.get('recruitment.shortage_talent', 2).stages.settlingIn?.kind).toBe('payment');
    for (const channel of ['civil_servant', 'campus_teacher', 'shortage_talent', 'high_level_talent'] as const) {
      expect(registry.get(`recruitment.${channel}`, 2).stages.probation?.actions.record).toBeDefined();
      expect(registry.latest({ kind: 'recruitment', channel })).toMatchObject({
        version: 3,
        roundEntryStage: 'physicalExam',
      });
    }
    expect(registry.latest({ kind: 'recruitment', channel: 'high_level_talent' }).stages.settlingIn).toBeUndefined();
    expect(() => registry.get('recruitment.civil_servant', 9)).toThrow(
      'No pipeline recruitment.civil_servant version 9.',
    );
  });
});
