/**
 * An office's look in its kits: the font families it may choose. Only the fonts bundled under
 * resources/fonts are offered, so a kit prints the same on every machine, offline, and the DOCX
 * can carry the font it names. The core maps each family to its files (core/kits/resources.ts).
 */

export const KIT_FONT_FAMILIES = ['DejaVu Sans', 'WenQuanYi Micro Hei'] as const;
export type KitFontFamily = (typeof KIT_FONT_FAMILIES)[number];

/** How long an office's footer line may be: one line at the foot of every page. */
export const FOOTER_MAX = 200;
/** Default press contacts an office names for its kits. */
export const OFFICE_CONTACTS_MAX = 10;
