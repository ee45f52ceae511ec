import type { Handlers } from '../dispatcher';
import { releasePassage, wantedWords } from './passage';
import { searchLibrary } from './query';

export const searchHandlers: Pick<Handlers, 'search'> = {
  search: (input, ctx) => {
    const hits = searchLibrary(ctx.library.db, input.query, input).map(({ score: _score, ...hit }) => hit);
    if (!input.passages) return hits;
    // Releases only: a contact's or a file's line under its name says what it is already.
    const wanted = wantedWords(input.query);
    return hits.map((hit) => (hit.type === 'release' ? { ...hit, passage: releasePassage(ctx, hit.id, wanted) } : hit));
  },
};
