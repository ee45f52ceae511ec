/**
 * Stable warning codes. Like an error, a warning carries a code and params the UI translates,
 * and an English message for the CLI and as the fallback.
 */
export const WARNING_CODES = [
  'IMPORT_NOTE_LEFT_OUT',
  'IMPORT_EMBARGO_UNREAD',
  'IMPORT_NO_HEADLINE',
  'IMPORT_HEADLINE_GUESSED',
  'IMPORT_NO_DATE',
  'IMPORT_NO_BODY',
  'KIT_OFFICE_MISSING',
  'KIT_CONTACT_MISSING',
  'KIT_JOURNALIST_LEFT_OUT',
  'KIT_DO_NOT_CONTACT',
  'KIT_VIDEO_METADATA',
  'KIT_PHOTO_UNCREDITED',
  'KIT_PHOTO_NO_CONSENT',
  'KIT_PHOTO_SENSITIVE',
  'KIT_RIGHTS_EXPIRED',
  'KIT_RELEASE_DRAFT',
  'KIT_RELEASE_IN_REVIEW',
  'KIT_SVG_NOT_PLACED',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  code: WarningCode;
  message: string;
  params?: Record<string, string | number>;
}

export function warning(code: WarningCode, message: string, params?: Warning['params']): Warning {
  return params ? { code, message, params } : { code, message };
}
