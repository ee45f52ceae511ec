import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { END_MARKS } from '../../electron/shared/documents';
import { endMarkText } from '../../electron/shared/kits/layout';
import { headlineHasLetters, type ImportCertainty, type ImportDuplicate, type ImportPreview, type ImportSource } from '../../electron/shared/import/contract';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { ErrorMessage } from '../ui/ErrorMessage';
import { bodyParagraphs, changedParts, formFromPreview, type ContactForm, type QuoteForm, type ReleaseForm, type ReviewPart } from './draft';
import { useClient } from '../client/context';
import {
  addContactLine,
  applySourceAction,
  bodyRoles,
  dateInLine,
  quoteContext,
  quotedLines,
  withHeadlineRole,
  withQuoteText,
  withSpeakerGuess,
  type SourceAction,
} from './source-actions';
import { SourceView } from './SourceView';
import { warningText } from '../i18n/warnings';
import { useDateStyle, useDates } from '../i18n/useDates';
import { readDateEntry } from '../i18n/date-entry';
import { systemLanguages } from '../i18n/dates';
import { DateField } from '../ui/DateField';
import { LineField } from '../ui/LineField';

/** One read file or paste while the person reviews (or stores) its fields. */
export interface Reviewing {
  key: string;
  name: string;
  state: 'review' | 'storing';
  source: ImportSource;
  preview: ImportPreview;
  release: ReleaseForm;
  contacts: ContactForm[];
  error: ApiError | null;
  /** What the duplicate check compared at the last Store (`comparedText`), null before one. */
  storedAs: string | null;
}

/** What a field's badge says: how sure the importer was of it, or that the person set it. */
type Mark = ImportCertainty | 'person';

function Badge({ mark }: { mark: Mark }) {
  const { t } = useTranslation();
  return <span className={`certainty certainty-${mark}`}>{t(`import.certainty.${mark}`)}</span>;
}

function Field({ label, children, grow, mark }: { label: string; children: (id: string) => ReactNode; grow?: boolean; mark?: Mark | undefined }) {
  const id = useId();
  const doubtful = mark === 'doubtful' || mark === 'missing';
  return (
    <div className={`field${grow ? ' grow' : ''}${doubtful ? ' doubtful' : ''}`}>
      {/* The badge beside the name, not on a line of its own: fields side by side keep their boxes level. */}
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {mark && <Badge mark={mark} />}
      </div>
      {children(id)}
    </div>
  );
}

/**
 * A quote's speaker or role read from the source by Dateline is a guess, marked as the importer
 * marks one (to check); changed by the person, it is theirs. One the importer found, or typed, has no mark.
 */
function guessMark(q: QuoteForm, k: 'speaker' | 'role'): Mark | undefined {
  if (!q.guess || q.guess[k] === '') return undefined;
  return q[k] === q.guess[k] ? 'doubtful' : 'person';
}

/** A choice made in the cleaned source: the line, and the parts of the form it changed as they were before. */
interface LastChoice {
  action: SourceAction;
  index: number;
  parts: ReviewPart[];
  before: Pick<Reviewing, 'release' | 'contacts'>;
}

/** The review with `parts` as they are in `from`, the rest as it stands. */
function withParts(now: Pick<Reviewing, 'release' | 'contacts'>, from: Pick<Reviewing, 'release' | 'contacts'>, parts: ReviewPart[]): Pick<Reviewing, 'release' | 'contacts'> {
  const release = { ...now.release };
  let contacts = now.contacts;
  for (const part of parts) {
    if (part === 'contacts') contacts = from.contacts;
    else Object.assign(release, { [part]: from.release[part] });
  }
  return { release, contacts };
}

/** A warning about a missing field no longer holds once the person has filled the field in. */
function stillHolds(code: string, r: ReleaseForm): boolean {
  if (code === 'IMPORT_NO_DATE') return r.releaseDate.trim() === '';
  if (code === 'IMPORT_NO_HEADLINE') return !headlineHasLetters(r.headline);
  if (code === 'IMPORT_NO_BODY') return r.body.trim() === '';
  return true;
}

/** Why Store cannot go ahead yet, or what it warns about once: a headline with no letters, no date. */
export function storeCheck(r: ReleaseForm): 'noLetters' | 'noDate' | null {
  if (!headlineHasLetters(r.headline)) return 'noLetters';
  if (r.releaseDate.trim() === '') return 'noDate';
  return null;
}

/** A form's compared text, worked out once: the review and the batch's summary ask for it at every render. */
const compared = new WeakMap<ReleaseForm, string>();
/** The form as the importer read it, once per preview. */
const asReadOf = new WeakMap<ImportPreview, ReturnType<typeof formFromPreview>>();
function formAsRead(p: ImportPreview): ReturnType<typeof formFromPreview> {
  const known = asReadOf.get(p);
  if (known) return known;
  const form = formFromPreview(p);
  asReadOf.set(p, form);
  return form;
}

/**
 * What the library's duplicate check compares: the headline and the body as they would be
 * stored (paragraphs joined), whitespace set aside. Worked out once a form (the body once for
 * as long as it is not edited); it is only string work on the form, no call.
 */
export function comparedText(r: ReleaseForm): string {
  const known = compared.get(r);
  if (known !== undefined) return known;
  const text = `${squash(r.headline)}\n${comparedBody(r.body)}`;
  compared.set(r, text);
  return text;
}

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();
/** The last body compared: a keystroke in another field compares the same body again. */
let lastBody: { body: string; text: string } | null = null;
function comparedBody(body: string): string {
  if (lastBody?.body !== body) lastBody = { body, text: squash(bodyParagraphs(body).join(' ')) };
  return lastBody.text;
}

/**
 * The release the library already holds, if this import would store it again: said by the
 * preview, or by Store when the person's edits made the draft match one. It follows what will
 * be stored: once the headline or body is no longer the one that was found the same, the
 * release is a different one. A release found by its original (the same file or pasted text)
 * is still said, as that (`edited`): Store would keep the same original a second time.
 */
export function duplicateOf(item: Reviewing): { duplicate: ImportDuplicate; edited: boolean } | null {
  const p = item.error?.code === 'DUPLICATE' ? item.error.params : undefined;
  // Nothing found the same, nothing to compare: no reading of a long body at each keystroke.
  if (!p && !item.preview.duplicate) return null;
  const now = comparedText(item.release);
  if (p && typeof p.id === 'string' && typeof p.headline === 'string' && typeof p.storedAt === 'string') {
    if (item.storedAs === now) return { duplicate: { id: p.id, headline: p.headline, storedAt: p.storedAt, by: 'text' }, edited: false };
  }
  const found = item.preview.duplicate;
  if (!found) return null;
  const edited = comparedText(formAsRead(item.preview).release) !== now;
  if (edited && found.by === 'text') return null;
  return { duplicate: found, edited };
}

/** The editable fields of one import beside its cleaned source. */
export function Review({
  item,
  onChange,
  onConfirm,
  onDiscard,
}: {
  item: Reviewing;
  onChange: (change: (i: Reviewing) => Partial<Reviewing>) => void;
  onConfirm: (allowDuplicate: boolean) => void;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const { style } = useDateStyle();
  const found = duplicateOf(item);
  const duplicate = found?.duplicate ?? null;
  const r = item.release;
  const busy = item.state === 'storing';
  const set = <K extends keyof ReleaseForm>(k: K, v: ReleaseForm[K]) => onChange((i) => ({ release: { ...i.release, [k]: v } }));
  const setContact = (n: number, k: keyof ContactForm, v: string) =>
    onChange((i) => ({ contacts: i.contacts.map((c, j) => (j === n ? { ...c, [k]: v } : c)) }));
  const sure = item.preview.confidence;
  // A part the person changed (typed, or set from the cleaned source) says so rather than how
  // sure the importer was of what it had found there.
  const asRead = formAsRead(item.preview);
  const changed = changedParts(asRead, { release: r, contacts: item.contacts });
  const markOf = (part: ReviewPart, certainty?: ImportCertainty): Mark | undefined => (changed.has(part) ? 'person' : certainty);
  // The headline and subheadline wrap to show all of their text, the rest are one-line boxes.
  // A missing date is said once; the second Store goes ahead without one.
  const [dateWarned, setDateWarned] = useState(false);
  const [blocked, setBlocked] = useState<'noLetters' | 'noDate' | null>(null);
  // Store pressed on a headline of no letters: the keyboard goes to the headline, the field to write in.
  const formBox = useRef<HTMLFormElement>(null);
  const [refusedAt, setRefusedAt] = useState(0);
  useEffect(() => {
    if (refusedAt > 0) formBox.current?.querySelector<HTMLElement>('[data-refused="headline"]')?.focus();
  }, [refusedAt]);
  // A headline refused for having no letters is marked as the field the refusal is about.
  const storeId = useId();
  const headlineRefused = blocked === 'noLetters' && !headlineHasLetters(r.headline);
  const refusal = (k: keyof ReleaseForm) =>
    k === 'headline' && headlineRefused ? { 'aria-invalid': true, 'aria-describedby': `${storeId}-blocked`, 'data-refused': 'headline' } : {};
  const text = (k: keyof ReleaseForm, label: string, certainty?: ImportCertainty, wrap = false) => (
    <Field label={label} mark={markOf(k, certainty)}>
      {(id) =>
        wrap ? (
          <LineField id={id} dir="auto" value={r[k] as string} onChange={(v) => set(k, v as never)} disabled={busy} {...refusal(k)} />
        ) : (
          <input id={id} dir="auto" value={r[k] as string} onChange={(e) => set(k, e.target.value as never)} disabled={busy} />
        )
      }
    </Field>
  );
  // A quote added by hand starts empty, its text box focused to be written in.
  const quotesBox = useRef<HTMLFieldSetElement>(null);
  const [quoteAdded, setQuoteAdded] = useState<number | null>(null);
  useEffect(() => {
    if (quoteAdded === null) return;
    quotesBox.current?.querySelectorAll<HTMLTextAreaElement>('.import-quote textarea')[quoteAdded]?.focus();
    setQuoteAdded(null);
  }, [quoteAdded]);
  const addQuote = () => {
    set('quotes', [...r.quotes, { speaker: '', role: '', text: '' }]);
    setQuoteAdded(r.quotes.length);
  };
  const store = () => {
    const problem = storeCheck(r);
    if (problem === 'noLetters' || (problem === 'noDate' && !dateWarned)) {
      setBlocked(problem);
      if (problem === 'noDate') setDateWarned(true);
      else setRefusedAt((n) => n + 1);
      return;
    }
    setBlocked(null);
    // The person has been told the release is already in the library: Store is "store anyway".
    onConfirm(duplicate !== null);
  };
  // Worked out again only when what they read changes: a keystroke in the headline does not
  // read the body again, nor one in the body the quotes (a long release has thousands of lines).
  const lines = useMemo(() => item.preview.source.blocks.map((b) => b.text), [item.preview]);
  const inBody = useMemo(() => bodyRoles(lines, r.body), [lines, r.body]);
  const roles = useMemo(() => withHeadlineRole(lines, inBody, r.headline), [lines, inBody, r.headline]);
  const quoted = useMemo(() => quotedLines(lines, r.quotes), [lines, r.quotes]);
  // A date in a line is read as a date typed in the release date box would be.
  const dateIn = (n: number) =>
    dateInLine(lines[n] ?? '', (text) => {
      const read = readDateEntry(text, i18n.language, style, systemLanguages());
      return read.kind === 'date' ? read.iso : null;
    });
  const client = useClient();
  // Who said a quote in a line is read by the importer's quote reader in the core; the quote is
  // in the form at once, its speaker filled in when read (unless the person has set one by then).
  const readSpeaker = async (index: number) => {
    const ask = quoteContext(lines, index);
    if (!ask) return;
    const found = await client.call('import.readQuote', ask);
    // Unread, the speaker is left to the person, as when the text names nobody.
    if (found.ok && found.value.speaker) onChange((i) => ({ release: withSpeakerGuess(i.release, index, lines, found.value) }));
  };
  const setQuoteText = (n: number, text: string) => {
    const q = r.quotes[n];
    if (!q) return;
    const { quote, ask } = withQuoteText(q, text, lines);
    set('quotes', r.quotes.map((x, j) => (j === n ? quote : x)));
    if (ask !== null) void readSpeaker(ask);
  };
  // A line taken as a contact is read by the importer's contact reader in the core.
  const [lineNote, setLineNote] = useState(false);
  // The last choice made in the source, and the parts it changed as they were before it: Undo puts those back.
  const [lastChoice, setLastChoice] = useState<LastChoice | null>(null);
  const chose = (action: SourceAction, index: number, before: Pick<Reviewing, 'release' | 'contacts'>, after: Pick<Reviewing, 'release' | 'contacts'>) => {
    const parts = [...changedParts(before, after)];
    setLastChoice(parts.length === 0 ? null : { action, index, parts, before });
  };
  const undoChoice = () => {
    if (!lastChoice) return;
    const { parts, before } = lastChoice;
    setLastChoice(null);
    onChange((i) => withParts(i, before, parts));
  };
  const onSourceAction = async (action: SourceAction, index: number) => {
    setLineNote(false);
    const before = { release: r, contacts: item.contacts };
    if (action === 'date') {
      const iso = dateIn(index);
      if (!iso) return;
      set('releaseDate', iso);
      chose(action, index, before, { release: { ...r, releaseDate: iso }, contacts: item.contacts });
      return;
    }
    if (action !== 'contact') {
      const after = applySourceAction(action, index, lines, r, item.contacts);
      onChange(() => after);
      chose(action, index, before, after);
      if (action === 'quote') await readSpeaker(index);
      return;
    }
    setLastChoice(null);
    const read = await client.call('import.readContact', { text: lines[index] ?? '' });
    if (!read.ok) {
      onChange(() => ({ error: read.error }));
      return;
    }
    if (read.value.length === 0) {
      setLineNote(true);
      return;
    }
    onChange((i) => addContactLine(index, lines, read.value, i.release, i.contacts));
    // The contact and the body as they were when the line was clicked; the reading took a moment.
    chose(action, index, before, addContactLine(index, lines, read.value, before.release, before.contacts));
  };

  return (
    <div className="import-review">
      <form
        ref={formBox}
        className="import-fields"
        aria-label={t('import.fieldsLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          store();
        }}
      >
        {duplicate && (
          <p className="hint import-warning import-duplicate" role="alert">
            {t(found?.edited ? 'import.duplicateOriginal' : 'import.duplicate', { headline: duplicate.headline, date: dates.dateTime(duplicate.storedAt) })}{' '}
            <a href={`#/releases/${encodeURIComponent(duplicate.id)}`}>{t('import.openExisting')}</a>
          </p>
        )}
        {item.preview.warnings.filter((w) => stillHolds(w.code, r)).map((w) => (
          <p key={`${w.code}:${w.message}`} className="hint import-warning">
            {warningText(t, w)}
          </p>
        ))}
        {text('headline', t('import.field.headline'), sure.headline, true)}
        {text('subheadline', t('import.field.subheadline'), undefined, true)}
        <div className="row row-top">
          {text('datelinePlace', t('import.field.datelinePlace'), sure.datelinePlace)}
          <Field label={t('import.field.releaseDate')} mark={markOf('releaseDate', sure.releaseDate)}>
            {(id) => <DateField id={id} value={r.releaseDate || null} onChange={(v) => set('releaseDate', v ?? '')} disabled={busy} />}
          </Field>
          <Field label={t('import.field.language')} mark={markOf('language')}>
            {(id) => (
              <select id={id} value={r.language} onChange={(e) => set('language', e.target.value)} disabled={busy}>
                {[...new Set([...WORKING_LANGUAGES, r.language])].map((l) => (
                  <option key={l} value={l}>
                    {t(`import.language.${l}`, { defaultValue: l })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {(r.embargoText || r.embargoAt) && (
          <div className="row row-top">
            {text('embargoText', t('import.field.embargoText'))}
            {text('embargoAt', t('import.field.embargoAt'))}
            {text('embargoTimeZone', t('import.field.embargoTimeZone'))}
          </div>
        )}
        <Field label={t('import.field.body')} mark={markOf('body', sure.body)}>
          {(id) => <textarea id={id} dir="auto" rows={12} value={r.body} onChange={(e) => set('body', e.target.value)} disabled={busy} />}
        </Field>
        <fieldset className="import-quotes" ref={quotesBox}>
          <legend>
            {t('import.field.quotes', { count: r.quotes.length })} {changed.has('quotes') && <Badge mark="person" />}
          </legend>
          {r.quotes.map((q, n) => {
            const setQuote = (k: 'speaker' | 'role', v: string) => set('quotes', r.quotes.map((x, j) => (j === n ? { ...x, [k]: v } : x)));
            // As in the release editor: the quote whole across the form, its speaker and role under it.
            return (
              <div className="import-quote" key={n}>
                <Field label={t('releases.quoteText', { n: n + 1 })}>
                  {(id) => <textarea id={id} dir="auto" rows={3} value={q.text} onChange={(e) => setQuoteText(n, e.target.value)} disabled={busy} />}
                </Field>
                <div className="row">
                  <Field label={t('import.field.speaker')} mark={guessMark(q, 'speaker')}>
                    {(id) => <input id={id} dir="auto" value={q.speaker} onChange={(e) => setQuote('speaker', e.target.value)} disabled={busy} />}
                  </Field>
                  <Field label={t('releases.speakerRole')} mark={guessMark(q, 'role')}>
                    {(id) => <input id={id} dir="auto" value={q.role} onChange={(e) => setQuote('role', e.target.value)} disabled={busy} />}
                  </Field>
                </div>
                <button type="button" className="button" onClick={() => set('quotes', r.quotes.filter((_, j) => j !== n))} disabled={busy}>
                  {t('releases.removeQuote', { n: n + 1 })}
                </button>
              </div>
            );
          })}
          <button type="button" className="button" onClick={addQuote} disabled={busy}>
            {t('releases.addQuote')}
          </button>
        </fieldset>
        <Field label={t('import.field.notesToEditors')} mark={markOf('notesToEditors')}>
          {(id) => <textarea id={id} dir="auto" rows={3} value={r.notesToEditors} onChange={(e) => set('notesToEditors', e.target.value)} disabled={busy} />}
        </Field>
        <Field label={t('import.field.boilerplate')} mark={markOf('boilerplate')}>
          {(id) => <textarea id={id} dir="auto" rows={3} value={r.boilerplate} onChange={(e) => set('boilerplate', e.target.value)} disabled={busy} />}
        </Field>
        <Field label={t('import.field.endMark')} mark={markOf('endMark')}>
          {(id) => (
            <select id={id} value={r.endMark} onChange={(e) => set('endMark', e.target.value as ReleaseForm['endMark'])} disabled={busy}>
              <option value="">{t('common.none')}</option>
              {END_MARKS.map((m) => (
                <option key={m} value={m}>
                  {endMarkText(m, r.language)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset className="import-contacts">
          <legend>
            {t('import.field.contacts', { count: item.contacts.length })}{' '}
            <Badge mark={changed.has('contacts') ? 'person' : sure.contacts} />
          </legend>
          {item.contacts.length === 0 && <p className="muted">{t('import.noContacts')}</p>}
          {lineNote && (
            <p className="hint" role="status">
              {t('import.source.noContactInLine')}
            </p>
          )}
          {item.contacts.map((c, n) => (
            <div className="import-contact" key={n}>
              <div className="row">
                {(['name', 'role', 'organisation', 'email', 'phone'] as const).map((k) => (
                  <Field key={k} label={t(`import.contact.${k}`)}>
                    {(id) => <input id={id} dir="auto" value={c[k] ?? ''} onChange={(e) => setContact(n, k, e.target.value)} disabled={busy} />}
                  </Field>
                ))}
              </div>
              <p className="hint">{c.match ? t('import.matches', { name: c.match.name }) : t('import.newContact')}</p>
              <button type="button" className="button" onClick={() => onChange((i) => ({ contacts: i.contacts.filter((_, j) => j !== n) }))} disabled={busy}>
                {t('common.removeItem', { item: c.name ?? c.email ?? t('import.contact.name') })}
              </button>
            </div>
          ))}
        </fieldset>

        {blocked && (
          <p id={`${storeId}-blocked`} className="hint import-warning" role="alert">
            {t(`import.store.${blocked}`)}
          </p>
        )}
        {item.error && item.error.code !== 'DUPLICATE' && <ErrorMessage error={item.error} />}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('import.storing') : duplicate ? t('import.storeAnyway') : blocked === 'noDate' ? t('import.store.withoutDate') : t('import.confirm')}
          </button>
          <button type="button" className="button" onClick={onDiscard} disabled={busy}>
            {t('import.discard')}
          </button>
        </div>
      </form>
      <SourceView
        blocks={item.preview.source.blocks}
        label={t('import.sourceLabel', { name: item.name })}
        disabled={busy}
        roles={roles}
        quoted={quoted}
        dated={(n) => dateIn(n) !== null}
        onAction={(action, index) => void onSourceAction(action, index)}
        done={lastChoice && { index: lastChoice.index, action: lastChoice.action, onUndo: undoChoice }}
      />
    </div>
  );
}
