import { defineSearchAttributeKey, type SearchAttributePair, SearchAttributeType } from '@temporalio/common';
import type { PipelineDefinition } from '@talent/domain';

/**
 * The custom search attributes every case keeps current, so officers can filter cases in the
 * Temporal UI and operators can count them with a visibility query. The dev server registers them
 * at start; an existing cluster gets them from the worker at boot.
 */
export const caseSearchAttributes = {
  caseKind: defineSearchAttributeKey('CaseKind', SearchAttributeType.KEYWORD),
  caseChannel: defineSearchAttributeKey('CaseChannel', SearchAttributeType.KEYWORD),
  caseStage: defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD),
  caseStatus: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
  caseYear: defineSearchAttributeKey('CaseYear', SearchAttributeType.INT),
  divisionCode: defineSearchAttributeKey('DivisionCode', SearchAttributeType.KEYWORD),
} as const;

export const allSearchAttributeKeys = Object.values(caseSearchAttributes);

/** What a new case's workflow starts with, whoever starts it (the api, or a round for its candidates). */
export function caseStartAttributes(
  pipeline: Pick<PipelineDefinition, 'kind' | 'channel' | 'workstationType'>,
  year: number,
  divisionCode: string,
  stage: string,
): SearchAttributePair[] {
  return [
    { key: caseSearchAttributes.caseKind, value: pipeline.kind },
    { key: caseSearchAttributes.caseChannel, value: pipeline.channel ?? pipeline.workstationType ?? pipeline.kind },
    { key: caseSearchAttributes.caseYear, value: year },
    { key: caseSearchAttributes.divisionCode, value: divisionCode },
    { key: caseSearchAttributes.caseStatus, value: 'open' },
    { key: caseSearchAttributes.caseStage, value: stage },
  ];
}
