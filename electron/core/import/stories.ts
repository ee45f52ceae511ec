import type { Classified } from './classify';
import { ARABIC_MARKS, compareKey, wordCount } from './normalise';
import { SELF } from './standing';

/**
 * The shape of a page of many stories against one story, read from its paragraphs alone. A tag,
 * topic or news index copied as text is a run of short paragraphs, each the teaser of another
 * story: one cut mid-sentence, another set twice (as a card's title and its description), and one
 * after another picking up nothing from the paragraph before. A release's paragraphs go on from
 * each other: they name the same people, places and organisations and come back to the same words.
 */

/** Short words of the four languages that say nothing of a paragraph's subject. */
const FUNCTION_WORDS = new Set(
  (
    'that this with from have been were will would could should their there they them than then what when where which while about after also into more most other over some such only very just being ' +
    'dans pour avec sans sont être leur leurs cette entre depuis après avant aussi comme mais plus tous toutes dont elle elles nous vous ainsi alors encore même était sera selon ' +
    'para como pero está están esta este estos estas sobre entre desde hasta donde cuando según durante contra todos todas tiene tienen fueron había sido será también porque cual ' +
    'التي الذي الذين على إلى الى هذا هذه ذلك تلك بين حيث كما وقد قد عن مع منذ خلال بعد قبل عند كان كانت يكون تكون أن إن لكن ضمن فيه فيها'
  ).split(' '),
);

/** "والمياه" → "مياه": the article and the conjunctions written onto an Arabic word. */
const ARABIC_PREFIX = /^(?:وال|فال|بال|كال|لل|ال|و)(?=[\u0600-\u06FF]{3,})/u;

/** The words of a paragraph that carry its subject, cut to their first five letters so "refugees" meets "refugee". */
function subjectWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of compareKey(text).split(' ')) {
    const word = raw.replace(ARABIC_PREFIX, '');
    if (word.length < 4 || FUNCTION_WORDS.has(word) || FUNCTION_WORDS.has(raw) || /^\d+$/u.test(word)) continue;
    out.add(word.slice(0, 5));
  }
  return out;
}

/** Names written with a capital inside a sentence, and acronyms: whom and where a paragraph is about. */
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  const tokens = text.split(/\s+/u);
  for (const [i, raw] of tokens.entries()) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word.length < 3) continue;
    const opensSentence = i === 0 || /[.!?؟:"“«]$/u.test(tokens[i - 1]!) || /^["“«(]/u.test(raw);
    const acronym = /^\p{Lu}{2,}\p{Ll}?$/u.test(word);
    if (acronym || (!opensSentence && /^\p{Lu}\p{Ll}/u.test(word))) out.add(compareKey(word).slice(0, 7));
  }
  return out;
}

const CLOSED = /[.!?؟。:;]["”»’)\]]*$/u;

export interface StoryShape {
  /** Paragraphs of running text: twelve words or more, closing a sentence or twenty words long. */
  paragraphs: number;
  /**
   * Paragraphs of twelve words or more, the page's last aside (a copy may stop anywhere), that
   * stop on a word after a full sentence, or on an ellipsis: a teaser cut to its length.
   */
  cut: number;
  /** Paragraphs of running text, each closing its sentence, set twice word for word. */
  repeated: number;
  /** Paragraphs of running text in which someone speaks as "we" ("our teams", "nous", "نعمل"). */
  voiced: number;
  /** Paragraphs of running text after the first sharing no name and no subject word with the one before. */
  breaks: number;
}

export function storyShape(items: Classified[]): StoryShape {
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside && it.block.hint !== 'li');
  const texts = kept.map((it) => it.block.text.trim()).filter((t) => wordCount(t) >= 12);
  const last = items[items.length - 1]?.block.text.trim();
  const judged = texts.length > 0 && texts[texts.length - 1] === last ? texts.slice(0, -1) : texts;
  const cut = judged.filter((t) => (/[.!?؟]["”»’)]*\s+\S/u.test(t) && /[\p{L}\p{N},;]$/u.test(t)) || /(?:…|\.\.\.)["”»’)\]]*$/u.test(t)).length;
  const running = texts.filter((t) => CLOSED.test(t) || wordCount(t) >= 20);
  // A title set twice (over the page and over the text) is how many release pages open; a teaser
  // set twice is a sentence, closed.
  const keys = running.map((t) => (CLOSED.test(t) ? compareKey(t) : null));
  const repeated = keys.filter((k, i) => k !== null && keys.indexOf(k) !== i).length;
  const names = running.map(namesIn);
  const words = running.map(subjectWords);
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));
  let breaks = 0;
  for (let k = 1; k < running.length; k++) {
    if (!shares(names[k]!, names[k - 1]!) && !shares(words[k]!, words[k - 1]!)) breaks++;
  }
  const voiced = running.filter((t) => (t.replace(ARABIC_MARKS, '').match(SELF)?.length ?? 0) > 0).length;
  return { paragraphs: running.length, cut, repeated, breaks, voiced };
}

/**
 * Five paragraphs of running text or more, at least one teaser cut short or set twice, and at
 * least a third of the paragraphs picking up nothing from the one before: a page of many stories.
 * The bounds were fitted on five batches of real pages (fit on four, measured on the fifth), as
 * the most cautious that still caught the lists of the four; no release of those pages, and none
 * of the corpus, meets all three. A page on which someone speaks as "we" in two paragraphs or more
 * is one voice (a statement in short paragraphs turns from one point to the next the same way),
 * never a list of others' stories. Whether anything on the page dates, places or signs a release
 * is for the caller to tell.
 */
export function manyStories(shape: StoryShape): boolean {
  return shape.paragraphs >= 5 && shape.voiced < 2 && shape.cut + shape.repeated >= 1 && shape.breaks >= 0.35 * (shape.paragraphs - 1);
}
