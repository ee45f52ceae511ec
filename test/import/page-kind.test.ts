import { describe, expect, it } from 'vitest';
import { bodyShape, goesOn, MIN_LATER, separateItems } from '../../electron/core/import/page-kind';

/**
 * The features of the decision "one story, or several items set one under another": whether a
 * paragraph goes on from the one before, how many of a body's paragraphs do, and the decision
 * itself, which a release's own mark or a headline always overrules.
 */

const FRESH = [
  'Clinics in the lakeside districts are running short of the rapid tests used to detect malaria this season.',
  'A survey of two hundred farming households found that one in four had sold livestock to pay for food.',
  'Volunteers in the port town have trained three hundred mothers to recognise dehydration in infants.',
  'The regional hospital opened a ward for patients with burns after a fire at a fuel depot.',
  'School meals return to forty primary schools in the hill districts after months without them.',
  'Families who lost their homes in the landslide are still living in tents on the football ground.',
  'A mobile team of midwives now visits the islands of the lake every fortnight with antenatal checks.',
];

describe('a paragraph that goes on from the one before', () => {
  it('opens with a pronoun, a connective, the subject already named or a quotation mark, in four languages', () => {
    for (const p of [
      'He added that the teams would stay until the end of the month.',
      'The organisation has asked donors for another two million.',
      'However, the roads to the north are still closed.',
      '“We will not leave,” the nurse said.',
      '« Nous resterons », a déclaré la coordinatrice.',
      'Elle a rappelé que les équipes restaient sur place.',
      'Par ailleurs, deux cliniques ont rouvert.',
      'Asimismo, el ministerio anunció nuevas ayudas.',
      'Según el informe, la cifra se duplicó.',
      'وأضاف أن الفرق ستبقى حتى نهاية الشهر.',
      'من جهته، أكد المدير أن المساعدات وصلت.',
    ]) {
      expect(goesOn(p), p).toBe(true);
    }
  });

  it('does not when it opens afresh with its own subject', () => {
    for (const p of [...FRESH, 'Les bénévoles assurent des consultations gratuites deux soirs par semaine.', 'Productores de la región norte reclaman ayudas para perforar pozos.', 'تهدف الحملة إلى توفير البطانيات للأسر.', 'Theatre groups toured the camps.', 'Ceremonies were held in every town.']) {
      expect(goesOn(p), p).toBe(false);
    }
  });
});

describe("a body's shape", () => {
  it('counts the paragraphs after the first of six words or more, and those that go on', () => {
    expect(bodyShape(FRESH)).toEqual({ later: 6, goingOn: 0 });
    expect(bodyShape([FRESH[0]!, 'He said more.', ...FRESH.slice(1, 3), 'He added that the teams would stay until May.'])).toEqual({ later: 3, goingOn: 1 });
    expect(bodyShape([])).toEqual({ later: 0, goingOn: 0 });
  });
});

describe('the decision: several items, not one release', () => {
  const page = { headline: null, releaseMarks: 0, body: FRESH };

  it('takes a page with no headline, no mark of a release and paragraphs that each open afresh for several items', () => {
    expect(separateItems(page)).toEqual({ later: 6, goingOn: 0 });
  });

  it('never does when a headline was found or a single mark of a release is on the page', () => {
    expect(separateItems({ ...page, headline: 'Malaria tests run short in the lakeside districts' })).toBeNull();
    expect(separateItems({ ...page, releaseMarks: 1 })).toBeNull();
  });

  it(`needs ${MIN_LATER} paragraphs after the first, at most a third of them going on`, () => {
    expect(separateItems({ ...page, body: FRESH.slice(0, MIN_LATER) })).toBeNull();
    const two = [...FRESH.slice(0, 5), 'It also reopened the maternity ward on the same floor.', 'They will stay until the end of the month, the nurses said.'];
    expect(separateItems({ ...page, body: two })).toEqual({ later: 6, goingOn: 2 });
    const three = [...two.slice(0, 4), 'However, the roads to the north are still closed to trucks.', ...two.slice(5)];
    expect(separateItems({ ...page, body: three })).toBeNull();
  });
});
