import { afterEach, describe, expect, it } from 'vitest';
import { preferredUiLanguage as preferredLanguage } from '../../electron/shared/ui/languages';
import { formatLocale, setUpI18n } from '../../renderer/i18n';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { embargoWording } from '../../renderer/releases/embargo';
import { formatBytes } from '../../renderer/ui/languages';
import { dateFormats } from '../../renderer/i18n/dates';
import { PSEUDO_LANGUAGE, pseudoString } from '../../renderer/i18n/pseudo';

/** Arabic wraps each value in isolates (FSI…PDI); the plural tests read the words only. */
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');

describe('Arabic plurals', () => {
  const i18n = setUpI18n('ar');
  const t = (key: string, opts?: Record<string, unknown>) => plain(i18n.t(key, opts));

  it('uses all six forms: zero, one, two, few (3–10), many (11–99), other (100+)', () => {
    expect(t('releases.count', { count: 0 })).toBe('لا توجد بيانات صحفية');
    expect(t('releases.count', { count: 1 })).toBe('بيان صحفي واحد');
    expect(t('releases.count', { count: 2 })).toBe('بيانان صحفيان');
    expect(t('releases.count', { count: 3 })).toBe('3 بيانات صحفية');
    expect(t('releases.count', { count: 10 })).toBe('10 بيانات صحفية');
    expect(t('releases.count', { count: 11 })).toBe('11 بيانًا صحفيًا');
    expect(t('releases.count', { count: 99 })).toBe('99 بيانًا صحفيًا');
    expect(t('releases.count', { count: 100 })).toBe('100 بيان صحفي');
    expect(t('releases.count', { count: 103 })).toBe('103 بيانات صحفية');
  });

  it('agrees the noun with the number in the import summary and field legends', () => {
    expect(t('import.stored', { count: 2 })).toBe('حُفظ، مع جهتي اتصال جديدتين.');
    expect(t('import.field.quotes', { count: 5 })).toBe('5 اقتباسات');
    expect(t('import.field.contacts', { count: 1 })).toBe('جهة اتصال إعلامية واحدة');
    expect(t('contacts.count', { count: 25 })).toBe('25 جهة اتصال');
  });

  it('labels a document type in the plural whatever the count asked for', () => {
    expect(t('docType.release', { count: 2 })).toBe('البيانات الصحفية');
    expect(t('docType.release', { count: 1 })).toBe('بيان صحفي');
  });
});

describe('numbers and names inside Arabic text', () => {
  afterEach(() => setDisplayPrefs({ timeZone: undefined, digits: 'latn' }));

  it('isolates each value so a Latin name or a number keeps its own direction', () => {
    const i18n = setUpI18n('ar');
    expect(i18n.t('kitBuilder.removed', { item: 'WFP Kasese 2026' })).toBe('أُزيل \u2068WFP Kasese 2026\u2069 من الملف.');
    const fr = setUpI18n('fr');
    expect(fr.t('kitBuilder.removed', { item: 'WFP Kasese 2026' })).toBe('WFP Kasese 2026 a été retiré du dossier.');
  });

  it('writes numbers with the digits the office chose', () => {
    const i18n = setUpI18n('ar');
    expect(plain(i18n.t('releases.count', { count: 12 }))).toBe('12 بيانًا صحفيًا');
    setDisplayPrefs({ timeZone: undefined, digits: 'arab' });
    expect(plain(i18n.t('releases.count', { count: 12 }))).toBe('١٢ بيانًا صحفيًا');
    expect(formatBytes(1536, formatLocale('ar'))).toMatch(/^١٫٥ /);
    expect(formatBytes(1536, formatLocale('fr'))).toBe('1,5\u202fko');
  });

  it('shows dates in the office’s time zone', () => {
    setDisplayPrefs({ timeZone: 'Asia/Amman', digits: 'arab' });
    expect(dateFormats('ar', 'dayMonth').dateTime('2026-12-31T22:30:00Z')).toMatch(/٢٠٢٧/);
    setDisplayPrefs({ timeZone: 'America/Bogota', digits: 'latn' });
    expect(dateFormats('es', 'dayMonth').dateTime('2026-12-31T22:30:00Z')).toBe('31 dic 2026, 17:30');
  });
});

describe('French and Spanish plurals', () => {
  it('treats 0 and 1 as singular in French, only 1 in Spanish', () => {
    const fr = setUpI18n('fr');
    expect(fr.t('releases.count', { count: 0 })).toBe('0 communiqué');
    expect(fr.t('releases.count', { count: 2 })).toBe('2 communiqués');
    const es = setUpI18n('es');
    expect(es.t('releases.count', { count: 0 })).toBe('0 comunicados');
    expect(es.t('releases.count', { count: 1 })).toBe('1 comunicado');
  });
});

describe('choosing the interface language', () => {
  it('takes the first system language Dateline speaks, by its base language', () => {
    expect(preferredLanguage(['ar-EG', 'en-US'])).toBe('ar');
    expect(preferredLanguage(['pt-BR', 'es-419', 'fr'])).toBe('es');
    expect(preferredLanguage(['fr-CA'])).toBe('fr');
    expect(preferredLanguage(['de-CH', 'pt'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});

describe('the pseudo-locale', () => {
  it('lengthens a string by at least 40%, wraps it in markers and keeps its parameters', () => {
    const s = pseudoString('Remove {{item}} from the kit');
    expect(s.startsWith('⟦') && s.endsWith('⟧')).toBe(true);
    expect(s).toContain('{{item}}');
    const words = 'Remove  from the kit'.length;
    expect(s.slice(1, -1).replace('{{item}}', '').length).toBeGreaterThanOrEqual(Math.ceil(words * 1.4));
    const i18n = setUpI18n(PSEUDO_LANGUAGE);
    expect(i18n.t('common.removeItem', { item: 'Photo' })).toBe(pseudoString('Remove {{item}}').replace('{{item}}', 'Photo'));
    expect(i18n.dir()).toBe('ltr');
  });
});

describe('the embargo in words', () => {
  const words = (lng: string, timeZone = 'Europe/Zurich') => {
    const i18n = setUpI18n(lng);
    const w = embargoWording({ at: '2099-12-03T13:00:00.000Z', timeZone }, formatLocale(lng), dateFormats(lng, 'dayMonth', []));
    return plain(i18n.t(w.key, { time: w.time, place: w.place, date: w.date }));
  };

  it('names the zone’s city and writes the time in each language', () => {
    expect(words('en')).toBe('Embargoed until 14:00 Geneva time, 3 Dec 2099');
    expect(words('fr')).toBe('Sous embargo jusqu’à 14:00, heure de Genève, le 3 déc. 2099');
    expect(words('es')).toBe('Bajo embargo hasta las 14:00, hora de Ginebra, del 3 dic 2099');
    expect(words('ar')).toBe('محظور النشر حتى الساعة 14:00 بتوقيت جنيف، 3 ديسمبر 2099');
    setDisplayPrefs({ timeZone: undefined, digits: 'arab' });
    expect(words('ar')).toBe('محظور النشر حتى الساعة ١٤:٠٠ بتوقيت جنيف، ٣ ديسمبر ٢٠٩٩');
    setDisplayPrefs({ timeZone: undefined, digits: 'latn' });
  });

  it('names the field offices’ zones by their city in each language, never by an offset', () => {
    expect(words('ar', 'Asia/Damascus')).toBe('محظور النشر حتى الساعة 16:00 بتوقيت دمشق، 3 ديسمبر 2099');
    expect(words('fr', 'Africa/Cairo')).toBe('Sous embargo jusqu’à 15:00, heure du Caire, le 3 déc. 2099');
    expect(words('fr', 'Asia/Amman')).toBe('Sous embargo jusqu’à 16:00, heure d’Amman, le 3 déc. 2099');
    expect(words('es', 'Africa/Khartoum')).toBe('Bajo embargo hasta las 15:00, hora de Jartum, del 3 dic 2099');
    // A zone the table lacks: Intl's own Arabic name where it has one.
    expect(words('ar', 'Asia/Kathmandu')).toBe('محظور النشر حتى الساعة 18:45 توقيت نيبال، 3 ديسمبر 2099');
  });
});
