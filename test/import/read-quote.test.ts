import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ImportQuoteSpeaker } from '../../electron/shared/import/contract';
import { call, core, fail } from '../core-harness';

/**
 * The review screen's "Quote" on one line of the source: who said it is read by the importer's
 * own quote reader, from the line and the lines around it, as the preview reads the quotes it finds.
 */

const read = (c: Core, lines: string[], index: number) => call<ImportQuoteSpeaker>(c, 'import.readQuote', { lines, index });

describe('reading who said the quote in a line', () => {
  it('reads the speaker and the role the line gives, in English, French, Spanish and Arabic', async () => {
    const c = await core();
    expect(await read(c, ['“We will not leave the families now,” said Marie Dupont, head of the Bukavu office.'], 0)).toEqual({ speaker: 'Marie Dupont', role: 'head of the Bukavu office' });
    expect(await read(c, ['Les équipes sont arrivées mardi.', '« Nous ne partirons pas maintenant », a déclaré Marie Dupont, cheffe du bureau de Bukavu.'], 1)).toEqual({
      speaker: 'Marie Dupont',
      role: 'cheffe du bureau de Bukavu',
    });
    expect(await read(c, ['“El agua es lo primero que piden las familias al volver”, afirmó Ana Torres.'], 0)).toEqual({ speaker: 'Ana Torres', role: null });
    // Of two quotes in the line, the one whose speaker is named.
    expect(await read(c, ['“The water came up in a single night,” the experts said. “We will rebuild every school,” said Ana Torres.'], 0)).toEqual({ speaker: 'Ana Torres', role: null });
    expect(await read(c, ['وقالت سارة منصور، المديرة الإقليمية: "لن نترك العائلات الآن مهما حدث."'], 0)).toEqual({ speaker: 'سارة منصور', role: 'المديرة الإقليمية' });
  });

  it('reads an Arabic attribution to the name only: the whole verb, a Latin name, no place, audience or organisation', async () => {
    const c = await core();
    const quote = '"سنبقى مع العائلات حتى تعود المياه إلى كل بيت"';
    // The feminine verb stays whole: the name is not "ت فاطمة …".
    expect(await read(c, [`${quote}، قالت فاطمة الزهراء عثمان.`], 0)).toEqual({ speaker: 'فاطمة الزهراء عثمان', role: null });
    expect(await read(c, [`${quote}، قال John Smith.`], 0)).toEqual({ speaker: 'John Smith', role: null });
    expect(await read(c, [`قال John Smith، مدير البرنامج: ${quote}.`], 0)).toEqual({ speaker: 'John Smith', role: 'مدير البرنامج' });
    // The audience and the place after the name are not the name.
    expect(await read(c, [`وقال المتحدث باسم المنظمة كريم حداد للصحفيين في عمّان: ${quote}.`], 0)).toEqual({ speaker: 'كريم حداد', role: null });
    // An organisation speaking, or a second verb, names nobody; the quote before is not theirs either.
    const twoVoices = [`وقال كريم حداد: ${quote}.`, `وقالت المنظمة في بيان إن «الوضع في المخيمات يزداد سوءا يوما بعد يوم».`];
    expect(await read(c, twoVoices, 1)).toEqual({ speaker: null, role: null });
    const secondVerb = [`وقال كريم حداد: ${quote}.`, `أعلنت الوزارة خطتها مع الشركاء في المنطقة، وأشارت خلال مؤتمر صحفي: "نعمل على إيصال المساعدات إلى كل القرى".`];
    expect(await read(c, secondVerb, 1)).toEqual({ speaker: null, role: null });
    // A surname alone is the person the release named in full before; a word named once is no one.
    const named = ['وزار المدير التنفيذي للشركة توني فينسيكيرا المخيم يوم الاثنين.', `وقال فينسيكيرا: ${quote}.`];
    expect(await read(c, named, 1)).toEqual({ speaker: 'توني فينسيكيرا', role: null });
  });

  it('reads the line before and the line after: a lead-in, "she added", a sentence cut in two, a signature', async () => {
    const c = await core();
    expect(await read(c, ['Marie Dupont, head of the Bukavu office, said:', '“We will not leave the families now.”'], 1)).toEqual({ speaker: 'Marie Dupont', role: 'head of the Bukavu office' });
    const doe = ['“The wells are open again,” said Jane Doe, regional director.', 'Repairs took three weeks.', '“Every borehole counts for the children,” she added.'];
    expect(await read(c, doe, 2)).toEqual({ speaker: 'Jane Doe', role: 'regional director' });
    expect(await read(c, ['“We will not leave the families now,”', 'said Marie Dupont, head of the Bukavu office.', 'Teams arrived on Tuesday.'], 0)).toEqual({
      speaker: 'Marie Dupont',
      role: 'head of the Bukavu office',
    });
    expect(await read(c, ['Teams arrived on Tuesday.', 'Marie Dupont, head of the Bukavu office, told reporters', '“We will not leave the families now.”'], 2)).toMatchObject({ speaker: 'Marie Dupont' });
    // Read whole, not as a quote standing alone after another speaker's.
    expect(await read(c, [...doe, '“The crews worked through the night to finish the pumps,”', 'said Jean Mukendi, who led the repairs.'], 3)).toMatchObject({ speaker: 'Jean Mukendi' });
    expect(await read(c, ['“Nous reconstruirons les écoles avant la rentrée.”', 'Anne Tremblay, ministre de la Solidarité'], 0)).toMatchObject({ speaker: 'Anne Tremblay' });
  });

  it('leaves the speaker empty where the text does not say who spoke', async () => {
    const c = await core();
    expect(await read(c, ['“We will not leave the families now.”'], 0)).toEqual({ speaker: null, role: null });
    expect(await read(c, ['Teams arrived on Tuesday with water and tents for 4,000 people.'], 0)).toEqual({ speaker: null, role: null });
    // A new sentence on the next line is not read as the end of this one.
    expect(await read(c, ['“We will not leave the families now.”', 'Marie Dupont visited the camp on Monday.'], 0)).toEqual({ speaker: null, role: null });
    // Another line's quote is not this line's.
    expect(await read(c, ['“The wells are open again,” said Jane Doe.', 'Teams arrived on Tuesday.'], 1)).toEqual({ speaker: null, role: null });
  });

  it('refuses more lines, or longer ones, than a quote and its context, and reads the worst of those at once', async () => {
    const c = await core();
    expect((await fail(c, 'import.readQuote', { lines: ['x'.repeat(5000)], index: 0 })).code).toBe('INVALID_INPUT');
    expect((await fail(c, 'import.readQuote', { lines: Array(11).fill('Line'), index: 0 })).code).toBe('INVALID_INPUT');
    expect((await fail(c, 'import.readQuote', { lines: ['Line'], index: 1 })).code).toBe('INVALID_INPUT');
    // Ten lines as long as allowed, of unclosed quotes and capitalised words: read on the core's one thread, so it must stay quick.
    const hostile = ['“a', 'Aa Bb, ', 'said Aa Bb, ', "'Aaaa ", '« a ', 'for Aa Bb, ', 'Dr. Aa ', 'وقال سارة ', '— a ', '"a '].map((s) => s.repeat(4000).slice(0, 4000));
    const started = performance.now();
    for (let i = 0; i < hostile.length; i++) await read(c, hostile, i);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
