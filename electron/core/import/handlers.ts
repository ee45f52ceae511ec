import type { ImportHandlers } from '../api/extensions';

export const importHandlers: ImportHandlers = {};
