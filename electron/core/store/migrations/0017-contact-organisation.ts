import type { Migration } from './types';

/**
 * Contacts by organisation, for the import's similar names: a row naming an organisation is
 * compared with the people of that organisation (see `contacts/similar-names.ts`), which
 * without an index read every contact. Case aside, as SQLite folds it (ASCII letters); the
 * import then compares the organisations folded as everywhere else. Contacts without one are
 * left out: the import never asks for them.
 */
export const m0017: Migration = {
  version: 17,
  name: 'contact-organisation',
  up(db) {
    db.exec('CREATE INDEX contact_p_organisation ON contact_p(organisation COLLATE NOCASE) WHERE organisation IS NOT NULL;');
  },
};
