import { pathsWithPersonalNumbers, personalNumberIn } from './personal-numbers';

// Derived independently of the code under test: weight 2^(17-i) mod 11, check '10X98765432'[sum mod 11].
const withCheckCharacter = (first17: string): string => {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
};

const ID_CARD = withCheckCharacter('53250119900101123');
const toFullWidth = (text: string) => text.replace(/[0-9/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('personal numbers in free text', () => {
  it.each([
    ['a bare mobile number', '联系电话13812345678'],
    ['+86 and hyphens', '电话 +86 138-1234-5678'],
    ['0086 and spaces', '0086 138 1234 5678'],
    ['slashes', '138/1234/5678'],
    ['mixed separators', '(138) 1234.5678'],
    ['full-width digits and slashes', toFullWidth('电话138/1234/5678')],
    ['an ideographic space and full-width brackets', '（１３８）\u30001234\u30005678'],
    ['dashes other than the hyphen', '138–1234—5678'],
    ['a number right after another number', '成绩 90 13812345678'],
    ['a number sent as digits only', '13912345678'],
  ])('finds a phone number written with %s', (_how, text) => {
    expect(personalNumberIn(text)).toBe('phone');
  });

  it.each([
    ['as one run', `身份证${ID_CARD}`],
    ['in groups', `${ID_CARD.slice(0, 6)} ${ID_CARD.slice(6, 14)} ${ID_CARD.slice(14)}`],
    ['with a lowercase x', '身份证号 11010519491231002x'],
    ['in full-width digits', toFullWidth(ID_CARD)],
    ['as a first-generation 15-digit card', '110105 491231 002'],
  ])('finds an identity-card number written %s', (_how, text) => {
    expect(personalNumberIn(text)).toBe('identityCard');
  });

  it.each([
    ['an exam ticket number (准考证号) numbered by year', '准考证号 20230100123'],
    ['a 14-digit exam ticket number', '准考证号：20230601001234'],
    ['a 15-digit exam ticket number', '202301001230045'],
    ['scores', '笔试 86.5 分，面试 90 分，总成绩 88.25'],
    ['dates', '2023-06-01 至 2023-06-30，2023/07/01 报到'],
    ['amounts', '安家费 ¥138,000.00 元，分 3 期，每期 46,000 元'],
    ['an 18-digit number with a wrong check character', `${ID_CARD.slice(0, 17)}${ID_CARD.endsWith('0') ? 1 : 0}`],
    ['an 18-digit number of no province', withCheckCharacter('99250119900101123')],
    ['11 digits outside the mobile ranges', '12345678901'],
    ['a landline with its area code', '0871-12345678'],
    ['a document number', '县人社发〔2023〕13号'],
    ['a 12-digit number starting like a mobile', '138123456789'],
  ])('does not flag %s', (_what, text) => {
    expect(personalNumberIn(text)).toBeUndefined();
  });

  it('names every path of a nested payload that carries one, keys included', () => {
    expect(
      pathsWithPersonalNumbers({
        reason: '本人放弃',
        payload: {
          post: '语文教师',
          remarks: '联系 138 1234 5678',
          referees: [{ name: '张老师', note: `身份证 ${ID_CARD}` }],
          score: 86,
          13912345678: 'key',
          mobile: 13712345678,
        },
      }),
    ).toEqual(['payload.remarks', 'payload.referees[0].note', 'payload.13912345678', 'payload.mobile']);
  });
});
