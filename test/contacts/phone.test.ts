import { describe, expect, it } from 'vitest';
import { callingCode, toE164 } from '../../electron/shared/contacts/phone';

describe('phones to E.164', () => {
  it.each([
    ['022 917 12 34', 'CH', '+41229171234'],
    ['+41 22 917 12 34', null, '+41229171234'],
    ['0041 22 917 12 34', 'KE', '+41229171234'],
    ['0712 345 678', 'KE', '+254712345678'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['(212) 555-0100', 'US', '+12125550100'],
    ['1 212 555 0100', 'US', '+12125550100'],
    ['8 495 123 45 67', 'RU', '+74951234567'],
    ['079 123 4567', 'JO', '+962791234567'],
  ])('reads %s in %s as %s', (typed, country, e164) => {
    expect(toE164(typed, country)).toBe(e164);
  });

  it.each([
    ['022 917 12 34 ext. 5', 'CH', 'an extension'],
    ['0712 345 678', null, 'no country to read a national number in'],
    ['0712 345 678', 'XX', 'a country the table does not know'],
    ['1234', 'CH', 'too few digits'],
    ['+1 234 567 890 123 456 7', null, 'more than 15 digits'],
    ['+0 22 917 12 34', null, 'a calling code cannot start with 0'],
  ])('keeps %s (%s) as typed: %s', (typed, country, _why) => {
    expect(toE164(typed, country)).toBeNull();
  });

  it('knows the calling codes of the offices’ countries', () => {
    expect([callingCode('CH'), callingCode('SD'), callingCode('CO'), callingCode('LB'), callingCode('ZZ')]).toEqual(['41', '249', '57', '961', null]);
  });
});
