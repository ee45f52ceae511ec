import type { PERSON_API } from '../../shared/contacts/person-contract';
import type { SIMILAR_API } from '../../shared/contacts/similar-contract';
import type { Handlers } from '../dispatcher';
import { erasingWrite } from '../store/scrub';
import { contactReferences, eraseContact, exportPerson, mergeContacts } from './person';
import { markNotSame, similarContacts } from './similar';

/** Handlers of the one-person methods: references, export as JSON, merge, erase, the people who may be the same. */
export const contactPersonHandlers: Pick<Handlers, keyof typeof PERSON_API | keyof typeof SIMILAR_API> = {
  'contact.references': (input, ctx) => contactReferences(ctx, input.id),
  'contact.exportPerson': (input, ctx) => exportPerson(ctx, input.id),
  'contact.merge': (input, ctx) => mergeContacts(ctx, input.survivor, input.other, input.take),
  // The person's words leave the library's file too, not only its tables (store/scrub.ts).
  'contact.erase': (input, ctx) => erasingWrite(ctx.library.db, () => eraseContact(ctx, input.id)),
  'contact.similar': (input, ctx) => similarContacts(ctx, input.id),
  'contact.notSame': (input, ctx) => markNotSame(ctx, input.id, input.other),
};
