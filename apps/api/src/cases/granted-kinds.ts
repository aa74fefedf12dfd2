import { type CaseKind, DomainError } from '@talent/domain';

/** The case kinds an API client was granted; null for officers, whose role alone decides. */
export type GrantedKinds = readonly CaseKind[] | null;

export function checkGranted(granted: GrantedKinds, kind: CaseKind, verb: 'open' | 'read'): void {
  if (granted && !granted.includes(kind)) {
    throw new DomainError(
      'CASE_KIND_NOT_GRANTED',
      `This API client may ${verb} ${granted.join(', ')} cases only, not ${kind}; an admin grants more.`,
    );
  }
}
