import type { Handlers } from '../dispatcher';
import { searchLibrary } from './query';

export const searchHandlers: Pick<Handlers, 'search'> = {
  search: (input, ctx) =>
    searchLibrary(ctx.library.db, input.query, input).map(({ score: _score, ...hit }) => hit),
};
