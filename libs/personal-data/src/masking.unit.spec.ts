import { maskIdentityCard, maskPhone } from './masking';

describe('masks for display (脱敏展示)', () => {
  it('keeps the first four and last four characters of an identity card number', () => {
    expect(maskIdentityCard('532501199001011234')).toBe('5325**********1234');
    expect(maskIdentityCard('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the last two characters of a value of unexpected length', () => {
    expect(maskIdentityCard('53250119900101123')).toBe('***************23');
    expect(maskPhone('+8613812345678')).toBe('************78');
  });

  it('never returns a short value whole', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskIdentityCard('12')).toBe('**');
    expect(maskPhone('')).toBe('');
  });
});
