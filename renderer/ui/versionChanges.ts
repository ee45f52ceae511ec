import type { TFunction } from 'i18next';
import type { VersionChange } from '../../electron/shared/contract';
import { inEditorOrder } from '../conflicts/fieldLabels';
import { fieldLabel } from '../conflicts/DocFields';

/**
 * What a version in a document's history changed, in words: "Changed: Headline, Tags", "Created",
 * "Deleted". Each field by the label its editor gives it (the Conflicts screen's), in the order the
 * editor shows them; a field only a newer Dateline knows comes last, by its name.
 */

/** How many fields a version in the list names before "and 3 more"; a list one longer is named whole. */
export const FIELDS_NAMED = 2;

/**
 * The fields' labels as the language lists them ("Headline and Tags"); past `max` + 1, the first
 * `max` and how many more ("Headline, Tags and 3 more"), so "and 1 more" is never said.
 */
export function fieldsInWords(t: TFunction, language: string, type: string, fields: readonly string[], max = Infinity): string {
  const labels = inEditorOrder(type, fields).map((k) => fieldLabel(t, type, k));
  const named = labels.length <= max + 1 ? labels : [...labels.slice(0, max), t('history.moreFields', { count: labels.length - max })];
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(named);
}

/**
 * A version's change in words, shortened for the list (`max` fields named) or whole for the
 * version opened. `when` words the time of the earlier version a restore brings back.
 */
export function changeInWords(t: TFunction, language: string, type: string, change: VersionChange, when: (at: string) => string, max = Infinity): string {
  switch (change.kind) {
    case 'created':
      return t('history.change.created');
    case 'deleted':
      return t(`history.change.${change.how}`);
    case 'undeleted':
      return change.fields === null || change.fields.length === 0
        ? t('history.change.undeleted')
        : t('history.change.undeletedWith', { fields: fieldsInWords(t, language, type, change.fields, max) });
    case 'edited': {
      if (change.fields === null) return t('history.change.unknown');
      if (change.fields.length === 0) return t('history.change.none');
      const fields = fieldsInWords(t, language, type, change.fields, max);
      return change.bringsBack === null ? t('history.change.fields', { fields }) : t('history.change.bringsBack', { when: when(change.bringsBack.at), fields });
    }
  }
}

/** The fields a version changed, to mark when it is opened: none for the version that created the document. */
export function changedOf(change: VersionChange): ReadonlySet<string> {
  return new Set((change.kind === 'edited' || change.kind === 'undeleted') && change.fields !== null ? change.fields : []);
}
