import type { Handlers } from '../dispatcher';
import type { IMPORT_API } from '../../shared/import-contract';
import type { KIT_API } from '../../shared/kit-contract';

/** The handler sets of the importer and of kits/exports, typed against their contract files. */
export type ImportHandlers = Pick<Handlers, keyof typeof IMPORT_API>;
export type KitHandlers = Pick<Handlers, keyof typeof KIT_API>;
