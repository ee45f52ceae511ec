import { distinctTags } from '../../shared/releases/tags';
import { DatelineError } from '../../shared/errors';
import type { ParsedInputOf } from '../../shared/contract';
import { EmailSchema, phoneProblem, type ContactFieldsT } from '../../shared/documents';
import { headlineHasLetters, type ImportCommitted, type ImportContactMatch, type ImportSource } from '../../shared/import/contract';
import type { BlockNode, RichText } from '../../shared/richtext';
import { tooLarge } from '../attachments/files';
import { sniffMediaType } from '../attachments/images';
import { safeFileName } from '../../shared/file-names';
import { linkReleases, liveAttachmentBySha } from '../attachments/queries';
import { validateKnown } from '../store/repository';
import type { CoreContext } from '../context';
import { contactKeys } from '../store/projections';
import { contactsMatching } from '../contacts/queries';
import { withoutOpeningBracket } from '../contacts/write';
import { textDirection } from '../../shared/direction';
import { findDuplicate } from './duplicate';

/**
 * Stores a reviewed import: the release, its contacts (an existing contact with the same
 * normalised e-mail or phone is linked, not duplicated) and the original as an attachment of
 * the release, all in one transaction. The original's bytes are written first (named by their
 * hash), so the documents never point at a file that is not on disk.
 */

type CommitInput = ParsedInputOf<'import.commit'>;

/** The existing contact sharing a normalised e-mail or phone with the given details, if any. */
export function matchContact(ctx: CoreContext, email: string | null, phone: string | null): ImportContactMatch | null {
  const [first] = contactsMatching(ctx, email ? [email] : [], phone ? [phone] : [], { order: 'oldest', limit: 1 });
  return first ? { id: first.id, name: first.name, organisation: first.organisation } : null;
}

/** The original's bytes, name and type, from the source the preview was made from. */
export function sourceFile(source: ImportSource): { name: string; bytes: Buffer; mediaType: string } {
  if (source.data !== undefined) {
    const bytes = Buffer.from(source.data, 'base64');
    const name = safeFileName(source.name ?? 'imported-file');
    return { name, bytes, mediaType: sniffMediaType(bytes, source.mediaType ?? mediaTypeFromName(name)) };
  }
  if (source.html !== undefined) {
    return { name: safeFileName(source.name ?? 'pasted-page.html'), bytes: Buffer.from(source.html, 'utf8'), mediaType: 'text/html' };
  }
  return { name: safeFileName(source.name ?? 'pasted-text.txt'), bytes: Buffer.from(source.text ?? '', 'utf8'), mediaType: 'text/plain' };
}

function mediaTypeFromName(name: string): string | undefined {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (ext === 'html' || ext === 'htm') return 'text/html';
  if (ext === 'md' || ext === 'markdown') return 'text/markdown';
  if (ext === 'txt') return 'text/plain';
  return undefined;
}

function bodyOf(paragraphs: string[]): RichText {
  const content: BlockNode[] = paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text) =>
      textDirection(text) === 'rtl'
        ? { type: 'paragraph' as const, attrs: { dir: 'rtl' as const }, content: [{ type: 'text' as const, text }] }
        : { type: 'paragraph' as const, content: [{ type: 'text' as const, text }] },
    );
  return { type: 'doc', content };
}

/** `why` says it for the window in the person's language (errors.inputProblems); the message is the CLI's. */
function invalid(path: (string | number)[], message: string, why: Record<string, string | number>): DatelineError {
  return new DatelineError('INVALID_INPUT', `import.commit: ${path.join('.')}: ${message}`, { path, params: { field: path.join('.'), ...why } });
}

interface ContactPlan {
  existingId: string | null;
  fields: ContactFieldsT;
  keys: string[];
}

function planContacts(input: CommitInput): ContactPlan[] {
  return input.contacts.map((c, i) => {
    const email = c.email?.trim() || null;
    const phone = c.phone?.trim() || null;
    if (email && !EmailSchema.safeParse({ address: email }).success) throw invalid(['contacts', i, 'email'], `"${email}" is not an e-mail address`, { n: i + 1, email, reason: 'importContactEmail' });
    const problem = phone ? phoneProblem(phone) : null;
    if (phone && problem) throw invalid(['contacts', i, 'phone'], `"${phone}" is not a phone number: it ${problem.message}`, { n: i + 1, number: phone, phone: problem.code, ...(problem.char === undefined ? {} : { char: problem.char }), reason: 'importContactPhone' });
    const name = c.name?.trim() || c.organisation?.trim() || email || phone;
    if (!name) throw invalid(['contacts', i, 'name'], 'a contact needs a name, an e-mail or a phone number', { n: i + 1, reason: 'importContactNoName' });
    const fields = validateKnown(
      'contact',
      {
        kind: 'spokesperson',
        name,
        role: c.role?.trim() || null,
        organisation: c.organisation?.trim() || null,
        emails: email ? [{ type: 'work', address: email }] : [],
        phones: phone ? [{ type: 'work', number: withoutOpeningBracket(phone) }] : [],
        languages: [input.release.language],
        office: input.office,
      },
      ['contacts', i],
    );
    return { existingId: c.existingId ?? null, fields, keys: contactKeys(fields) };
  });
}

export function commitImport(input: CommitInput, ctx: CoreContext): ImportCommitted {
  const file = sourceFile(input.source);
  if (file.bytes.length === 0) throw new DatelineError('EMPTY_FILE', 'The original is empty; there is nothing to keep with the release.');
  if (file.bytes.length > ctx.attachmentLimit) throw tooLarge(`"${file.name}"`, file.bytes.length, ctx.attachmentLimit);

  const r = input.release;
  // "-" or "28/05/2010" is page furniture picked by mistake, never a headline.
  if (!headlineHasLetters(r.headline)) throw invalid(['release', 'headline'], 'The headline has no letters in it; write the headline before storing.', { reason: 'importHeadlineNoLetters' });
  const releaseFields = validateKnown(
    'release',
    {
      office: input.office,
      headline: r.headline?.trim() ?? '',
      subheadline: r.subheadline?.trim() || null,
      datelinePlace: r.datelinePlace?.trim() || null,
      releaseDate: r.releaseDate,
      embargo: r.embargo?.at && r.embargo.timeZone ? { at: r.embargo.at, timeZone: r.embargo.timeZone } : null,
      language: r.language,
      status: 'draft',
      body: bodyOf(r.body),
      quotes: r.quotes.map((q) => ({ speaker: q.speaker?.trim() || null, role: q.role?.trim() || null, text: q.text })),
      notesToEditors: r.notesToEditors?.trim() || null,
      boilerplate: r.boilerplate?.trim() ? { text: r.boilerplate.trim() } : null,
      endMark: r.endMark,
      contacts: [],
      tags: distinctTags(input.tags),
    },
    ['release'],
  );
  const plans = planContacts(input);
  if (!input.allowDuplicate) {
    const same = findDuplicate(ctx, r, file.bytes);
    if (same) {
      throw new DatelineError(
        'DUPLICATE',
        `Already in the library: "${same.headline}" (${same.id}), stored ${same.storedAt.slice(0, 10)}; nothing was stored. Open that release, or store this one anyway.`,
        { params: { id: same.id, headline: same.headline, storedAt: same.storedAt } },
      );
    }
  }

  const { sha256, size } = ctx.blobs.put(file.bytes);
  const repo = ctx.library.repo;

  return ctx.library.db
    .transaction((): ImportCommitted => {
      const contacts: ImportCommitted['contacts'] = [];
      const byKey = new Map<string, string>();
      plans.forEach((plan, i) => {
        let id: string | null = null;
        let created = false;
        if (plan.existingId) {
          const existing = repo.find('contact', plan.existingId);
          if (!existing) {
            throw invalid(['contacts', i, 'existingId'], `there is no contact "${plan.existingId}" in this library`, { n: i + 1, id: plan.existingId, reason: 'importContactGone' });
          }
          id = existing.id;
        }
        id ??= plan.keys.map((k) => byKey.get(k)).find(Boolean) ?? null;
        if (!id) {
          id = matchContact(ctx, plan.fields.emails[0]?.address ?? null, plan.fields.phones[0]?.number ?? null)?.id ?? null;
        }
        if (!id) {
          id = repo.create('contact', plan.fields).id;
          created = true;
        }
        for (const k of plan.keys) byKey.set(k, id);
        if (!contacts.some((c) => c.id === id)) contacts.push({ id, name: plan.fields.name, created });
      });

      const release = repo.create('release', { ...releaseFields, contacts: contacts.map((c) => c.id) });

      const existing = liveAttachmentBySha(ctx, sha256);
      let attachment: ImportCommitted['attachment'];
      if (existing) {
        const doc = linkReleases(ctx, existing, [release.id]);
        attachment = { id: doc.id, sha256, deduped: true };
      } else {
        const created = repo.create('attachment', {
          office: input.office,
          sha256,
          originalName: file.name,
          mediaType: file.mediaType,
          size,
          width: null,
          height: null,
          caption: null,
          releases: [release.id],
        });
        attachment = { id: created.id, sha256, deduped: false };
      }
      return { id: release.id, rev: release.rev, contacts, attachment };
    })
    .immediate();
}
