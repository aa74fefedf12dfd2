import { builtInPipelines } from '@talent/pipelines';
import { deciderSpecification } from '@talent/testing';
import type { Actor } from '../shared/roles';
import type { CaseCommand } from './case-commands';
import type { CaseEvent, RoundPlace } from './case-events';
import { type CaseState, evolve } from './case-state';
import { decideCase } from './decide-case';
import type { PipelineDefinition, StageKind } from './pipeline';

/** Builders shared by the case specs: histories read as the office would tell them. */
export const officer: Actor = { id: 'officer-wang', role: 'hr_officer' };
export const approver: Actor = { id: 'leader-zhao', role: 'approver' };

/** The version new cases get. */
export const latestPipeline = (id: string): PipelineDefinition =>
  builtInPipelines
    .filter((definition) => definition.id === id)
    .reduce((latest, definition) => (definition.version > latest.version ? definition : latest));

export const specFor = (definition: PipelineDefinition) =>
  deciderSpecification<CaseState, CaseCommand, CaseEvent>({
    decide: (state, command) => decideCase(state, command, definition),
    evolve,
  });

export const event = <T extends CaseEvent['type']>(
  type: T,
  data: Extract<CaseEvent, { type: T }>['data'],
  occurredAt: string,
  actor: Actor = officer,
): CaseEvent => ({ type, data, meta: { actor, occurredAt } }) as CaseEvent;

/** An event builder for specs whose facts all happened at one moment. */
export const eventsAt =
  (occurredAt: string) =>
  <T extends CaseEvent['type']>(type: T, data: Extract<CaseEvent, { type: T }>['data'], actor: Actor = officer) =>
    ({ type, data, meta: { actor, occurredAt } }) as CaseEvent;

export const opened = (definition: PipelineDefinition, occurredAt: string, round?: RoundPlace) =>
  event(
    'CaseOpened',
    {
      caseId: 'c-1',
      kind: definition.kind,
      ...(definition.channel && { channel: definition.channel }),
      pipelineId: definition.id,
      pipelineVersion: definition.version,
      subject: { name: '张三' },
      year: 2023,
      divisionCode: '530000',
      ...(round && { round }),
    },
    occurredAt,
  );

export const entered = (definition: PipelineDefinition, stage: string, occurredAt: string, actor = officer) =>
  event('StageEntered', { stage, stageKind: definition.stages[stage]!.kind satisfies StageKind }, occurredAt, actor);
