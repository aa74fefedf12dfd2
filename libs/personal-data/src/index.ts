export {
  identityCardCheckCharacter,
  identityCardProblem,
  normaliseIdentityCard,
  normalisePhone,
  phoneProblem,
} from './identity-card';
export { maskIdentityCard, maskPhone } from './masking';
export { PiiCipher, PiiDecryptionError } from './pii-cipher';
export type { PiiCipherKeys } from './pii-cipher';
export { PERSONAL_FIELDS, maskPersonal, normalisePersonal, personalFieldProblem } from './personal-fields';
export type { PersonalField } from './personal-fields';
export { pathsWithPersonalNumbers, personalNumberIn, textsOf } from './personal-numbers';
export type { PersonalNumberKind } from './personal-numbers';
