import type { Core } from '../index';

/** What web mode needs of an opened core (openCore's result has this shape). */
export type WebCore = Pick<Core, 'ctx' | 'dispatch' | 'jobs' | 'library'>;
