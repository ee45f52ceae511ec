import { describe, expect, it } from 'vitest';
import { commaFor, embargoFileTag, embargoNotice, zoneCity } from '../../electron/shared/kits/layout';

describe('the embargo line', () => {
  it('gives the time in the embargo zone by its city, and in UTC', () => {
    expect(embargoNotice('2026-10-12T15:00:00Z', 'America/Bogota', 'en')).toBe('EMBARGOED UNTIL 12 October 2026, 10:00 Bogotá time (15:00 UTC)');
    expect(embargoNotice('2026-10-12T15:00:00Z', 'America/Bogota', 'fr')).toBe('SOUS EMBARGO JUSQU’AU 12 octobre 2026, 10:00 heure de Bogota (15:00 UTC)');
    expect(embargoNotice('2026-10-12T15:00:00Z', 'America/Bogota', 'es')).toBe('BAJO EMBARGO HASTA EL 12 de octubre de 2026, 10:00 hora de Bogotá (15:00 UTC)');
  });

  it('names the zone in Arabic for an Arabic kit', () => {
    const ar = embargoNotice('2026-10-12T15:00:00Z', 'Africa/Kampala', 'ar');
    expect(ar.startsWith('يحظر النشر حتى')).toBe(true);
    expect(ar).toContain('، 18:00');
    expect(ar).toContain('18:00 بتوقيت كمبالا');
    expect(ar).toContain('(15:00 UTC)');
  });

  it('names the zones of the field offices in every language, never by an offset', () => {
    // Intl has no name of its own for Damascus's or Amman's zone, only "GMT+03:00".
    expect(embargoNotice('2026-12-08T07:00:00Z', 'Asia/Damascus', 'ar')).toBe('يحظر النشر حتى 8 ديسمبر 2026، 10:00 بتوقيت دمشق (07:00 UTC)');
    expect(embargoNotice('2026-12-08T07:00:00Z', 'Asia/Amman', 'fr')).toBe('SOUS EMBARGO JUSQU’AU 8 décembre 2026, 10:00 heure d’Amman (07:00 UTC)');
    expect(embargoNotice('2026-12-08T09:00:00Z', 'Europe/Zurich', 'en')).toBe('EMBARGOED UNTIL 8 December 2026, 10:00 Geneva time (09:00 UTC)');
    expect(embargoNotice('2026-12-08T09:00:00Z', 'Africa/Khartoum', 'es')).toBe('BAJO EMBARGO HASTA EL 8 de diciembre de 2026, 11:00 hora de Jartum (09:00 UTC)');
    expect(embargoNotice('2026-12-08T09:00:00Z', 'Asia/Baghdad', 'ar')).toContain('12:00 بتوقيت بغداد');
    // French elides before a vowel and joins "le": "heure d’Amman", "heure du Caire".
    expect(embargoNotice('2026-12-08T09:00:00Z', 'Africa/Cairo', 'fr')).toContain('11:00 heure du Caire');
    expect(embargoNotice('2026-12-08T09:00:00Z', 'Europe/Zurich', 'fr')).toContain('10:00 heure de Genève');
    const offices = ['Asia/Damascus', 'Asia/Amman', 'Asia/Beirut', 'Africa/Cairo', 'Asia/Baghdad', 'Africa/Khartoum', 'Africa/Dakar', 'Africa/Bamako', 'Africa/Nairobi', 'Europe/Zurich', 'America/Bogota', 'America/Panama'];
    for (const zone of offices) {
      for (const language of ['en', 'fr', 'es', 'ar']) {
        const line = embargoNotice('2026-12-08T09:00:00Z', zone, language);
        expect(line, `${zone} ${language}`).not.toMatch(/(GMT|غرينتش)[+−-]|UTC[+−-]/);
        // The city is written in the kit's own script: no Latin letters in an Arabic line but "UTC".
        if (language === 'ar') expect(line.replace(/UTC/g, ''), zone).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('takes Intl’s own Arabic name of a zone the table lacks, when it has a real one', () => {
    expect(embargoNotice('2026-12-08T09:00:00Z', 'Asia/Kathmandu', 'ar')).toContain('14:45 توقيت نيبال');
  });

  it('adds the UTC date when it is another day there, and says UTC alone for UTC', () => {
    expect(embargoNotice('2026-10-12T23:30:00Z', 'Asia/Tokyo', 'en')).toBe('EMBARGOED UNTIL 13 October 2026, 08:30 Tokyo time (23:30 UTC, 12 October 2026)');
    expect(embargoNotice('2026-10-12T23:30:00Z', 'UTC', 'en')).toBe('EMBARGOED UNTIL 12 October 2026, 23:30 UTC');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('names a zone that is only an offset by that offset, the right way round, never as UTC', () => {
    // Etc/GMT-3 is three hours ahead of UTC (the zone database's signs are the other way round).
    expect(embargoNotice('2026-12-08T10:00:00Z', 'Etc/GMT-3', 'en')).toBe('EMBARGOED UNTIL 8 December 2026, 13:00 UTC+3 (10:00 UTC)');
    expect(embargoNotice('2026-12-08T10:00:00Z', 'Etc/GMT+5', 'fr')).toBe('SOUS EMBARGO JUSQU’AU 8 décembre 2026, 05:00 UTC−5 (10:00 UTC)');
    expect(embargoNotice('2026-12-08T10:00:00Z', 'Etc/GMT', 'en')).toBe('EMBARGOED UNTIL 8 December 2026, 10:00 UTC');
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
