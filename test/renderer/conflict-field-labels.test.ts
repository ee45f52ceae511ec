import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ConsentSchema, DataProtectionSchema, DOC_TYPES, FIELDS_BY_TYPE, OfficeFields, WithdrawalSchema } from '../../electron/shared/documents';
import { fieldLabelKey, PART_LABELS } from '../../renderer/conflicts/fieldLabels';
import { UI_RESOURCES } from '../../renderer/i18n';

/**
 * The Conflicts screen names every field of every document in the person's language: a field
 * added to a schema without words for it fails here (and does not compile in fieldLabels.ts).
 */

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | undefined => {
  let at: string | Tree | undefined = tree;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
};
const LANGUAGES = Object.keys(UI_RESOURCES) as (keyof typeof UI_RESOURCES)[];

/** Keys that name nothing in one of the four languages. */
function unworded(keys: Iterable<readonly [string, string | null]>): string[] {
  const out: string[] = [];
  for (const [what, key] of keys) {
    if (key === null) out.push(`${what}: no label`);
    else for (const lng of LANGUAGES) if (!lookup(UI_RESOURCES[lng].translation as Tree, key)) out.push(`${what}: ${key} missing in ${lng}`);
  }
  return out;
}

describe('the Conflicts screen’s words for fields', () => {
  it('has a label in English, French, Spanish and Arabic for every field of every document type', () => {
    const fields = DOC_TYPES.flatMap((type) => Object.keys((FIELDS_BY_TYPE[type] as unknown as z.ZodObject).shape).map((f) => [`${type}.${f}`, fieldLabelKey(type, f)] as const));
    expect(fields.length).toBeGreaterThan(80);
    expect(unworded(fields)).toEqual([]);
  });

  it('names the parts of a contact’s data protection, a photo’s consent, an office’s colours and fonts, a withdrawal', () => {
    const objects: [string, z.ZodObject][] = [
      ['dataProtection', DataProtectionSchema],
      ['consent', ConsentSchema],
      ['colours', OfficeFields.shape.colours.unwrap() as unknown as z.ZodObject],
      ['fonts', OfficeFields.shape.fonts.unwrap().unwrap() as unknown as z.ZodObject],
      ['withdrawal', WithdrawalSchema],
    ];
    const parts = objects.flatMap(([field, schema]) => Object.keys(schema.shape).map((p) => [`${field}.${p}`, PART_LABELS[field]?.[p] ?? null] as const));
    expect(unworded(parts)).toEqual([]);
  });

  it('reuses the editors’ labels rather than words of its own', () => {
    expect(fieldLabelKey('contact', 'socialHandles')).toBe('contactFields.social');
    expect(fieldLabelKey('kit', 'pageSize')).toBe('kitBuilder.pageSize');
    expect(fieldLabelKey('office', 'timeZone')).toBe('settings.timeZone');
    expect(fieldLabelKey('attachment', 'usageRights')).toBe('attachments.usageRights');
    // A field only a newer Dateline writes has none: the screen shows its name.
    expect(fieldLabelKey('contact', 'pronouns')).toBeNull();
    expect(fieldLabelKey('newsletter', 'name')).toBeNull();
  });
});
