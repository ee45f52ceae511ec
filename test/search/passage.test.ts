import { describe, expect, it } from 'vitest';
import { passageOf, wantedWords } from '../../electron/core/search/passage';
import type { Page, ReleaseSummary } from '../../electron/shared/contract';
import type { Passage, SearchHit } from '../../electron/shared/search/contract';
import { markdownToRichText } from '../../electron/core/markdown';
import { call, core, release } from '../core-harness';

/** A search hit's passage: the words found, marked, in a piece of the document's own text cut between words. */

const shown = (p: Passage | null | undefined): string =>
  p ? `${p.cutBefore ? '…' : ''}${p.parts.map((x) => (x.mark ? `[${x.text}]` : x.text)).join('')}${p.cutAfter ? '…' : ''}` : '(none)';

const LONG_FR =
  'Le Programme alimentaire a distribué des rations à Tombouctou pendant trois semaines. ' +
  'Les familles déplacées par les combats ont reçu du mil, des lentilles et de l’huile. ' +
  'Dans le camp de Mbera, les réfugiés maliens attendent toujours l’ouverture de la nouvelle école, ' +
  'promise avant la rentrée par les autorités locales et les partenaires humanitaires de la région.';

describe('the passage of a hit', () => {
  it('marks the words as typed without accents or capitals, and the last word typed as a beginning', () => {
    expect(shown(passageOf(LONG_FR, wantedWords('refugies ecole')))).toBe(
      '…camp de Mbera, les [réfugiés] maliens attendent toujours l’ouverture de la nouvelle [école], promise avant la rentrée par les autorités locales et les partenaires humanitaires…',
    );
    expect(shown(passageOf(LONG_FR, wantedWords('Tombouc')))).toMatch(/^…distribué des rations à \[Tombouctou\] pendant trois semaines\. Les/);
    // A word typed whole (a space after it) is not a beginning.
    expect(passageOf(LONG_FR, wantedWords('Tombouc '))).toBeNull();
    expect(passageOf(LONG_FR, wantedWords('choléra'))).toBeNull();
  });

  it('never cuts an Arabic word or its marks, and marks the word with its article and its harakat', () => {
    const ar =
      'أعلنت المنظمة اليوم عن توزيع مساعدات غذائية عاجلة على الأسر النازحة في محافظة الحُدَيْدَة، ' +
      'حيث يعاني الأطفال من سوء التغذية الحاد. وقالت المنظمةُ إن قوافلَ الإغاثة وصلت إلى مديريات عدة ' +
      'رغم صعوبة الطرق، وإن التوزيع سيستمر خلال الأسابيع المقبلة بالتعاون مع الشركاء المحليين والسلطات الصحية في المنطقة.';
    const p = passageOf(ar, wantedWords('منظمه الحديده'))!;
    expect(shown(p)).toContain('[الحُدَيْدَة]');
    expect(shown(p)).toContain('[المنظمة]');
    // Each cut end is a whole word of the text: the passage is the text between two spaces.
    const text = p.parts.map((x) => x.text).join('');
    expect(ar).toContain(text);
    const at = ar.indexOf(text);
    expect(at === 0 || /\s/.test(ar[at - 1]!)).toBe(true);
    expect(at + text.length === ar.length || /\s/.test(ar[at + text.length]!)).toBe(true);
    // No mark is separated from its letter.
    expect(/^\p{M}/u.test(text)).toBe(false);
  });

  it('keeps text as text: markup typed into a release is never a mark', () => {
    const p = passageOf('Statement: <b>cholera</b> & <script>alert(1)</script> in Gao', wantedWords('cholera'))!;
    expect(p.parts).toEqual([
      { text: 'Statement: <b>', mark: false },
      { text: 'cholera', mark: true },
      { text: '</b> & <script>alert(1)</script> in Gao', mark: false },
    ]);
  });
});

describe('passages in the releases list', () => {
  it('gives each release found its passage when asked, from its text but the headline', async () => {
    const c = await core();
    await call(c, 'release.create', release({ headline: 'Nouvelle école à Mbera', language: 'fr', body: markdownToRichText(LONG_FR) }));
    await call(c, 'release.create', release({ headline: 'Réfugiés: une école', language: 'fr', body: markdownToRichText('Rien de plus.') }));
    const page = await call<Page<ReleaseSummary>>(c, 'release.list', { query: 'ecole', passages: true, sort: 'headline', locale: 'fr' });
    expect(page.items.map((r) => [r.headline, shown(r.passage)])).toEqual([
      ['Nouvelle école à Mbera', expect.stringContaining('de la nouvelle [école], promise')],
      // Only the headline holds the word: the list shows it already.
      ['Réfugiés: une école', '(none)'],
    ]);
    // Not asked for, none are read.
    const plain = await call<Page<ReleaseSummary>>(c, 'release.list', { query: 'ecole' });
    expect(plain.items.every((r) => r.passage === undefined)).toBe(true);
  });
});

describe('passages in the top bar search', () => {
  const hitsOf = async (c: Awaited<ReturnType<typeof core>>, query: string) =>
    (await call<SearchHit[]>(c, 'search', { query, passages: true })).map((h) => [h.title, shown(h.passage)]);

  it('say why a contact, an outlet or a file was found when its name and line do not', async () => {
    const c = await core();
    await call(c, 'contact.create', {
      name: 'José Núñez',
      organisation: 'El Tiempo',
      role: 'Periodista de salud',
      emails: [{ type: 'work', address: 'jnunez@eltiempo.example' }],
      phones: [{ type: 'mobile', number: '+57 310 555 0199' }],
      notes: 'Cubre la migración en la frontera.',
    });
    await call(c, 'outlet.create', { name: 'Radio Okapi', kind: 'radio', notes: 'Emisión en lingala y swahili cada mañana.' });
    await call(c, 'attachment.add', { name: 'goma-clinic.txt', data: Buffer.from('x').toString('base64'), fields: { caption: 'Una enfermera vacuna a un niño en Goma' } });

    expect(await hitsOf(c, '555 0199')).toEqual([['José Núñez', '…jnunez@eltiempo.example · +57 310 [555] [0199] · Cubre la migración en la frontera.']]);
    expect(await hitsOf(c, 'jnunez')).toEqual([['José Núñez', expect.stringContaining('[jnunez]@eltiempo.example')]]);
    expect(await hitsOf(c, 'migracion')).toEqual([['José Núñez', expect.stringContaining('Cubre la [migración] en la frontera.')]]);
    expect(await hitsOf(c, 'nunez salud')).toEqual([['José Núñez', expect.stringContaining('Periodista de [salud]')]]);
    expect(await hitsOf(c, 'swahili')).toEqual([['Radio Okapi', expect.stringContaining('[swahili]')]]);
    expect(await hitsOf(c, 'enfermera')).toEqual([['goma-clinic.txt', 'Una [enfermera] vacuna a un niño en Goma']]);
    // Its name, or its organisation shown beside it, says it already: no passage.
    expect(await hitsOf(c, 'Núñez')).toEqual([['José Núñez', '(none)']]);
    expect(await hitsOf(c, 'el tiempo nunez')).toEqual([['José Núñez', '(none)']]);
    expect(await hitsOf(c, 'Okapi')).toEqual([['Radio Okapi', '(none)']]);
  });
});
