import { PERSONAL_FIELDS, maskPersonal, normalisePersonal, personalFieldProblem } from './personal-fields';

describe('personal fields', () => {
  it('lists the identity card number and the phone', () => {
    expect(PERSONAL_FIELDS).toEqual(['idCardNumber', 'phone']);
  });

  it('dispatches normalisation, validation and masking by field', () => {
    expect(normalisePersonal('idCardNumber', ' 11010519491231002x')).toBe('11010519491231002X');
    expect(normalisePersonal('phone', '+8613812345678')).toBe('13812345678');

    expect(personalFieldProblem('idCardNumber', '11010519491231002X')).toBeUndefined();
    expect(personalFieldProblem('idCardNumber', '13812345678')).toBe(
      'must be 18 characters: 17 digits and a check character (0-9 or X)',
    );
    expect(personalFieldProblem('phone', '13812345678')).toBeUndefined();
    expect(personalFieldProblem('phone', '11010519491231002X')).toBe('must be 11 digits, optionally after +86');

    expect(maskPersonal('idCardNumber', '11010519491231002X')).toBe('1101**********002X');
    expect(maskPersonal('phone', '13812345678')).toBe('138****5678');
  });
});
