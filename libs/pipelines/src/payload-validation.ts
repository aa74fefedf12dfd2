import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { PayloadSchema } from '@talent/domain';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
/**
 * Validators by the schema's text: a schema reaches the worker's activities deserialised afresh
 * each time, so a cache by object would compile on every call, and ajv would keep each copy. The
 * schemas are the pipelines' own, a few dozen in all.
 */
const compiled = new Map<string, ValidateFunction>();

/** Compiles (once per schema) and returns the validator; throws on a malformed schema. */
export function compilePayloadSchema(schema: PayloadSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const field = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'payload';
  if (error.keyword === 'required')
    return `${field === 'payload' ? '' : `${field}.`}${String(error.params.missingProperty)} is required`;
  if (error.keyword === 'additionalProperties') {
    return `${String(error.params.additionalProperty)} is not a field of this action`;
  }
  if (error.keyword === 'enum')
    return `${field} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return `${field} ${error.message ?? 'is invalid'}`;
}

/** Field-level problems of a payload against its action's schema; empty when it fits. */
export function payloadProblems(schema: PayloadSchema, payload: unknown): string[] {
  const validate = compilePayloadSchema(schema);
  return validate(payload) ? [] : (validate.errors ?? []).map(describe);
}
