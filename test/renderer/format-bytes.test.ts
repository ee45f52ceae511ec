import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../renderer/ui/languages';

/** File sizes as a person reads them: whole bytes with the plural each language gives them. */

// French sets a narrow no-break space between a number and its unit; spaces are compared as spaces.
const size = (n: number, locale: string) => formatBytes(n, locale).replace(/[\u00a0\u202f]/gu, ' ');

describe('a file size', () => {
  it('says bytes with their plural, in each language', () => {
    expect(size(937, 'en')).toBe('937 bytes');
    expect(size(1, 'en')).toBe('1 byte');
    expect(size(0, 'en-GB')).toBe('0 bytes');
    expect(size(937, 'fr')).toBe('937 octets');
    expect(size(1, 'fr')).toBe('1 octet');
    expect(size(937, 'es')).toBe('937 bytes');
    expect(size(1, 'es')).toBe('1 byte');
    expect(size(937, 'ar')).toMatch(/^\S+ بايت$/u);
  });

  it('shortens the larger units', () => {
    expect(size(1536, 'en')).toBe('1.5 kB');
    expect(size(5 * 1024 * 1024, 'fr')).toBe('5 Mo');
  });
});
