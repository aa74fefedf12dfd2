import { builtInPipelines } from '@talent/pipelines';
import { stagesInOrder } from './pipeline';

const pipeline = (id: string, version: number) =>
  builtInPipelines.find((definition) => definition.id === id && definition.version === version)!;

describe('the stages of a pipeline in the order a case passes through them', () => {
  it('puts 体检复检 after 体检, and 备案 and 入编 between 审批 and 报到', () => {
    const order = stagesInOrder(pipeline('recruitment.shortage_talent', 3));

    expect(order.indexOf('physicalReexamination')).toBe(order.indexOf('physicalExam') + 1);
    expect(order.slice(order.indexOf('approval'), order.indexOf('onboarding') + 1)).toEqual([
      'approval',
      'filing',
      'establishment',
      'onboarding',
    ]);
    expect(order.at(-1)).toBe('servicePeriod');
  });

  it('lists every stage once, whatever the pipeline', () => {
    for (const definition of builtInPipelines) {
      expect([...stagesInOrder(definition)].sort()).toEqual(Object.keys(definition.stages).sort());
    }
  });
});
