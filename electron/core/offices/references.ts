import type { OfficeFieldsT } from '../../shared/documents';
import { DatelineError } from '../../shared/errors';
import { canThumbnail } from '../attachments/images';
import type { CoreContext } from '../context';

/**
 * What an office's fields point to, checked before it is stored: its logo is an image in the
 * library (a PDF or a video cannot stand on a kit's cover), and its default contacts are
 * spokespeople (a journalist from the media list is never printed in a kit).
 */
export function checkOfficeReferences(ctx: CoreContext, fields: Partial<Pick<OfficeFieldsT, 'logo' | 'contacts'>>, where: (string | number)[]): void {
  const repo = ctx.library.repo;
  if (fields.logo) {
    const a = repo.find('attachment', fields.logo);
    if (!a) {
      throw new DatelineError('NOT_FOUND', `logo: "${fields.logo}" is not an attachment in the library; add the logo as an attachment first.`, { path: [...where, 'logo'], params: { id: fields.logo, reason: 'logoNotAttachment' } });
    }
    const mediaType = a.mediaType;
    if (!canThumbnail(mediaType)) {
      const name = a.originalName;
      throw new DatelineError('INVALID_INPUT', `logo: "${name}" cannot be the logo: a kit prints its logo from a PNG, JPEG or WebP image (this file is ${mediaType || 'of no known type'}). Save the logo in one of those formats and add it, or choose another.`, {
        path: [...where, 'logo'],
        params: { id: fields.logo, mediaType, name, reason: 'logoNotImage' },
      });
    }
  }
  (fields.contacts ?? []).forEach((id, i) => {
    const c = repo.find('contact', id);
    if (!c) {
      throw new DatelineError('NOT_FOUND', `contacts.${i}: "${id}" is not a contact in the library.`, { path: [...where, 'contacts', i], params: { id, reason: 'contactGone' } });
    }
    if (c.kind !== 'spokesperson') {
      const name = c.name;
      throw new DatelineError('INVALID_INPUT', `contacts.${i}: "${name}" is a journalist in the media list, not a press contact of the organisation; an office's kits print only its spokespeople.`, {
        path: [...where, 'contacts', i],
        params: { id, name, reason: 'notSpokesperson' },
      });
    }
  });
}
