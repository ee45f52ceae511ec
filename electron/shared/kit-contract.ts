/**
 * Contract methods of press kits and their exports (DOCX, PDF, ZIP, kit-lite).
 * Merged into API in contract.ts.
 */
export const KIT_API = {} as const;
