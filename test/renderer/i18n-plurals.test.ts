import { describe, expect, it } from 'vitest';
import { preferredLanguage, setUpI18n } from '../../renderer/i18n';
import { PSEUDO_LANGUAGE, pseudoString } from '../../renderer/i18n/pseudo';

describe('Arabic plurals', () => {
  const i18n = setUpI18n('ar');
  const t = i18n.t.bind(i18n);

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
