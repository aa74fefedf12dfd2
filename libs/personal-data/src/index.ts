export {
  identityCardCheckCharacter,
  identityCardProblem,
  normaliseIdentityCard,
  normalisePhone,
  phoneProblem,
} from './identity-card';
export { maskIdentityCard, maskPhone } from './masking';
export { PiiCipher, PiiDecryptionError } from './pii-cipher';
export type { PiiCipherKeys, PiiDecryptionFailure } from './pii-cipher';
export {
  PERSONAL_FIELDS,
  isPersonalField,
  maskPersonal,
  normalisePersonal,
  personalFieldProblem,
} from './personal-fields';
export type { PersonalField } from './personal-fields';
