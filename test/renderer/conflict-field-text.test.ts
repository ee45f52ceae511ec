import { describe, expect, it } from 'vitest';
import { valueLines, type Line, type ValueWords } from '../../renderer/conflicts/fieldText';
import { dateFormats } from '../../renderer/i18n/dates';
import { setUpI18n } from '../../renderer/i18n';

/** The words of a field's value on the Conflicts screen, field by field, without a screen. */

function words(lng: string, names: Record<string, string> = {}): ValueWords {
  const i18n = setUpI18n(lng);
  return { t: i18n.t.bind(i18n), language: lng, dates: dateFormats(lng, 'numeric'), name: (id) => names[id] ?? null };
}
const text = (lines: readonly Line[] | null) => lines?.map((l) => l.map((p) => (typeof p === 'string' ? p : `[${p.own}]`)).join(''));

describe('a value on the Conflicts screen', () => {
  const en = words('en', { 'att-1': 'logo.png', 'rel-1': 'Floods in Uvira' });

  it('says yes and no, never true and false', () => {
    expect(text(valueLines('contact', 'dataProtection', { doNotContact: true, legalBasis: null }, en))).toEqual(['Do not contact: Yes']);
    expect(text(valueLines('attachment', 'consent', { consentObtained: true, faceRedacted: false, sensitive: true }, en))).toEqual([
      'Consent obtained from the people shown',
      'Sensitive: check before every use',
    ]);
    expect(text(valueLines('attachment', 'consent', { consentObtained: false }, en))).toEqual(['None']);
  });

  it('names documents by their names, and one gone from the library as such', () => {
    expect(text(valueLines('office', 'logo', 'att-1', en))).toEqual(['[logo.png]']);
    expect(text(valueLines('attachment', 'releases', ['rel-1', 'rel-gone'], en))).toEqual(['[Floods in Uvira], (no longer in the library)']);
  });

  it('writes dates, instants and sizes as the person reads them', () => {
    expect(text(valueLines('attachment', 'usageExpires', '2027-01-31', en))).toEqual(['31/01/2027']);
    expect(text(valueLines('release', 'withdrawal', { reason: 'Figures corrected', at: '2026-12-03T13:00:00Z' }, en))).toEqual(['Reason: [Figures corrected]', `When: ${en.dates.dateTime('2026-12-03T13:00:00Z')}`]);
    expect(text(valueLines('attachment', 'size', 2_400_000, en))).toEqual(['2.3 MB']);
    expect(text(valueLines('release', 'body', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Twelve boreholes.' }] }] }, en))).toEqual(['[Twelve boreholes.]']);
  });

  it('names an office’s time zone by its place in the person’s language, with the zone as the field takes it', () => {
    expect(text(valueLines('office', 'timeZone', 'Africa/Kigali', en))).toEqual(['Kigali (Africa/Kigali)']);
    expect(text(valueLines('office', 'timeZone', 'Europe/Zurich', words('fr')))).toEqual(['Genève (Europe/Zurich)']);
    expect(text(valueLines('office', 'timeZone', 'Africa/Kinshasa', words('es')))).toEqual(['Kinsasa (Africa/Kinshasa)']);
    expect(text(valueLines('office', 'timeZone', 'Etc/UTC', en))).toEqual(['[Etc/UTC]']);
  });

  it('marks an office’s colours as colours, to be shown beside a swatch', () => {
    const lines = valueLines('office', 'colours', { primary: '#1f3a5f', accent: 'red' }, en)!;
    expect(text(lines)).toEqual(['Main colour: [#1f3a5f]', 'Accent colour: [red]']);
    expect(lines[0]!.find((p) => typeof p !== 'string')).toEqual({ own: '#1f3a5f', colour: true });
    expect(lines[1]!.find((p) => typeof p !== 'string')).toEqual({ own: 'red' });
  });

  it('shows an object a newer Dateline wrote as "name: value" lines, its dates in words', () => {
    expect(text(valueLines('contact', 'pronouns', { preferred: 'she/her', since: '2026-05-01', public: false }, en))).toEqual([
      'preferred: [she/her]',
      'since: 01/05/2026',
      'public: No',
    ]);
    expect(text(valueLines('contact', 'reviewedAt', '2026-05-01T08:00:00Z', en))).toEqual([en.dates.dateTime('2026-05-01T08:00:00Z')]);
  });

  it('joins lists with the language’s separator and says an office’s boilerplate per language', () => {
    const ar = words('ar');
    expect(text(valueLines('contact', 'tags', ['wash', 'health'], ar))).toEqual(['[wash]، [health]']);
    expect(text(valueLines('office', 'boilerplate', { fr: 'L’organisation…', en: '' }, words('fr')))).toEqual(['français : [L’organisation…]']);
  });

  it('leaves the isolation of a value to its <bdi> in an Arabic sentence', () => {
    const ar = words('ar', { 'rel-1': 'Floods in Uvira' });
    const [line] = valueLines('kit', 'items', [{ kind: 'release', id: 'rel-1' }], ar)!;
    // The word "release" isolated as any interpolated word; the name's marks gave way to the <bdi>.
    expect(line).toEqual(['\u2068بيان صحفي\u2069: ', { own: 'Floods in Uvira' }]);
  });
});
