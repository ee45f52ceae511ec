import { describe, expect, it } from 'vitest';
import { zoneForTyped } from '../../electron/shared/zone-names';

/** What a person types in an office's time-zone field, read as the zone they mean, or as none. */

const zones = Intl.supportedValuesOf('timeZone');

describe('a time zone typed by hand', () => {
  it('takes a zone name in any capitals, as the zone database spells it', () => {
    expect(zoneForTyped('africa/nairobi', zones)).toBe('Africa/Nairobi');
    expect(zoneForTyped('  Europe/Zurich ', zones)).toBe('Europe/Zurich');
    expect(zoneForTyped('UTC', zones)).toBe('UTC');
  });

  it('takes the city a zone is known by, in each working language, accents and spaces aside', () => {
    expect(zoneForTyped('Nairobi', zones)).toBe('Africa/Nairobi');
    expect(zoneForTyped('Sao Paulo', zones)).toBe('America/Sao_Paulo');
    expect(zoneForTyped('são paulo', zones)).toBe('America/Sao_Paulo');
    expect(zoneForTyped('Le Caire', zones)).toBe('Africa/Cairo');
    expect(zoneForTyped('Amán', zones)).toBe('Asia/Amman');
    expect(zoneForTyped('عمّان', zones)).toBe('Asia/Amman');
    expect(zoneForTyped('دمشق', zones)).toBe('Asia/Damascus');
  });

  it('answers nothing for a name no zone has, or nothing typed', () => {
    expect(zoneForTyped('Kasese', zones)).toBeNull();
    expect(zoneForTyped('Europe/Atlantis', zones)).toBeNull();
    expect(zoneForTyped('GMT+25', zones)).toBeNull();
    expect(zoneForTyped('   ', zones)).toBeNull();
  });
});
