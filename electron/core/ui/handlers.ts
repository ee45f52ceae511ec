import type { Handlers } from '../dispatcher';

/**
 * The core keeps no interface language (each computer remembers its own); it passes the
 * window's choice on as an event, which the desktop shell hears on the same channel as jobs.
 */
export const uiHandlers: Pick<Handlers, 'ui.language'> = {
  'ui.language': (input, ctx) => {
    ctx.jobs.emit({ type: 'ui.language', language: input.language });
    return null;
  },
};
