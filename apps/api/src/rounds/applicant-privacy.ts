import { BadRequestException, Injectable } from '@nestjs/common';
import { candidateCaseId } from '@talent/activities';
import type { Applicant } from '@talent/domain';
import { normalisePersonal, pathsWithPersonalNumbers, personalFieldProblem, PiiCipher } from '@talent/personal-data';

/** An applicant as a request or an uploaded row gives them: personal numbers in plaintext. */
export type ApplicantInput = Omit<Applicant, 'idCardKey'>;

/**
 * Applicants' identity-card and phone numbers, encrypted before they reach Temporal or the event
 * store, for the case the applicant would become (`case-<roundId>-<ticket>`): a candidate's case
 * opens with them as they are, and the case's officer reads them as any case's. The keyed digest
 * of the card number finds a second application by the same person without decrypting anyone.
 */
@Injectable()
export class ApplicantPrivacy {
  constructor(private readonly cipher: PiiCipher) {}

  /** Every problem of the given applicants, by index, before any is sealed. */
  problems(applicants: readonly ApplicantInput[]): string[] {
    return applicants.flatMap((applicant, index) => {
      const at = `applicants[${index}]`;
      const found: string[] = [];
      const card = personalFieldProblem('idCardNumber', applicant.idCardNumber);
      if (card) found.push(`${at}.idCardNumber ${card}`);
      const phone = applicant.phone === undefined ? undefined : personalFieldProblem('phone', applicant.phone);
      if (phone) found.push(`${at}.phone ${phone}`);
      const { idCardNumber: _card, phone: _phone, ...free } = applicant;
      for (const path of pathsWithPersonalNumbers({ [at]: free })) {
        found.push(`${path} looks like an identity-card or phone number; those belong in idCardNumber and phone`);
      }
      return found;
    });
  }

  seal(roundId: string, applicants: readonly ApplicantInput[]): Applicant[] {
    const problems = this.problems(applicants);
    if (problems.length > 0) throw new BadRequestException(problems);
    return applicants.map((applicant) => {
      const context = `case-${candidateCaseId(roundId, applicant.ticket)}`;
      const card = normalisePersonal('idCardNumber', applicant.idCardNumber);
      return {
        ...applicant,
        idCardNumber: this.cipher.encrypt(card, `${context}/idCardNumber`),
        idCardKey: this.cipher.blindIndex(card),
        ...(applicant.phone !== undefined && {
          phone: this.cipher.encrypt(normalisePersonal('phone', applicant.phone), `${context}/phone`),
        }),
      };
    });
  }
}
