/**
 * Masks for showing personal data to staff who only need to recognise it (脱敏展示):
 * the first digits (province and city, or carrier) and the last four, never an ID card's birth date.
 */

const ID_CARD_LENGTH = 18;
const PHONE_LENGTH = 11;

/** '532501199001011234' → '5325**********1234'. */
export const maskIdentityCard = (value: string): string =>
  value.length === ID_CARD_LENGTH ? `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(-4)}` : maskUnexpected(value);

/** '13812345678' → '138****5678'. */
export const maskPhone = (value: string): string =>
  value.length === PHONE_LENGTH ? `${value.slice(0, 3)}****${value.slice(-4)}` : maskUnexpected(value);

// A value of the wrong shape was not validated, so nothing is known about which part is safe to show;
// values too short to keep two characters hidden are masked whole.
const maskUnexpected = (value: string): string =>
  value.length > 4 ? `${'*'.repeat(value.length - 2)}${value.slice(-2)}` : '*'.repeat(value.length);
