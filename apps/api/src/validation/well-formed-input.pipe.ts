import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';

/** Deeper than any request of this api: the nesting a hostile body uses to exhaust the stack. */
export const MAX_INPUT_DEPTH = 32;

// Enough to name what is wrong; a body of a thousand bad strings need not get a thousand lines back.
const MAX_PROBLEMS = 20;

const ILL_FORMED = 'must be well-formed Unicode text without NUL characters';

// PostgreSQL refuses both in text and jsonb: accepted here, they would fail the append later and
// leave the case retrying it.
const isWellFormedText = (text: string) => text.isWellFormed() && !text.includes('\u0000');

const PLAIN_KEY = /^[\p{L}\p{N}_$-]+$/u;

/** A field's path as a client names it: payload.remarks, items[2], details["a key"]. */
function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function collectProblems(value: unknown, path: string, depth: number, problems: string[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) problems.push(`${path} ${ILL_FORMED}`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_INPUT_DEPTH) {
    problems.push(`${path} is nested deeper than ${MAX_INPUT_DEPTH} levels`);
    return;
  }
  const entries: Iterable<[string | number, unknown]> = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const at = childPath(path, key);
    if (typeof key === 'string' && !isWellFormedText(key)) problems.push(`${at} is a key that ${ILL_FORMED}`);
    // A field by this name sets the prototype of the object a validator or a spread copies it into.
    if (key === '__proto__') problems.push(`${at} is not a field of any request`);
    collectProblems(item, at, depth + 1, problems);
  }
}

/**
 * Runs before validation on every body, query and route parameter: refuses text PostgreSQL would
 * refuse, and nesting deep enough to overflow the stack of the validators that walk it next.
 */
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: string[] = [];
    collectProblems(value, metadata.data ?? '', 1, problems);
    if (problems.length > 0) throw new BadRequestException(problems);
    return value;
  }
}
