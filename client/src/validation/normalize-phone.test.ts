import { describe, expect, it } from 'vitest';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { normalizePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each([
    ['0712345678', '254712345678'],
    ['0112345678', '254112345678'],
    ['+254712345678', '254712345678'],
    ['254712345678', '254712345678'],
    ['712345678', '254712345678'],
    ['112345678', '254112345678'],
    ['0712 345 678', '254712345678'],
    ['0712-345-678', '254712345678'],
    ['+254 712 345 678', '254712345678'],
    ['+254-112-345-678', '254112345678'],
    ['(0712) 345678', '254712345678'],
    ['00254712345678', '254712345678'],
    ['+254 (0)712 345678', '254712345678'],
    [' 254708374149 ', '254708374149'],
    [254708374149, '254708374149'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['07123456', 'too short'],
    ['07123456789', 'too long'],
    ['0212345678', 'a landline'],
    ['+243812345678', 'a DRC number'],
    ['+255712345678', 'a Tanzanian number'],
    ['07l2345678', 'a letter inside'],
    ['2547123456789', 'thirteen digits'],
  ])('refuses %j (%s)', (input) => {
    expect(() => normalizePhone(input)).toThrow(DarajaValidationError);
  });

  it('names the field it was given in the error', () => {
    const error = (() => {
      try {
        normalizePhone('12345', 'msisdn');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DarajaValidationError);
    expect(error).toMatchObject({ field: 'msisdn' });
    expect((error as Error).message).toMatch(/^msisdn: must be a Kenyan mobile number/);
  });
});
