import { identityCardProblem, normaliseIdentityCard, normalisePhone, phoneProblem } from './identity-card';
import { maskIdentityCard, maskPhone } from './masking';

/**
 * The subject fields that are personal information under PIPL: stored encrypted, shown masked,
 * matched by blind index. A field added here must be handled by each switch below.
 */
export const PERSONAL_FIELDS = ['idCardNumber', 'phone'] as const;

export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export function normalisePersonal(field: PersonalField, value: string): string {
  switch (field) {
    case 'idCardNumber':
      return normaliseIdentityCard(value);
    case 'phone':
      return normalisePhone(value);
  }
}

export function personalFieldProblem(field: PersonalField, value: string): string | undefined {
  switch (field) {
    case 'idCardNumber':
      return identityCardProblem(value);
    case 'phone':
      return phoneProblem(value);
  }
}

export function maskPersonal(field: PersonalField, plaintext: string): string {
  switch (field) {
    case 'idCardNumber':
      return maskIdentityCard(plaintext);
    case 'phone':
      return maskPhone(plaintext);
  }
}
