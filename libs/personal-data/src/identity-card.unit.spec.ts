import { identityCardProblem, normaliseIdentityCard, normalisePhone, phoneProblem } from './identity-card';

// Derived independently of the code under test: weight 2^(17-i) mod 11, check '10X98765432'[sum mod 11].
const withCheckCharacter = (first17: string): string => {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
};

const beijingNoon = (date: string) => new Date(`${date}T12:00:00+08:00`);

describe('identity card numbers (公民身份号码, GB 11643-1999)', () => {
  const valid = withCheckCharacter('53250119900101123');

  it('accepts a number whose check character matches', () => {
    expect(valid).toBe('532501199001011239');
    expect(identityCardProblem(valid)).toBeUndefined();
  });

  it('accepts the X check character, in either case, and normalises it', () => {
    expect(identityCardProblem('11010519491231002X')).toBeUndefined();
    expect(identityCardProblem(' 11010519491231002x ')).toBeUndefined();
    expect(normaliseIdentityCard(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it.each(['53250119900101123', '5325011990010112399', '53250119900101123A', '5325011990010112X9', ''])(
    'refuses %p for its shape',
    (value) => {
      expect(identityCardProblem(value)).toBe('must be 18 characters: 17 digits and a check character (0-9 or X)');
    },
  );

  it('refuses a wrong check character, including a digit typed in place of X', () => {
    expect(identityCardProblem('532501199001011238')).toBe('has a wrong check character');
    expect(identityCardProblem('110105194912310021')).toBe('has a wrong check character');
  });

  it.each([
    ['30 February', '19900230'],
    ['a thirteenth month', '19901301'],
    ['day zero', '19900100'],
    ['29 February outside a leap year', '19010229'],
    ['a date before 1900', '18991231'],
  ])('refuses %s as a birth date', (_name, birthDate) => {
    expect(identityCardProblem(withCheckCharacter(`532501${birthDate}123`))).toBe('has an impossible birth date');
  });

  it('accepts 29 February in a leap year and 1 January 1900', () => {
    expect(identityCardProblem(withCheckCharacter('53250120000229123'))).toBeUndefined();
    expect(identityCardProblem(withCheckCharacter('53250119000101123'))).toBeUndefined();
  });

  it('accepts a birth date of today but not tomorrow, in the office calendar', () => {
    const bornOn20240610 = withCheckCharacter('53250120240610123');

    expect(identityCardProblem(bornOn20240610, beijingNoon('2024-06-10'))).toBeUndefined();
    expect(identityCardProblem(bornOn20240610, beijingNoon('2024-06-09'))).toBe('has an impossible birth date');
    // 2024-06-09T17:00Z is already 10 June in Beijing.
    expect(identityCardProblem(bornOn20240610, new Date('2024-06-09T17:00:00Z'))).toBeUndefined();
  });
});

describe('mainland mobile numbers', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    expect(phoneProblem('13812345678')).toBeUndefined();
    expect(phoneProblem('19912345678')).toBeUndefined();
  });

  it.each(['+8613812345678', '8613812345678', '+86 138 1234 5678', ' 138-1234-5678 '])(
    'accepts and normalises %p',
    (value) => {
      expect(phoneProblem(value)).toBeUndefined();
      expect(normalisePhone(value)).toBe('13812345678');
    },
  );

  it.each(['1381234567', '138123456789', '1381234567a', '+85213812345678', ''])(
    'refuses %p for its length',
    (value) => {
      expect(phoneProblem(value)).toBe('must be 11 digits, optionally after +86');
    },
  );

  it.each(['12812345678', '10012345678', '23812345678'])('refuses %p, outside the mobile ranges', (value) => {
    expect(phoneProblem(value)).toBe('must be a mainland mobile number starting with 13 to 19');
  });
});
