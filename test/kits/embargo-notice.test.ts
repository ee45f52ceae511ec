import { describe, expect, it } from 'vitest';
import { commaFor, embargoFileTag, embargoNotice, zoneCity } from '../../electron/shared/kits/layout';

describe('the embargo line', () => {
  it('gives the time in the embargo zone by its city, and in UTC', () => {
    expect(embargoNotice('2026-10-12T15:00:00Z', 'America/Bogota', 'en')).toBe('EMBARGOED UNTIL 12 October 2026, 10:00 Bogotá time (15:00 UTC)');
    expect(embargoNotice('2026-10-12T15:00:00Z', 'America/Bogota', 'fr')).toBe('SOUS EMBARGO JUSQU’AU 12 octobre 2026, 10:00 heure de Bogotá (15:00 UTC)');
    expect(embargoNotice('2026-10-12T15:00:00Z', 'America/Bogota', 'es')).toBe('BAJO EMBARGO HASTA EL 12 de octubre de 2026, 10:00 hora de Bogotá (15:00 UTC)');
  });

  it('names the zone in Arabic for an Arabic kit', () => {
    const ar = embargoNotice('2026-10-12T15:00:00Z', 'Africa/Kampala', 'ar');
    expect(ar.startsWith('يحظر النشر حتى')).toBe(true);
    expect(ar).toContain('، 18:00');
    expect(ar).toContain('18:00 توقيت شرق أفريقيا');
    expect(ar).toContain('(15:00 UTC)');
  });

  it('adds the UTC date when it is another day there, and says UTC alone for UTC', () => {
    expect(embargoNotice('2026-10-12T23:30:00Z', 'Asia/Tokyo', 'en')).toBe('EMBARGOED UNTIL 13 October 2026, 08:30 Tokyo time (23:30 UTC, 12 October 2026)');
    expect(embargoNotice('2026-10-12T23:30:00Z', 'UTC', 'en')).toBe('EMBARGOED UNTIL 12 October 2026, 23:30 UTC');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('takes the Arabic comma for Arabic by its base language only, in the embargo line and the dateline alike', () => {
    expect(commaFor('ar')).toBe('، ');
    expect(commaFor('ar-EG')).toBe('، ');
    // Mapuche (arn) is not Arabic, though its code starts the same.
    expect(commaFor('arn')).toBe(', ');
    expect(commaFor('fr')).toBe(', ');
  });

  it('tags file names with the UTC instant', () => {
    expect(embargoFileTag('2026-10-12T15:00:00Z')).toBe('EMBARGOED until 2026-10-12 1500 UTC');
  });
});
