import { builtInPipelines } from '@talent/pipelines';
import type { Actor, PipelineDefinition } from '@talent/domain';
import { type ApiClient, approver, type JsonResponse, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** A payload each action accepts on the way to success. */
const successPayloads: Record<string, Record<string, unknown>> = {
  register: { post: '岗位' },
  record: { outcome: 'pass' },
  report: { unit: '用人单位' },
  approve: { opinion: '同意' },
  // 公务员审批 records the civil-service authority's reply.
  'approval.approve': { opinion: '同意', replyNumber: '滇公复〔2023〕1号', replyDate: '2023-06-01' },
  recordFiling: { filingNumber: '备2023-001', filingDate: '2023-06-01' },
  recordEstablishment: { establishmentDate: '2023-06-01' },
  recordIntent: { outcome: 'workstation' },
  signAgreement: { hostUnit: '依托单位' },
  submitApplication: {},
  recordDecision: { outcome: 'approved' },
  name: { namedOn: '2023-06-18' },
  close: {},
  contact: { channel: 'office' },
  recordPlacement: { outcome: 'post' },
  checkIn: { outcome: 'settled' },
  // 归雁's intent stage shares the action name with the expert's, not its outcomes.
  'intent.recordIntent': { outcome: 'willing' },
};
const payloadFor = (stage: string, action: string) => successPayloads[`${stage}.${action}`] ?? successPayloads[action]!;

/** The action that moves a case towards its success outcome, in the stage it is in. */
function nextStep(
  pipeline: PipelineDefinition,
  view: JsonResponse['body'],
): { action: string; payload: Record<string, unknown>; actor?: Actor } | undefined {
  const stage = pipeline.stages[view.stage.id]!;
  if (stage.kind === 'payment') {
    const remaining = view.state.subsidy ? view.state.subsidy.committedCny - view.state.subsidy.paidCny : 0;
    return remaining > 0 ? { action: 'payInstalment', payload: { amountCny: remaining } } : undefined;
  }
  if (stage.kind === 'approval') {
    const withReply = 'replyNumber' in stage.actions.approve!.payloadSchema.properties;
    return {
      action: 'approve',
      payload: successPayloads[withReply ? 'approval.approve' : 'approve']!,
      actor: approver,
    };
  }
  if (stage.kind === 'follow_up') {
    const action = 'close' in stage.actions ? 'close' : 'checkIn';
    return { action, payload: payloadFor(view.stage.id, action) };
  }
  const action = Object.keys(stage.actions)[0];
  if (!action) return undefined;
  // The officer who sends a case to its notice is not the one who opened it, as in an office.
  const next = stage.actions[action]!.outcomes.pass?.to;
  return {
    action,
    payload: payloadFor(view.stage.id, action),
    ...(next === 'publicNotice' && { actor: secondOfficer }),
  };
}

const expectedSuccess: Record<string, string> = {
  expert_workstation: 'closed',
  returning_talent: 'settled',
};

/**
 * A recruitment walks to 试用期, which holds 转正 for a year after today's 报到
 * (recruitment.e2e, introduced-talent.e2e and the rounds e2e walk past it on backdated cases).
 */
const heldAtProbation = (pipeline: PipelineDefinition, view: JsonResponse['body']): boolean =>
  pipeline.kind === 'recruitment' && view.stage.id === 'probation';

describe('every shipped pipeline runs from open to its success outcome, or to a recruit’s 试用期', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startTestStack('pipelines', { CASE_DAY_SECONDS: '0.05' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  // A case opens on its pipeline's latest version; earlier ones stay for the cases pinned to them.
  const latest = builtInPipelines.filter(
    (pipeline) => !builtInPipelines.some((other) => other.id === pipeline.id && other.version > pipeline.version),
  );

  it.each(latest.map((pipeline) => [pipeline.id, pipeline] as const))('%s', async (_, pipeline) => {
    const opened = await api.open({
      kind: pipeline.kind,
      ...(pipeline.channel && { channel: pipeline.channel }),
      ...(pipeline.workstationType && { workstationType: pipeline.workstationType }),
      subject: { name: pipeline.label },
      year: 2023,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;

    let view = opened.body;
    for (let steps = 0; view.state.status !== 'closed' && !heldAtProbation(pipeline, view) && steps < 40; steps += 1) {
      const step = nextStep(pipeline, view);
      if (step) {
        view = (await api.step(caseId, step.action, step.payload, step.actor)).body;
      } else {
        // An automatic stage (a reservation, a notice, a subsidy being committed): wait for the engine.
        const version = view.state.version as number;
        view = await api.waitFor(caseId, (body) => body.state.version > version);
      }
    }

    if (pipeline.kind !== 'recruitment') {
      expect(view.state.outcome).toMatchObject({ id: expectedSuccess[pipeline.kind], result: 'success' });
      return;
    }
    expect(view.stage.id).toBe('probation');
    expect(await api.act(caseId, 'confirm', {})).toMatchObject({ status: 422, body: { error: 'ACTION_TOO_EARLY' } });
    // An introduced talent's subsidy runs beside 试用期: committed as it begins.
    const subsidy = pipeline.stages.probation!.subsidy;
    if (subsidy) {
      const committed = await api.waitFor(caseId, (body) => body.state.subsidy?.committedCny === subsidy.amountCny);
      expect(committed.stage.id).toBe('probation');
    }
  });
});
