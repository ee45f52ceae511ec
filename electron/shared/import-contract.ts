/**
 * Contract methods of the release importer (pasted text, web pages, Word files).
 * Merged into API in contract.ts.
 */
export const IMPORT_API = {} as const;
