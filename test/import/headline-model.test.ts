import { describe, expect, it } from 'vitest';
import type { Block } from '../../electron/core/import/blocks';
import { headlineCandidates, pickHeadline } from '../../electron/core/import/headline';
import { HEADLINE_FEATURES, headlineScore, type HeadlineFeature } from '../../electron/core/import/headline-model';
import { HEADLINE_NONE, HEADLINE_WEIGHTS } from '../../electron/core/import/headline-weights';

/** The learned headline reader: what it reads of each line, and that its choice follows the weights. */

const line = (text: string, group: number, hint: Block['hint'] = 'p'): Block => ({ text, hint, group });

/** A header: a menu set twice, a breadcrumb, the headline as the page's h1, a standfirst, then the body. */
const page: Block[] = [
  line('Home', 0, 'li'),
  line('Our work', 0, 'li'),
  line('Home', 1, 'li'),
  line('Our work', 1, 'li'),
  line('Flood waters reach the northern districts of the valley', 2, 'h1'),
  line('Twelve thousand families have left their homes since Monday, the relief team said.', 3),
  line('Rain has fallen for nine days without a break over the valley, and the river has risen above the banks built after the last floods, which held for more than ten years.', 4),
];
const header = page.slice(0, 6);

function featuresOf(text: string, pageTitle: string | null = null): Record<HeadlineFeature, number> {
  const c = headlineCandidates(header, 0, pageTitle, page).candidates.find((x) => x.text === text);
  if (!c) throw new Error(`no candidate ${text}`);
  return Object.fromEntries(HEADLINE_FEATURES.map((f, k) => [f, c.features[k]!])) as Record<HeadlineFeature, number>;
}

const BODY = 'Rain has fallen for nine days without a break over the valley, and the river has risen above the banks built after the last floods.';

/** The features of the candidates of a header of these lines over one paragraph of body, by a candidate's text or place. */
function featureReader(header: string[]): (which: string | number, name: HeadlineFeature) => number {
  const lines = [...header, BODY].map((text, group) => line(text, group));
  const cands = headlineCandidates(lines.slice(0, -1), 0, null, lines).candidates;
  return (which, name) => {
    const c = typeof which === 'number' ? cands[which] : cands.find((x) => x.text === which);
    if (!c) throw new Error(`no candidate ${which}`);
    return c.features[HEADLINE_FEATURES.indexOf(name)]!;
  };
}

describe('the headline reader', () => {
  it('has one weight for every feature, and no weight for a feature it does not compute', () => {
    expect(Object.keys(HEADLINE_WEIGHTS).sort()).toEqual([...HEADLINE_FEATURES].sort());
    expect(Object.values(HEADLINE_WEIGHTS).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(HEADLINE_NONE)).toBe(true);
  });

  it('leaves menu labels out and describes the other lines by their shape and place', () => {
    const texts = headlineCandidates(header, 0, null, page).candidates.map((c) => c.text);
    expect(texts).toEqual(['Flood waters reach the northern districts of the valley', 'Twelve thousand families have left their homes since Monday, the relief team said.']);
    const title = featuresOf('Flood waters reach the northern districts of the valley', 'Flood waters reach the northern districts of the valley | Relief News');
    expect(title).toMatchObject({ h1: 1, words5to25: 1, sentence: 0, fullStop: 0, beforeLast: 1, last: 0, first: 1, isTitle: 1, capitalised: 1, titleCase: 0, breakBefore: 1 });
    expect(title.titleLikeness).toBeGreaterThan(0.5);
    const deck = featuresOf('Twelve thousand families have left their homes since Monday, the relief team said.');
    expect(deck).toMatchObject({ h1: 0, sentence: 1, last: 1, aboveBody: 1, proseAfter: 1, overSubheadline: 0, commas: expect.any(Number) as number });
    expect(deck.commas).toBeGreaterThan(0);
  });

  it('reads lines broken off, site names after a title and program tokens', () => {
    const f = featureReader(['Las lluvias intensas en el distrito de', 'Aid reaches the valley - Relief News', 'JUser: :_load: the user could not be loaded 566']);
    expect(f('Las lluvias intensas en el distrito de', 'endsOpen')).toBe(1);
    expect(f('Aid reaches the valley - Relief News', 'siteSuffix')).toBe(1);
    expect(f('Aid reaches the valley - Relief News', 'endsOpen')).toBe(0);
    expect(f('JUser: :_load: the user could not be loaded 566', 'oddSymbols')).toBe(1);
  });

  it('reads a line that speaks to the reader, and each line against the others on its page', () => {
    const f = featureReader(['How you can help the families of the valley', 'Relief convoys reach the northern valley after nine days', 'Aid agencies count the damage']);
    expect([f(0, 'toReader'), f(1, 'toReader'), f(2, 'toReader')]).toEqual([1, 0, 0]);
    expect([f(0, 'firstTitleShaped'), f(1, 'firstTitleShaped'), f(2, 'firstTitleShaped')]).toEqual([1, 0, 0]);
    expect([f(0, 'lastTitleShaped'), f(1, 'lastTitleShaped'), f(2, 'lastTitleShaped')]).toEqual([0, 0, 1]);
    expect(f(1, 'relativeLength')).toBe(1);
    expect(f(2, 'relativeLength')).toBeCloseTo(5 / 9, 10);
  });

  it('scores a line by the learned weights: another set of weights picks another line', () => {
    const cands = headlineCandidates(header, 0, null, page).candidates;
    const [h1, deck] = cands;
    // With the committed weights the h1 wins, and the line under it is its subheadline.
    expect(headlineScore(h1!.features)).toBeGreaterThan(headlineScore(deck!.features));
    expect(pickHeadline(header, 0, null, true, page)).toMatchObject({
      headline: 'Flood waters reach the northern districts of the valley',
      subheadline: 'Twelve thousand families have left their homes since Monday, the relief team said.',
    });
    // The score is the dot product: one feature alone scores its weight, and other weights reverse the order.
    const one = HEADLINE_FEATURES.map((f) => (f === 'h1' ? 1 : 0));
    expect(headlineScore(one)).toBeCloseTo(HEADLINE_WEIGHTS.h1, 10);
    const reversed = HEADLINE_FEATURES.map((f) => -HEADLINE_WEIGHTS[f]);
    expect(headlineScore(h1!.features, reversed)).toBeLessThan(headlineScore(deck!.features, reversed));
  });

  it('takes a menu label run into the title off it, and leaves a name written with a capital inside', () => {
    const lines: Block[] = [
      line('Media CenterRelief Convoys Reach the Northern Valley After Nine Days', 0),
      line('ShelterBox passes its two hundredth deployment this year', 1),
      line('Rain has fallen for nine days without a break over the valley, and the river has risen above the banks built after the last floods.', 2),
    ];
    const texts = headlineCandidates(lines.slice(0, 2), 0, null, lines).candidates.map((c) => c.text);
    expect(texts).toEqual(['Relief Convoys Reach the Northern Valley After Nine Days', 'ShelterBox passes its two hundredth deployment this year']);
  });

  it('never takes a menu label, a date or a byline, whatever the weights say', () => {
    const junk: Block[] = [line('Donate now', 0), line('3 March 2026', 1), line('By Jane Roe', 2), line('Rain has fallen for nine days without a break over the valley, and the river has risen above the banks built after the last floods.', 3)];
    expect(headlineCandidates(junk.slice(0, 3), 0, null, junk).candidates).toEqual([]);
    expect(pickHeadline(junk.slice(0, 3), 0, null, true, junk)).toEqual({ headline: null, subheadline: null, sure: false });
  });
});
