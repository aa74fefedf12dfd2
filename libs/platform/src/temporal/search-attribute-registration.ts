import { status as GrpcStatus } from '@grpc/grpc-js';
import type { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { allSearchAttributeKeys } from '@talent/workflows/search-attributes';

type SearchAttributeKey = (typeof allSearchAttributeKeys)[number];

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

const protoType: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  TEXT: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** `Name=Type` pairs in the form `temporal server start-dev --search-attribute` takes. */
export function devServerSearchAttributeFlags(keys: readonly SearchAttributeKey[] = allSearchAttributeKeys): string[] {
  const cliType: Record<SearchAttributeType, string> = {
    TEXT: 'Text',
    KEYWORD: 'Keyword',
    INT: 'Int',
    DOUBLE: 'Double',
    BOOL: 'Bool',
    DATETIME: 'Datetime',
    KEYWORD_LIST: 'KeywordList',
  };
  return keys.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]);
}

export type RegistrationOutcome = 'registered' | 'already-present' | 'not-permitted';

/**
 * Adds the project's search attributes to a namespace that lacks them (a self-hosted cluster set
 * up by hand). Temporal Cloud manages them through its own control plane and refuses this call;
 * that is reported, not fatal, because the attributes may well exist there already.
 */
export async function ensureSearchAttributes(
  connection: Connection,
  namespace: string,
  keys: readonly SearchAttributeKey[] = allSearchAttributeKeys,
): Promise<RegistrationOutcome> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const known = { ...existing.customAttributes, ...existing.systemAttributes };
    const missing = keys.filter((key) => !(key.name in known));
    if (missing.length === 0) return 'already-present';
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, protoType[key.type]])),
    });
    return 'registered';
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === GrpcStatus.ALREADY_EXISTS) return 'already-present';
    if (code === GrpcStatus.PERMISSION_DENIED || code === GrpcStatus.UNIMPLEMENTED) return 'not-permitted';
    throw error;
  }
}
