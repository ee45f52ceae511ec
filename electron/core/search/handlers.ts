import type { Handlers } from '../dispatcher';
import { otherPassage, releasePassage, wantedWords } from './passage';
import { searchLibrary } from './query';

export const searchHandlers: Pick<Handlers, 'search'> = {
  search: (input, ctx) => {
    const hits = searchLibrary(ctx.library.db, input.query, input).map(({ score: _score, ...hit }) => hit);
    if (!input.passages) return hits;
    // A release's passage is where the words are in its text; another hit's, what was found
    // that its name and line do not show (a phone number, an e-mail address, a beat).
    const wanted = wantedWords(input.query);
    return hits.map((hit) => ({ ...hit, passage: hit.type === 'release' ? releasePassage(ctx, hit.id, wanted) : otherPassage(ctx, hit.type, hit.id, wanted) }));
  },
};
