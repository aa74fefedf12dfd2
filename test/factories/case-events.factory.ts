import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent } from '@talent/event-store';

/** Event streams shaped as the engine writes them, for read-model specs that need many cases fast. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const officer = { actor: { id: 'officer-wang', role: 'hr_officer' } };

export function caseStream(options: {
  kind: 'recruitment' | 'expert_workstation' | 'returning_talent';
  channel?: string;
  workstationType?: string;
  openedOn: string;
  name?: string;
  /** Who opened it; the steps are the officer's. */
  openedBy?: { id: string; role: string };
  steps?: Array<{ on: string; type: string; data: JsonObject }>;
}): { streamId: string; events: NewEvent[] } {
  const caseId = randomUUID();
  const opened: NewEvent = {
    type: 'CaseOpened',
    data: {
      caseId,
      kind: options.kind,
      ...(options.channel && { channel: options.channel }),
      ...(options.workstationType && { workstationType: options.workstationType }),
      pipelineId: 'x',
      pipelineVersion: 1,
      subject: { name: options.name ?? '某人' },
      year: Number(options.openedOn.slice(0, 4)),
      divisionCode: '530000',
    },
    metadata: options.openedBy ? { actor: options.openedBy } : officer,
    occurredAt: at(options.openedOn),
  };
  const steps = (options.steps ?? []).map((step) => ({
    type: step.type,
    data: step.data,
    metadata: officer,
    occurredAt: at(step.on),
  }));
  return { streamId: `case-${caseId}`, events: [opened, ...steps] };
}

export const closed = (on: string, outcome: string, result = 'success') => ({
  on,
  type: 'CaseClosed',
  data: { outcome, result, lastStage: 'x' },
});
export const action = (on: string, actionId: string, outcome = 'done') => ({
  on,
  type: 'ActionTaken',
  data: { stage: 'x', action: actionId, outcome, payload: {} },
});
export const objection = (on: string) => ({
  on,
  type: 'ObjectionRaised',
  data: { stage: 'publicNotice', grounds: '来信' },
});

export function planStream(year: number, events: Array<{ on: string; type: string; data: JsonObject }>) {
  return {
    streamId: `plan-530000-${year}`,
    events: events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: officer,
      occurredAt: at(event.on),
    })),
  };
}
