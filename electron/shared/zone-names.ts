import type { UiLanguageCode } from './ui/languages';

/**
 * What a time zone is called in an embargo line, in each working language. The zone database
 * names a zone after one city in English ("Asia/Damascus"), and Intl's own names are no better
 * everywhere: for Damascus and Amman it gives only "GMT+03:00" (in Arabic "غرينتش+03:00"), and
 * a Latin city inside an Arabic line reads badly. So the zones the organisation's offices keep
 * get the city's name in each language here, by the office's city where the zone is named for
 * another (Geneva keeps Zurich's time, Islamabad Karachi's). The kit's documents (PDF, DOCX)
 * and the screens read this one table.
 */

type Names = Readonly<Record<UiLanguageCode, string>>;

const n = (en: string, fr: string, es: string, ar: string): Names => ({ en, fr, es, ar });

export const ZONE_CITY_NAMES: Readonly<Record<string, Names>> = {
  // The Middle East and North Africa
  'Asia/Damascus': n('Damascus', 'Damas', 'Damasco', 'دمشق'),
  'Asia/Amman': n('Amman', 'Amman', 'Amán', 'عمّان'),
  'Asia/Beirut': n('Beirut', 'Beyrouth', 'Beirut', 'بيروت'),
  'Africa/Cairo': n('Cairo', 'Le Caire', 'El Cairo', 'القاهرة'),
  'Asia/Baghdad': n('Baghdad', 'Bagdad', 'Bagdad', 'بغداد'),
  'Asia/Aden': n('Aden', 'Aden', 'Adén', 'عدن'),
  'Asia/Riyadh': n('Riyadh', 'Riyad', 'Riad', 'الرياض'),
  'Asia/Dubai': n('Dubai', 'Dubaï', 'Dubái', 'دبي'),
  'Asia/Jerusalem': n('Jerusalem', 'Jérusalem', 'Jerusalén', 'القدس'),
  'Asia/Gaza': n('Gaza', 'Gaza', 'Gaza', 'غزة'),
  'Africa/Tripoli': n('Tripoli', 'Tripoli', 'Trípoli', 'طرابلس'),
  'Africa/Tunis': n('Tunis', 'Tunis', 'Túnez', 'تونس'),
  'Africa/Algiers': n('Algiers', 'Alger', 'Argel', 'الجزائر'),
  'Africa/Casablanca': n('Rabat', 'Rabat', 'Rabat', 'الرباط'),
  'Africa/Khartoum': n('Khartoum', 'Khartoum', 'Jartum', 'الخرطوم'),
  // Africa south of the Sahara
  'Africa/Dakar': n('Dakar', 'Dakar', 'Dakar', 'داكار'),
  'Africa/Bamako': n('Bamako', 'Bamako', 'Bamako', 'باماكو'),
  'Africa/Niamey': n('Niamey', 'Niamey', 'Niamey', 'نيامي'),
  'Africa/Ndjamena': n('N’Djamena', 'N’Djamena', 'Yamena', 'نجامينا'),
  'Africa/Ouagadougou': n('Ouagadougou', 'Ouagadougou', 'Uagadugú', 'واغادوغو'),
  'Africa/Abidjan': n('Abidjan', 'Abidjan', 'Abiyán', 'أبيدجان'),
  'Africa/Lagos': n('Abuja', 'Abuja', 'Abuya', 'أبوجا'),
  'Africa/Kinshasa': n('Kinshasa', 'Kinshasa', 'Kinsasa', 'كينشاسا'),
  'Africa/Nairobi': n('Nairobi', 'Nairobi', 'Nairobi', 'نيروبي'),
  'Africa/Kampala': n('Kampala', 'Kampala', 'Kampala', 'كمبالا'),
  'Africa/Juba': n('Juba', 'Djouba', 'Yuba', 'جوبا'),
  'Africa/Addis_Ababa': n('Addis Ababa', 'Addis-Abeba', 'Adís Abeba', 'أديس أبابا'),
  'Africa/Mogadishu': n('Mogadishu', 'Mogadiscio', 'Mogadiscio', 'مقديشو'),
  'Africa/Johannesburg': n('Johannesburg', 'Johannesburg', 'Johannesburgo', 'جوهانسبرغ'),
  'Africa/Maputo': n('Maputo', 'Maputo', 'Maputo', 'مابوتو'),
  // Europe
  'Europe/Zurich': n('Geneva', 'Genève', 'Ginebra', 'جنيف'),
  'Europe/Paris': n('Paris', 'Paris', 'París', 'باريس'),
  'Europe/Rome': n('Rome', 'Rome', 'Roma', 'روما'),
  'Europe/London': n('London', 'Londres', 'Londres', 'لندن'),
  'Europe/Kyiv': n('Kyiv', 'Kyiv', 'Kiev', 'كييف'),
  'Europe/Kiev': n('Kyiv', 'Kyiv', 'Kiev', 'كييف'),
  // Asia
  'Asia/Kabul': n('Kabul', 'Kaboul', 'Kabul', 'كابل'),
  'Asia/Karachi': n('Islamabad', 'Islamabad', 'Islamabad', 'إسلام آباد'),
  'Asia/Kolkata': n('New Delhi', 'New Delhi', 'Nueva Delhi', 'نيودلهي'),
  'Asia/Dhaka': n('Dhaka', 'Dacca', 'Daca', 'دكا'),
  'Asia/Yangon': n('Yangon', 'Rangoun', 'Rangún', 'يانغون'),
  'Asia/Bangkok': n('Bangkok', 'Bangkok', 'Bangkok', 'بانكوك'),
  'Asia/Shanghai': n('Beijing', 'Pékin', 'Pekín', 'بكين'),
  // The Americas
  'America/New_York': n('New York', 'New York', 'Nueva York', 'نيويورك'),
  'America/Bogota': n('Bogotá', 'Bogota', 'Bogotá', 'بوغوتا'),
  'America/Panama': n('Panama City', 'Panama', 'Ciudad de Panamá', 'مدينة بنما'),
  'America/Caracas': n('Caracas', 'Caracas', 'Caracas', 'كاراكاس'),
  'America/Guatemala': n('Guatemala City', 'Guatemala', 'Ciudad de Guatemala', 'مدينة غواتيمالا'),
  'America/Tegucigalpa': n('Tegucigalpa', 'Tegucigalpa', 'Tegucigalpa', 'تيغوسيغالبا'),
  'America/Mexico_City': n('Mexico City', 'Mexico', 'Ciudad de México', 'مكسيكو'),
  'America/Lima': n('Lima', 'Lima', 'Lima', 'ليما'),
  'America/Port-au-Prince': n('Port-au-Prince', 'Port-au-Prince', 'Puerto Príncipe', 'بور أو برنس'),
};

/** Cities of zone names whose spelling has accents the zone database leaves out. */
const CITY_SPELLING: Record<string, string> = { Bogota: 'Bogotá', Asuncion: 'Asunción', Cordoba: 'Córdoba', Sao_Paulo: 'São Paulo', Merida: 'Mérida', Mazatlan: 'Mazatlán', Cancun: 'Cancún' };

/** The city a zone is named for ("America/Bogota" → "Bogotá"), or null for UTC and the Etc/ zones. */
export function zoneCity(timeZone: string): string | null {
  if (!timeZone.includes('/') || timeZone.startsWith('Etc/')) return null;
  const last = timeZone.split('/').pop()!;
  return CITY_SPELLING[last] ?? last.replace(/_/g, ' ');
}

const baseOf = (language: string): string => (language.split('-')[0] ?? language).toLowerCase();

/**
 * A zone's name in a language: its office city from the table; else, in Arabic, Intl's own
 * name for the zone when it has a real one ("توقيت فنزويلا", not an offset); else the city of
 * the zone's name. `kind` says how a sentence takes it: a city ("10:00 Geneva time") or the
 * name of a zone, which already says "time" ("10:00 توقيت فنزويلا"). Null for UTC itself.
 */
export function zoneName(timeZone: string, language: string, at: Date = new Date()): { kind: 'city' | 'zone'; name: string } | null {
  const city = zoneCity(timeZone);
  if (city === null) {
    // A zone that is only an offset (Etc/GMT-3, whose sign the zone database writes the other
    // way round) is named by its offset as people write it ("UTC+3"); UTC itself is null.
    const offset = utcOffsetName(timeZone, at);
    return offset === null ? null : { kind: 'zone', name: offset };
  }
  const base = baseOf(language);
  const known = ZONE_CITY_NAMES[timeZone];
  if (known && base in known) return { kind: 'city', name: known[base as UiLanguageCode] };
  if (base === 'ar') {
    for (const style of ['longGeneric', 'long'] as const) {
      let name: string | undefined;
      try {
        name = new Intl.DateTimeFormat('ar', { timeZone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
      } catch {
        name = undefined;
      }
      // An offset ("غرينتش+03:00") is no name, and neither is one in Latin letters.
      if (name && !/\d|[A-Za-z]/.test(name)) return { kind: 'zone', name };
    }
  }
  return { kind: 'city', name: known?.en ?? city };
}

/** "UTC+3", "UTC−5", "UTC+5:30": the zone's offset from UTC at that instant, or null when there is none. */
export function utcOffsetName(timeZone: string, at: Date): string | null {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return null;
  }
  const m = /^GMT([+-])(\d{1,2}(?::\d{2})?)$/.exec(name ?? '');
  if (!m || /^0+(?::00)?$/.test(m[2]!)) return null;
  return `UTC${m[1] === '-' ? '−' : '+'}${m[2]}`;
}

/**
 * "de Genève", "d’Amman", "du Caire": a French city after "heure". French elides "de" before a
 * vowel (Ouagadougou aside, which keeps "de" by usage) and joins it with the article "le".
 */
export function frenchOfCity(city: string): string {
  if (/^Le /.test(city)) return `du ${city.slice(3)}`;
  if (/^Les /.test(city)) return `des ${city.slice(4)}`;
  if (/^[AEIOUÉÈÊaeiouéèê]/u.test(city) && !/^Ou/.test(city)) return `d’${city}`;
  return `de ${city}`;
}

/** Letters only, without accents, capitals or the spaces, dashes and underscores between words. */
const folded = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s_\-’'.]+/g, '')
    .toLowerCase();

/**
 * The zone a person means by what they typed in a time-zone field: a zone's own name in any
 * capitals ("africa/nairobi" → "Africa/Nairobi"), or the city it is known by in any working
 * language ("Nairobi", "Genève", "عمّان", "Sao Paulo"). `zones` is the list of canonical names
 * (Intl.supportedValuesOf). Null when nothing, or more than one zone, answers to it: the field
 * then says the zone is unknown rather than guess.
 */
export function zoneForTyped(typed: string, zones: readonly string[]): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const exact = zones.find((z) => z.toLowerCase() === text.toLowerCase());
  if (exact) return exact;
  // A name Intl knows beyond the canonical list (UTC, an alias such as Asia/Calcutta): as Intl writes it.
  if (text.includes('/') || /^[a-z]{2,5}$/i.test(text)) {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
    } catch {
      // Not a zone's name: perhaps a city's.
    }
  }
  const key = folded(text);
  if (key === '') return null;
  const found = new Set<string>();
  for (const [zone, names] of Object.entries(ZONE_CITY_NAMES)) {
    if (Object.values(names).some((n) => folded(n) === key)) found.add(zone);
  }
  for (const zone of zones) {
    const city = zoneCity(zone);
    if (city !== null && folded(city) === key) found.add(zone);
  }
  return found.size === 1 ? [...found][0]! : null;
}
