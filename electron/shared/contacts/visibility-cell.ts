import { CHANNEL_VISIBILITIES, type ChannelVisibility } from '../documents';

/**
 * Who may see each of a contact's e-mails and phones, in Dateline's CSV: one "Visibility"
 * cell naming the channels that are not public ("Staff only: +226 70 11 22 33; Press only:
 * amina@mail.example"), a channel not named being public. Without it, a number kept from the
 * press would come back from a file as public and reach the next public kit. Pure, plain
 * string code.
 */

type Restricted = Exclude<ChannelVisibility, 'public'>;

/** How the cell writes each restricted visibility (the contact form's words: "The press only", "Our staff only"). */
const LABEL: Record<Restricted, string> = { 'press-only': 'Press only', internal: 'Staff only' };

/** What a cell may say, folded: the words written above, and the stored names. */
const READ: Record<string, ChannelVisibility> = {
  'press-only': 'press-only',
  'press': 'press-only',
  'staff-only': 'internal',
  'staff': 'internal',
  'internal': 'internal',
  'public': 'public',
};

interface Channel {
  visibility: ChannelVisibility;
}

/** The cell for a contact's channels: each one that is not public, "Label: address or number", joined by "; ". */
export function visibilityCell(emails: readonly (Channel & { address: string })[], phones: readonly (Channel & { number: string })[]): string {
  const pieces: string[] = [];
  for (const v of CHANNEL_VISIBILITIES) {
    if (v === 'public') continue;
    for (const e of emails) if (e.visibility === v) pieces.push(`${LABEL[v]}: ${e.address}`);
    for (const p of phones) if (p.visibility === v) pieces.push(`${LABEL[v]}: ${p.number}`);
  }
  return pieces.join('; ');
}

export type VisibilityCellRead = { channels: { visibility: ChannelVisibility; value: string }[] } | { problem: string };

/**
 * A Visibility cell read back: its pieces, each a visibility and the address or number it is
 * for; the piece that is not written so, when one is not. (An e-mail address or a phone
 * number holds no ";" and no ":", so neither splits one.)
 */
export function readVisibilityCell(cell: string): VisibilityCellRead {
  const channels: { visibility: ChannelVisibility; value: string }[] = [];
  for (const raw of cell.split(';')) {
    const piece = raw.trim();
    if (piece === '') continue;
    const colon = piece.indexOf(':');
    const label = colon > 0 ? piece.slice(0, colon).trim().toLowerCase().split(' ').filter(Boolean).join('-') : '';
    const visibility = READ[label];
    const value = colon > 0 ? piece.slice(colon + 1).trim() : '';
    if (visibility === undefined || value === '') return { problem: piece };
    channels.push({ visibility, value });
  }
  return { channels };
}
