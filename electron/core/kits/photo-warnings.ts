import { warning, type Warning } from '../../shared/warnings';
import type { KitAttachment } from './model';

/**
 * What a kit says before it goes out about each file it holds, as pure rules: a photo the press
 * cannot publish without a caption and a credit, a photo of people who have not consented (and
 * whose faces are not hidden), one marked sensitive, and a file whose usage rights have run out.
 * A file that is in the kit twice is said once (the caller passes each once).
 */
export function attachmentWarnings(a: KitAttachment, todayIso: string): Warning[] {
  const out: Warning[] = [];
  const name = a.originalName;
  if (a.isImage && (!a.caption?.trim() || !a.credit?.trim())) {
    out.push(warning('KIT_PHOTO_UNCREDITED', `"${name}" has no caption or no credit; the press needs both to publish it. Add them on the Attachments screen.`, { name }));
  }
  // Consent is recorded per photo and is off until someone ticks it: a photo of a landscape says
  // so too, which costs a glance; a child's face sent without consent cannot be called back.
  if (a.isImage && !a.consent.consentObtained && !a.consent.faceRedacted) {
    out.push(
      warning(
        'KIT_PHOTO_NO_CONSENT',
        `"${name}": no consent is recorded from the people shown, and their faces are not hidden. If people can be recognised in it, record their consent or use a blurred version, on the Attachments screen.`,
        { name },
      ),
    );
  }
  if (a.isImage && a.consent.sensitive) {
    out.push(warning('KIT_PHOTO_SENSITIVE', `"${name}" is marked sensitive: check that it may be used in this kit before sending it.`, { name }));
  }
  // The rights "expire on" a date: from that day on the file may no longer be used.
  if (a.usageExpires !== null && a.usageExpires <= todayIso) {
    out.push(
      warning('KIT_RIGHTS_EXPIRED', `The usage rights of "${name}" expired on ${a.usageExpires}; take it out of the kit or renew the rights on the Attachments screen.`, {
        name,
        date: a.usageExpires,
      }),
    );
  }
  return out;
}
