import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import type { Actor, CaseSubject } from '@talent/domain';
import {
  maskPersonal,
  normalisePersonal,
  pathsWithPersonalNumbers,
  PERSONAL_FIELDS,
  type PersonalField,
  personalFieldProblem,
  PiiCipher,
} from '@talent/personal-data';

/** What a request may carry about a subject: personal fields in plaintext, once, over TLS. */
export interface SubjectInput {
  name: string;
  details?: Record<string, string | number | boolean>;
  idCardNumber?: string;
  phone?: string;
}

const LOOKS_LIKE = 'looks like an identity-card or phone number';

const contextOf = (caseId: string, field: PersonalField) => `case-${caseId}/${field}`;

/**
 * Candidates' identity-card and phone numbers (PIPL): checked and encrypted before a case reaches
 * Temporal or the event store, shown in full only to the officer handling the case and masked to
 * everyone else.
 */
@Injectable()
export class SubjectPrivacy {
  private readonly logger = new Logger(SubjectPrivacy.name);

  constructor(private readonly cipher: PiiCipher) {}

  /** The subject as stored: personal fields normalised and encrypted for this case alone. */
  seal(caseId: string, input: SubjectInput): CaseSubject {
    const problems = PERSONAL_FIELDS.flatMap((field) => {
      const value = input[field];
      const problem = value === undefined ? undefined : personalFieldProblem(field, value);
      return problem ? [`subject.${field} ${problem}`] : [];
    });
    const elsewhere = `${LOOKS_LIKE}; put it in subject.idCardNumber or subject.phone, where it is encrypted`;
    const flat = Object.fromEntries(
      Object.entries(input.details ?? {}).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)),
    );
    for (const path of pathsWithPersonalNumbers({ 'subject.details': flat, 'subject.name': input.name })) {
      problems.push(`${path} ${elsewhere}`);
    }
    for (const key of Object.keys(input.details ?? {})) {
      if (!Object.hasOwn(flat, key)) problems.push(`subject.details.${key} must be a string, a number or a boolean`);
    }
    if (problems.length > 0) throw new BadRequestException(problems);
    const sealed: CaseSubject = { name: input.name, ...(input.details && { details: input.details }) };
    for (const field of PERSONAL_FIELDS) {
      const value = input[field];
      if (value !== undefined)
        sealed[field] = this.cipher.encrypt(normalisePersonal(field, value), contextOf(caseId, field));
    }
    return sealed;
  }

  /** No free text of an action (its reason, any string of its payload) may carry such numbers either. */
  freeTextProblems(fields: Record<string, unknown>): string[] {
    return pathsWithPersonalNumbers(fields).map(
      (path) => `${path} ${LOOKS_LIKE}; personal numbers belong in the case's subject only`,
    );
  }

  /**
   * What identifies a request's subject for idempotency, with personal fields as keyed blind
   * indexes: equal for the same person, useless to anyone without the key.
   */
  fingerprint(input: SubjectInput): Record<string, unknown> {
    const print: Record<string, unknown> = { name: input.name, ...(input.details && { details: input.details }) };
    for (const field of PERSONAL_FIELDS) {
      const value = input[field];
      if (value !== undefined) print[field] = this.cipher.blindIndex(normalisePersonal(field, value));
    }
    return print;
  }

  /** The stored subject's fingerprint, to compare with a repeated request's. */
  storedFingerprint(caseId: string, subject: CaseSubject): Record<string, unknown> {
    const plain: SubjectInput = { name: subject.name, ...(subject.details && { details: subject.details }) };
    for (const field of PERSONAL_FIELDS) {
      const token = subject[field];
      if (token !== undefined) plain[field] = this.cipher.decrypt(token, contextOf(caseId, field));
    }
    return this.fingerprint(plain);
  }

  /** The subject for `viewer`: in full for the handling officer, masked for every other role. */
  reveal(
    caseId: string,
    subject: CaseSubject,
    viewer: Actor,
    handlingOfficer: string | undefined,
  ): CaseSubject & { personalData?: 'shown' | 'masked' } {
    const present = PERSONAL_FIELDS.filter((field) => subject[field] !== undefined);
    if (present.length === 0) return subject;
    const shown = viewer.role === 'hr_officer' && viewer.id === handlingOfficer;
    const revealed: CaseSubject & { personalData?: 'shown' | 'masked' } = {
      ...subject,
      personalData: shown ? 'shown' : 'masked',
    };
    for (const field of present) {
      try {
        const plaintext = this.cipher.decrypt(subject[field]!, contextOf(caseId, field));
        revealed[field] = shown ? plaintext : maskPersonal(field, plaintext);
      } catch (error) {
        // A lost or wrongly rotated key must not take the case down with it; operators must hear of it.
        this.logger.error(`case ${caseId}: ${field} could not be decrypted (${(error as Error).message})`);
        revealed[field] = '[unreadable]';
      }
    }
    return revealed;
  }
}
