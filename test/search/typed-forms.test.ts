import { describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';
import type { Page, ReleaseSummary } from '../../electron/shared/contract';
import type { Passage, SearchHit } from '../../electron/shared/search/contract';
import { ftsQuery, queryTerms } from '../../electron/shared/search/terms';
import { call, core, release } from '../core-harness';

/**
 * What a field officer types into the search box, in a library of releases in the four
 * languages: figures as each language writes them, phrases in quotation marks, Arabic names
 * written joined or apart. Each release is found by each form, and its passage marks what was found.
 */

const shown = (p: Passage | null | undefined): string =>
  p ? `${p.cutBefore ? '…' : ''}${p.parts.map((x) => (x.mark ? `[${x.text}]` : x.text)).join('')}${p.cutAfter ? '…' : ''}` : '(none)';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

type Core = Awaited<ReturnType<typeof core>>;

/** A library with releases in English, French, Spanish and Arabic, and the ids of each by name. */
async function fieldLibrary(): Promise<{ c: Core; id: Record<string, string> }> {
  const c = await core();
  const made: Record<string, string> = {};
  const add = async (name: string, headline: string, language: string, body: string) => {
    const r = await call<{ id: string }>(c, 'release.create', release({ headline, language, body: markdownToRichText(body) }));
    made[name] = r.id;
  };
  await add('en', 'Floods in the north', 'en', 'The floods displaced 12,000 people; 1.5 million need food aid before the rains.');
  await add('fr', 'Inondations au nord', 'fr', `Les inondations ont déplacé 12${NNBSP}000 personnes ; 1,5 million ont besoin d’aide alimentaire.`);
  await add('fr2', 'Crue du fleuve', 'fr', `Au total 12${NBSP}000 foyers sont privés d’eau potable.`);
  await add('es', 'Inundaciones en el norte', 'es', 'Las inundaciones desplazaron a 12.000 personas en la región.');
  await add('ar', 'فيضانات في الشمال', 'ar', 'أدت الفيضانات إلى نزوح ١٢٬٠٠٠ شخص في المحافظات الشمالية.');
  await add('plain', 'Warehouse stock', 'en', 'The warehouse holds 12000 blankets for the winter.');
  // Other numbers with the same digits, and the words of a phrase apart.
  await add('other', 'Camps report', 'en', 'Some 120 families and 1,200 children arrived; 15 million tonnes of grain, 1,5 tonnes of seed; aid for the camps, food prices rose.');
  await add('abd1', 'لقاء مع المدير', 'ar', 'قال عبدالله حسن إن القوافل وصلت، وأكد عبد الرحمن علي ذلك.');
  await add('abd2', 'بيان المكتب', 'ar', 'صرح عبد الله موسى بأن التوزيع مستمر، وشكر عبدالرحمن الشركاء.');
  await add('abd3', 'زيارة ميدانية', 'ar', 'زار عبد العزيز المخيم مع الفريق.');
  return { c, id: made };
}

const search = async (c: Core, query: string): Promise<SearchHit[]> => call<SearchHit[]>(c, 'search', { query, passages: true, limit: 40 });
const found = async (c: Core, query: string, id: Record<string, string>): Promise<string[]> => {
  const names = Object.fromEntries(Object.entries(id).map(([k, v]) => [v, k]));
  return (await search(c, query)).map((h) => names[h.id] ?? h.id).sort();
};
const marked = (hit: SearchHit | undefined): string[] => hit?.passage?.parts.filter((p) => p.mark).map((p) => p.text) ?? [];

describe('figures as each language writes them', () => {
  it('finds 12,000 written with a comma, a space, a no-break space, a point, Arabic digits or none, from each of those forms', async () => {
    const { c, id } = await fieldLibrary();
    const all = ['ar', 'en', 'es', 'fr', 'fr2', 'plain'];
    for (const q of ['12000', '12,000', '12.000', '12 000', `12${NBSP}000`, `12${NNBSP}000`, '١٢٠٠٠', '١٢٬٠٠٠', '۱۲۰۰۰', '12000 ', '12 000 ']) {
      expect(await found(c, q, id), JSON.stringify(q)).toEqual(all);
    }
    // With a word: the figure and the word, each as written in the release's language.
    expect(await found(c, '12 000 personnes', id)).toEqual(['fr']);
    expect(await found(c, '12000 personas', id)).toEqual(['es']);
    expect(await found(c, 'displaced 12.000', id)).toEqual(['en']);
    // Other numbers are not it: 1,200 and 120 are not 12,000.
    expect(await found(c, '1200 ', id)).toEqual(['other']);
    expect(await found(c, '120 ', id)).toEqual(['other']);
  });

  it('marks the figure whole in the passage, as the release writes it', async () => {
    const { c, id } = await fieldLibrary();
    for (const q of ['12000', '12 000', '12.000', '١٢٠٠٠']) {
      const hits = await search(c, q);
      const of = (name: string) => hits.find((h) => h.id === id[name]);
      expect(marked(of('en')), q).toEqual(['12,000']);
      expect(marked(of('fr')), q).toEqual([`12${NNBSP}000`]);
      expect(marked(of('fr2')), q).toEqual([`12${NBSP}000`]);
      expect(marked(of('es')), q).toEqual(['12.000']);
      expect(marked(of('ar')), q).toEqual(['١٢٬٠٠٠']);
      expect(marked(of('plain')), q).toEqual(['12000']);
    }
  });

  it('keeps a decimal the number it is: 1,5 and 1.5 find 1.5 and 1,5, never 15', async () => {
    const { c, id } = await fieldLibrary();
    for (const q of ['1,5 ', '1.5 ', '١٫٥ ']) expect(await found(c, q, id), q).toEqual(['en', 'fr', 'other']);
    for (const q of ['"1,5 million"', '"1.5 million"']) expect(await found(c, q, id), q).toEqual(['en', 'fr']);
    expect(await found(c, '"15 million"', id)).toEqual(['other']);
    expect(await found(c, '15 ', id)).toEqual(['other']);
    const hits = await search(c, '1,5 million');
    expect(marked(hits.find((h) => h.id === id.en))).toEqual(['1.5', 'million']);
    expect(marked(hits.find((h) => h.id === id.fr))).toEqual(['1,5', 'million']);
  });

  it('reads thousands, decimals and other runs of digits apart', () => {
    expect(queryTerms('12 000,5').map((t) => t.forms)).toEqual([[['12000', '5'], ['12', '000', '5']]]);
    expect(queryTerms('1,234,567.89').map((t) => t.forms)).toEqual([[['1234567', '89'], ['1', '234', '567', '89']]]);
    // A code or a number with a leading zero is one word: a phone or an account, not a quantity.
    expect(queryTerms('0791234567').map((t) => t.forms)).toEqual([[['0791234567']]]);
    // A date is its parts side by side.
    expect(ftsQuery('12.03.2026 ')).toBe('"12 03" AND ("2026" OR "2 026")');
    // A word of letters and digits is also asked for as its runs side by side, as "COVID-19" is indexed.
    expect(ftsQuery('COVID19 ')).toBe('("covid19" OR "covid 19")');
  });
});

describe('phrases in quotation marks', () => {
  it('finds the words side by side, with straight, curly or angle quotation marks', async () => {
    const { c, id } = await fieldLibrary();
    // Without quotation marks the words may be anywhere.
    expect(await found(c, 'food aid', id)).toEqual(['en', 'other']);
    for (const q of ['"food aid"', '“food aid”', '«food aid»', '« food aid »', '„food aid“', '"Food Aid"']) expect(await found(c, q, id), q).toEqual(['en']);
    expect(await found(c, '« aide alimentaire »', id)).toEqual(['fr']);
    expect(await found(c, '"aid food"', id)).toEqual([]);
    // A phrase and a word; a phrase with a figure in it, in any of its forms.
    expect(await found(c, '"food aid" rains', id)).toEqual(['en']);
    expect(await found(c, '"12000 personnes"', id)).toEqual(['fr']);
    expect(await found(c, '"displaced 12 000 people"', id)).toEqual(['en']);
  });

  it('never fails on a quotation mark left open: the phrase runs to the end, its last word a beginning', async () => {
    const { c, id } = await fieldLibrary();
    expect(ftsQuery('"food ai')).toBe('"food ai"*');
    expect(await found(c, '"food ai', id)).toEqual(['en']);
    expect(await found(c, 'food "aid', id)).toEqual(['en', 'other']);
    for (const q of ['"', '""', '" "', '«', '"food aid""', '"food" aid"']) expect(Array.isArray(await search(c, q)), q).toBe(true);
    expect(ftsQuery('""')).toBeNull();
    // A closed phrase is whole: its last word is not a beginning.
    expect(ftsQuery('"food ai"')).toBe('"food ai"');
  });

  it('marks the phrase found, not its words elsewhere', async () => {
    const { c, id } = await fieldLibrary();
    const hits = await search(c, '"food aid"');
    expect(hits.map((h) => h.id)).toEqual([id.en]);
    expect(shown(hits[0]?.passage)).toContain('need [food aid] before');
  });

  it('finds an Arabic phrase holding a word after "لل", indexed under two readings', async () => {
    const c = await core();
    const r = await call<{ id: string }>(c, 'release.create', release({ headline: 'بيان', language: 'ar', body: markdownToRichText('وصلت مساعدات للاجئين في الشمال.') }));
    for (const q of ['"مساعدات للاجئين في"', '"للاجئين في الشمال"', '"مساعدات للاجئين"', '"مساعدات للاج']) {
      expect((await search(c, q)).map((h) => h.id), q).toEqual([r.id]);
    }
    const [hit] = await search(c, '"مساعدات للاجئين في"');
    expect(marked(hit)).toEqual(['مساعدات للاجئين في']);
  });
});

describe('Arabic names of two words, and words of letters and digits', () => {
  it('finds a name written joined from the name written apart, and back', async () => {
    const { c, id } = await fieldLibrary();
    for (const q of ['عبدالله', 'عبد الله', 'عبدالرحمن', 'عبد الرحمن']) expect(await found(c, q, id), q).toEqual(['abd1', 'abd2']);
    expect(await found(c, 'عبدالعزيز', id)).toEqual(['abd3']);
    expect(await found(c, 'عبد العزيز', id)).toEqual(['abd3']);
    expect(await found(c, 'عبدالله موسى', id)).toEqual(['abd2']);
  });

  it('does the same for names made with أبو and with الدين, and nothing for other words', async () => {
    const c = await core();
    const joined = await call<{ id: string }>(c, 'release.create', release({ headline: 'زيارة', language: 'ar', body: markdownToRichText('استقبل أبوبكر صالح الوفد، ثم نورالدين أحمد.') }));
    const apart = await call<{ id: string }>(c, 'release.create', release({ headline: 'لقاء', language: 'ar', body: markdownToRichText('التقى أبو بكر عمر مع نور الدين سالم.') }));
    const both = [joined.id, apart.id].sort();
    for (const q of ['أبوبكر', 'أبو بكر', 'ابو بكر', 'نورالدين', 'نور الدين']) expect((await search(c, q)).map((h) => h.id).sort(), q).toEqual(both);
    expect((await search(c, 'أبو بكر عمر')).map((h) => h.id)).toEqual([apart.id]);
    // A word that is not a name keeps its one form.
    expect(queryTerms('مساعدات ').map((t) => t.forms)).toEqual([[['مساعدات']]]);
  });

  it('finds COVID-19 from covid19, and marks it whole', async () => {
    const c = await core();
    const r = await call<{ id: string }>(c, 'release.create', release({ headline: 'Vaccination', language: 'en', body: markdownToRichText('COVID-19 vaccines reached Gao.') }));
    const [hit] = await search(c, 'covid19');
    expect(hit?.id).toBe(r.id);
    expect(marked(hit)).toEqual(['COVID-19']);
  });

  it('marks the name as the release writes it', async () => {
    const { c, id } = await fieldLibrary();
    const hits = await search(c, 'عبدالله');
    expect(marked(hits.find((h) => h.id === id.abd1))).toEqual(['عبدالله']);
    expect(marked(hits.find((h) => h.id === id.abd2))).toEqual(['عبد الله']);
  });
});

describe('the releases list searches the same way', () => {
  it('finds and marks a figure and a phrase', async () => {
    const { c, id } = await fieldLibrary();
    const page = await call<Page<ReleaseSummary>>(c, 'release.list', { query: '"food aid" 12000', passages: true, sort: 'headline', locale: 'en' });
    expect(page.items.map((r) => r.id)).toEqual([id.en]);
    expect(page.items[0]?.passage?.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['12,000', 'food aid']);
  });
});
