import { foldText } from '../search/text';
import type { ContactFieldsT } from '../documents';

/**
 * The kind of contact a job title says, for a file that does not state the kind itself: a
 * person who speaks for an organisation (spokesperson, press or communications officer) in
 * English, French, Spanish or Arabic is a spokesperson; any other title says nothing, and the
 * contact stays a journalist. Read on the folded title (lower case, no accents; Arabic without
 * marks, hamza seats, and with ta marbuta as ha), so "Chargée", "chargee" and "CHARGÉE" agree.
 * Pure; CSV rows and vCards share it.
 */

// Latin titles: whole words, as folded.
const LATIN: readonly RegExp[] = [
  /\bspokes(?:person|man|woman|people)\b/,
  /\bpress (?:officer|secretary|attache|liaison|relations)\b/,
  /\bmedia (?:officer|relations|liaison|spokesperson|focal point)\b/,
  /\bcommunications? (?:officer|manager|director|coordinator|lead|specialist|adviser|advisor|focal point|delegate)\b/,
  /\b(?:head|director|chief) of (?:communications?|media relations|press|public information)\b/,
  /\bpublic (?:information|affairs) officer\b/,
  // French
  /\bporte[- ]parole\b/,
  /\battachee? de presse\b/,
  /\b(?:chargee?|responsable|directeur|directrice|delegue|deleguee|officier) (?:de la |de |des |du )?(?:communication|presse|relations (?:presse|medias))\b/,
  // Spanish
  /\bportavoz\b/,
  /\bvocer[oa]\b/,
  /\b(?:oficial|responsable|encargad[oa]|jef[ea]|director|directora|coordinador|coordinadora|agregad[oa]) de (?:prensa|comunicacion(?:es)?|relaciones con (?:los )?medios)\b/,
];

// Arabic titles, as folded: متحدث رسمي / المتحدثة الرسمية, الناطق الرسمي / ناطق باسم,
// مسؤول الإعلام / الاتصال / الصحافة / العلاقات الإعلامية, مسؤول إعلامي.
const ARABIC: readonly RegExp[] = [
  /(?:متحدث|ناطق)(?:ه)? (?:ال)?رسمي/,
  /(?:متحدث|ناطق)(?:ه)? باسم/,
  /مسوول(?:ه)? (?:ال)?(?:اعلام|اتصال|صحافه|علاقات الاعلاميه)/,
  /مسوول(?:ه)? اعلامي/,
];

export function kindFromTitle(title: string | null | undefined): ContactFieldsT['kind'] | null {
  if (!title) return null;
  const folded = foldText(title).replace(/\s+/g, ' ');
  return LATIN.some((r) => r.test(folded)) || ARABIC.some((r) => r.test(folded)) ? 'spokesperson' : null;
}
