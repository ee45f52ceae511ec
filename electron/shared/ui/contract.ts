import { z } from 'zod';
import { method } from '../methods';
import { UI_LANGUAGE_CODES } from './languages';

/** Contract methods of the interface itself. Merged into API in contract.ts. */

export const UI_API = {
  /** The window's interface language, announced so the desktop shell can word its native menu. */
  'ui.language': method<null>()(z.object({ language: z.enum(UI_LANGUAGE_CODES) }).strict(), { access: 'local' }),
} as const;
