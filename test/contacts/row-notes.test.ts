import { describe, expect, it } from 'vitest';
import { ROW_NOTE_CODES } from '../../electron/shared/contacts/row-notes';
import { UI_RESOURCES } from '../../renderer/i18n';

describe('import row notes', () => {
  it('every code the core gives a row has its words in each interface language', () => {
    for (const [lng, res] of Object.entries(UI_RESOURCES)) {
      const notes = (res.translation as { contactImport: { note: Record<string, string> } }).contactImport.note;
      expect(ROW_NOTE_CODES.filter((c) => !notes[c]), lng).toEqual([]);
    }
  });
});
