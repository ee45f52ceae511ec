/**
 * Phone numbers to E.164 (+ and up to 15 digits): a number written with its country code
 * (+41 22 917 12 34, 0041 22 917 12 34) keeps it; a national one (022 917 12 34) takes the
 * calling code of the office's country, its trunk prefix dropped. Anything else (an
 * extension, too few or too many digits, an unknown country) is kept as typed: null here.
 *
 * The table is ISO 3166 code and calling code, in one string read once. Countries that keep
 * their leading 0 after the calling code (Italy) and those whose trunk prefix is not 0 are
 * listed apart.
 */

import { asciiDigitsOf } from '../search/text';

const TABLE =
  'AF93 AL355 DZ213 AO244 AR54 AM374 AU61 AT43 AZ994 BH973 BD880 BY375 BE32 BJ229 BT975 BO591 BA387 BW267 BR55 BG359 BF226 BI257 ' +
  'KH855 CM237 CA1 CV238 CF236 TD235 CL56 CN86 CO57 KM269 CG242 CD243 CR506 CI225 HR385 CU53 CY357 CZ420 DK45 DJ253 DO1 EC593 EG20 ' +
  'SV503 GQ240 ER291 EE372 SZ268 ET251 FJ679 FI358 FR33 GA241 GM220 GE995 DE49 GH233 GR30 GT502 GN224 GW245 GY592 HT509 HN504 HK852 ' +
  'HU36 IS354 IN91 ID62 IR98 IQ964 IE353 IL972 IT39 JM1 JP81 JO962 KZ7 KE254 KI686 KP850 KR82 KW965 KG996 LA856 LV371 LB961 LS266 ' +
  'LR231 LY218 LI423 LT370 LU352 MG261 MW265 MY60 MV960 ML223 MT356 MR222 MU230 MX52 MD373 MC377 MN976 ME382 MA212 MZ258 MM95 NA264 ' +
  'NP977 NL31 NZ64 NI505 NE227 NG234 MK389 NO47 OM968 PK92 PS970 PA507 PG675 PY595 PE51 PH63 PL48 PT351 QA974 RO40 RU7 RW250 WS685 ' +
  'SM378 ST239 SA966 SN221 RS381 SC248 SL232 SG65 SK421 SI386 SB677 SO252 ZA27 SS211 ES34 LK94 SD249 SR597 SE46 CH41 SY963 TW886 ' +
  'TJ992 TZ255 TH66 TL670 TG228 TO676 TT1 TN216 TR90 TM993 UG256 UA380 AE971 GB44 US1 UY598 UZ998 VU678 VA39 VE58 VN84 YE967 ZM260 ZW263';

const CALLING = new Map<string, string>();
for (const entry of TABLE.split(' ')) CALLING.set(entry.slice(0, 2), entry.slice(2));

/** Leading 0 is part of the number after the calling code here. */
const KEEPS_ZERO = new Set(['IT', 'SM', 'VA']);
/** Trunk prefixes other than 0: North America dials 1, Russia and Kazakhstan 8. */
const TRUNK: Record<string, string> = { US: '1', CA: '1', DO: '1', JM: '1', TT: '1', RU: '8', KZ: '8' };

/** The calling code of an ISO 3166 country, or null when the table does not know it. */
export function callingCode(country: string): string | null {
  return CALLING.get(country) ?? null;
}

/**
 * The digits that identify a number, for finding the same person twice: an extension dropped,
 * digits of any script read as ASCII ("٠٧٩١٢٣٤٥٦٧" is "0791234567"), punctuation ignored.
 */
export function phoneDigits(typed: string): string {
  return asciiDigitsOf(typed)
    .replace(/(ext\.?|x)\s*\d+$/i, '')
    .replace(/\D/g, '');
}

/**
 * The number in E.164, or null when it cannot be read as one with confidence. Digits typed in
 * another script (Arabic-Indic, Persian) count as the same digits.
 */
export function toE164(typed: string, country: string | null | undefined): string | null {
  const t = asciiDigitsOf(typed.trim());
  // Digits and phone punctuation only: an extension or a letter is kept as typed.
  if (!/^\+?[0-9 ().\-/]+$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  let international: string | null = null;
  if (t.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  if (international !== null) return international.length >= 8 && international.length <= 15 && !international.startsWith('0') ? `+${international}` : null;

  const code = country ? callingCode(country) : null;
  if (!code || !country) return null;
  let national = digits;
  const trunk = TRUNK[country] ?? '0';
  if (!KEEPS_ZERO.has(country) && national.startsWith(trunk)) national = national.slice(trunk.length);
  const full = `${code}${national}`;
  if (national.length < 6 || full.length > 15) return null;
  return `+${full}`;
}
