import { TEXT_ENCODINGS, type TextEncodingName } from '../../electron/shared/contacts/bulk-contract';
import { COLUMN_TARGETS, type ColumnMapping } from '../../electron/shared/contacts/columns';
import { rememberChoice, rememberedChoice } from '../ui/remembered';

/**
 * What a contacts import remembers on this computer for a header set, so the next file with the
 * same columns (the same office's monthly sheet) is read without the same questions: how its
 * columns map, and the encoding the person chose when the one found was wrong.
 */

const mappingKey = (headers: readonly string[]) => `dateline.contactMapping.${JSON.stringify(headers)}`;
const encodingKey = (headers: readonly string[]) => `dateline.contactEncoding.${JSON.stringify(headers)}`;

export function rememberedMapping(headers: readonly string[]): ColumnMapping | null {
  return rememberedChoice<ColumnMapping | null>(
    mappingKey(headers),
    (stored) => {
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
      const ok = Object.values(stored).every((t) => (COLUMN_TARGETS as readonly unknown[]).includes(t));
      return ok ? (stored as ColumnMapping) : null;
    },
    null,
  );
}

export function rememberMapping(headers: readonly string[], mapping: ColumnMapping): void {
  rememberChoice(mappingKey(headers), mapping);
}

/**
 * An encoding chosen over the one found. It is kept under the headers as they read in the
 * encoding found (a misread Arabic header reads the same wrong way each time) together with that
 * encoding, and is used only when a file is found in that same encoding again: a file with the
 * same columns saved as UTF-8 is still read as UTF-8.
 */
interface ChosenEncoding {
  found: TextEncodingName;
  chosen: TextEncodingName;
}

const isEncoding = (v: unknown): v is TextEncodingName => (TEXT_ENCODINGS as readonly unknown[]).includes(v);

/** The encoding to read a file in whose headers read `headers` in `found`, or null to keep `found`. */
export function rememberedEncoding(headers: readonly string[], found: TextEncodingName): TextEncodingName | null {
  const stored = rememberedChoice<ChosenEncoding | null>(
    encodingKey(headers),
    (v) => {
      const o = v as Partial<ChosenEncoding> | null;
      return o && isEncoding(o.found) && isEncoding(o.chosen) ? { found: o.found, chosen: o.chosen } : null;
    },
    null,
  );
  return stored && stored.found === found && stored.chosen !== found ? stored.chosen : null;
}

/** Remembers the encoding a file was imported in; choosing the one found again forgets the choice. */
export function rememberEncoding(headers: readonly string[], found: TextEncodingName, chosen: TextEncodingName): void {
  if (chosen !== found) {
    rememberChoice(encodingKey(headers), { found, chosen } satisfies ChosenEncoding);
    return;
  }
  try {
    localStorage.removeItem(encodingKey(headers));
  } catch {
    // No storage: nothing was remembered either.
  }
}
