import { warning, type Warning } from '../../shared/warnings';
import { SVG_TYPE } from '../attachments/images';
import type { KitAttachment } from './model';

/**
 * What a kit says before it goes out about each file it holds, as pure rules: a photo the press
 * cannot publish without a caption and a credit, a photo marked sensitive (more strongly when no
 * consent is recorded and faces are not hidden), an SVG drawing the documents can only name, and
 * a file whose usage rights have run out.
 * A file that is in the kit twice is said once (the caller passes each once).
 */
export function attachmentWarnings(a: KitAttachment, todayIso: string): Warning[] {
  const out: Warning[] = [];
  const name = a.originalName;
  if (a.isImage && (!a.caption?.trim() || !a.credit?.trim())) {
    out.push(warning('KIT_PHOTO_UNCREDITED', `"${name}" has no caption or no credit; the press needs both to publish it. Add them on the Attachments screen.`, { name }));
  }
  // A photo the office marked sensitive (children, survivors, patients): with no consent recorded
  // and faces not hidden it must not go out as it is; with them, it is still worth a second look.
  // Consent is not asked of every photo: it is off until someone ticks it, and a warning on every
  // landscape, logo and chart would soon be read past.
  if (a.isImage && a.consent.sensitive && !a.consent.consentObtained && !a.consent.faceRedacted) {
    out.push(
      warning(
        'KIT_PHOTO_NO_CONSENT',
        `"${name}" is marked sensitive, no consent is recorded from the people shown, and their faces are not hidden. Record their consent or use a blurred version, on the Attachments screen.`,
        { name },
      ),
    );
  } else if (a.isImage && a.consent.sensitive) {
    out.push(warning('KIT_PHOTO_SENSITIVE', `"${name}" is marked sensitive: check that it may be used in this kit before sending it.`, { name }));
  }
  // Word cannot show an SVG without a picture made from it, and drawing one would mean opening
  // the SVG in a renderer; the person who has the logo has its PNG, which the kit places in both.
  if (a.mediaType === SVG_TYPE) {
    out.push(
      warning(
        'KIT_SVG_NOT_PLACED',
        `"${name}" is an SVG drawing: the Word and PDF documents name it in their list of files but cannot show the picture (the ZIP bundle carries the file itself). To show it, add a PNG or JPEG of it, saved from the program it was drawn in.`,
        { name },
      ),
    );
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
