import type { KitHandlers } from '../api/extensions';

export const kitHandlers: KitHandlers = {};
