import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

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
