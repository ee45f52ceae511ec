import { useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWindowFileDrop } from '../ui/useWindowFileDrop';
import type { ApiError } from '../../electron/shared/errors';
import type { ImportCommitted, ImportSource } from '../../electron/shared/import/contract';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { contactsFromForm, formFromPreview, releaseFromForm } from './draft';
import { IMPORT_MAX_BYTES } from '../../electron/shared/import/contract';
import { headlineFileName, IMPORT_ACCEPT, isContactsFile, isImportable, readAsBase64 } from './files';
import { href } from '../app/router';
import { comparedText, duplicateOf, Review, type Reviewing } from './ImportReview';

/**
 * Importing releases: paste text or a web page, or pick or drop Word, web, Markdown and text
 * files (several at once). Each is read by the core (nothing stored), shown as editable fields
 * beside its cleaned source, and stored only when the person confirms it.
 */

type Item =
  | { key: string; name: string; state: 'reading' }
  /**
   * `source` is kept when the refusal is one the person may overrule (a page taken for no
   * release); `contacts` marks a contacts file, which the contacts import takes.
   */
  | { key: string; name: string; state: 'failed'; error: ApiError; source?: ImportSource; contacts?: true }
  | Reviewing
  /** `headline` as stored: the line under the import names the release it became. */
  | { key: string; name: string; state: 'stored'; result: ImportCommitted; headline: string }
  /** Discarded from its review: kept, edits and all, for Undo (the pasted text is gone from the box). */
  | { key: string; name: string; state: 'discarded'; review: Reviewing };

let counter = 0;
const nextKey = () => `import-${++counter}`;

/** Several files chosen or dropped at once: how far the reading is, and then what it found. */
interface Batch {
  total: number;
  /** The items of the files finished so far, in order. */
  keys: string[];
  /** Asked to stop: the file being read is finished, the rest are left. */
  stopping: boolean;
  finished: boolean;
}

export function ImportScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [items, setItems] = useState<Item[]>([]);
  const [pasted, setPasted] = useState('');
  const [pastedHtml, setPastedHtml] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const fileId = useId();
  const [batch, setBatch] = useState<Batch | null>(null);
  const stopRef = useRef(false);

  const update = (key: string, change: (item: Item) => Item) => setItems((list) => list.map((i) => (i.key === key ? change(i) : i)));

  /**
   * The item just added by a paste or a single file: its heading is brought into view and takes
   * the focus, so the person sees what came of the button they pressed (a second paste's review,
   * or its refusal, lands under the first one, below the window's edge). Several files leave the
   * view where it is; their progress line says how far they are.
   */
  const [reveal, setReveal] = useState<string | null>(null);
  useEffect(() => {
    if (reveal === null) return;
    const heading = document.getElementById(`${reveal}-name`);
    if (!heading) return;
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
    setReveal(null);
  }, [reveal, items]);

  const read = async (name: string, source: ImportSource, show = true): Promise<string> => {
    const key = nextKey();
    setItems((list) => [...list, { key, name, state: 'reading' }]);
    if (show) setReveal(key);
    await preview(key, name, source, false);
    // Again once it is read: the review (or the refusal) is longer than the line that said it was
    // being read, and the window may not have been able to scroll that line to its top. Only while
    // the focus is still where it was put: a person who went on meanwhile keeps their place.
    if (show && document.activeElement === document.getElementById(`${key}-name`)) setReveal(key);
    return key;
  };

  /**
   * Reads one source into the item `key`. A page refused as no release keeps its source, so the
   * person who knows it is one release can have it read anyway (`allowNotARelease`); the
   * review and the commit then see the source alone, as for any other page.
   */
  const preview = async (key: string, name: string, source: ImportSource, allowNotARelease: boolean): Promise<void> => {
    const r = await client.call('import.preview', allowNotARelease ? { ...source, allowNotARelease } : source);
    if (!r.ok) {
      update(key, () => ({ key, name, state: 'failed', error: r.error, ...(r.error.code === 'NOT_A_RELEASE' && !allowNotARelease ? { source } : {}) }));
      return;
    }
    const form = formFromPreview(r.value);
    update(key, () => ({ key, name, state: 'review', source, preview: r.value, release: form.release, contacts: form.contacts, error: null, storedAs: null }));
  };

  /** Reads one file into an item of its own; the item's key. */
  const readFile = async (file: File, show: boolean): Promise<string> => {
    const refuse = (code: ApiError['code'], message: string, contacts = false): string => {
      const key = nextKey();
      setItems((list) => [...list, { key, name: file.name, state: 'failed', error: { code, message }, ...(contacts ? { contacts: true as const } : {}) }]);
      if (show) setReveal(key);
      return key;
    };
    if (isContactsFile(file.name)) return refuse('USAGE', t('import.contactsFile', { name: file.name }), true);
    if (!isImportable(file.name)) return refuse('FILE_UNREADABLE', t('import.unsupported', { name: file.name }));
    if (file.size > IMPORT_MAX_BYTES) return refuse('FILE_TOO_LARGE', t('import.tooLarge', { name: file.name }));
    let data: string;
    try {
      data = await readAsBase64(file);
    } catch {
      return refuse('FILE_UNREADABLE', t('import.unreadable', { name: file.name }));
    }
    return read(file.name, { name: file.name, data, ...(file.type ? { mediaType: file.type } : {}) }, show);
  };

  const readFiles = async (files: File[]) => {
    // One file shows its own progress; several say how far along they are and can be stopped.
    const several = files.length > 1;
    stopRef.current = false;
    if (several) setBatch({ total: files.length, keys: [], stopping: false, finished: false });
    for (const file of files) {
      if (several && stopRef.current) break;
      const key = await readFile(file, !several);
      if (several) setBatch((b) => b && { ...b, keys: [...b.keys, key] });
    }
    if (several) setBatch((b) => b && { ...b, finished: true });
  };
  const readFilesRef = useRef(readFiles);
  readFilesRef.current = readFiles;

  // Dropping files anywhere on the window while this screen is open imports them.
  const over = useWindowFileDrop((data) => void readFilesRef.current(Array.from(data.files)));

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    // A copied web page carries its HTML too: headings and paragraphs read better from it.
    // It stands for the box only when the paste replaces all of the box's text: pasted into
    // other text, reading the HTML would silently drop that text.
    const box = e.currentTarget;
    const replacesAll = box.selectionStart === 0 && box.selectionEnd === box.value.length;
    const html = e.clipboardData.getData('text/html');
    setPastedHtml(replacesAll && html.trim() ? html : null);
  };

  const readPasted = () => {
    const text = pasted;
    if (text.trim() === '' && !pastedHtml) return;
    // The original is kept as an attachment under this name: with its extension it opens in
    // the right program when the person saves it from the library.
    const name = t('import.pastedName');
    void read(name, pastedHtml ? { name: `${name}.html`, html: pastedHtml } : { name: `${name}.txt`, text });
    setPasted('');
    setPastedHtml(null);
  };

  const confirm = async (item: Reviewing, allowDuplicate: boolean) => {
    update(item.key, (i) => (i.state === 'review' ? { ...i, state: 'storing', error: null, storedAs: comparedText(i.release) } : i));
    // A pasted original is kept under the release's headline: among the library's files and in
    // a kit's list of them it reads as this release, not as one more "Pasted text".
    const headline = item.release.headline.trim();
    const named = headlineFileName(headline);
    const source = item.source.data === undefined && named !== '' ? { ...item.source, name: `${named}${item.source.html !== undefined ? '.html' : '.txt'}` } : item.source;
    const r = await client.call('import.commit', {
      release: releaseFromForm(item.release),
      contacts: contactsFromForm(item.contacts),
      source,
      allowDuplicate,
    });
    update(item.key, (i) => {
      if (i.state !== 'storing') return i;
      return r.ok ? { key: i.key, name: i.name, state: 'stored', result: r.value, headline } : { ...i, state: 'review', error: r.error };
    });
    if (r.ok) setStored(item.key);
  };

  // Store goes with the review it stored: the keyboard lands on the link to the new release, in
  // the line that says it is stored, unless the person went on to something else meanwhile.
  const [stored, setStored] = useState<string | null>(null);
  useEffect(() => {
    if (stored === null) return;
    setStored(null);
    const link = document.getElementById(`${stored}-open`);
    const section = link?.closest('section');
    // Store, disabled while storing, let go of the focus: it went to the page, or to the content
    // pane it sits in when clicked again meanwhile.
    const focus = document.activeElement;
    const dropped = focus === null || focus === document.body || focus.id === 'main';
    if (!link || !(dropped || section?.contains(focus))) return;
    link.scrollIntoView?.({ block: 'nearest' });
    link.focus({ preventScroll: true });
  }, [stored]);

  const readAnyway = (key: string, name: string, source: ImportSource) => {
    // The button goes with the refusal: the item's name, which stays, keeps the keyboard's place.
    document.getElementById(`${key}-name`)?.focus();
    update(key, () => ({ key, name, state: 'reading' }));
    void preview(key, name, source, true);
  };

  // Dismissed, a refusal goes with its button: the keyboard goes on to the import after it, or the
  // one before it, or back to the paste box when it was the only one, rather than to the page.
  const pasteBox = useRef<HTMLTextAreaElement>(null);
  const dismiss = (key: string) => {
    const at = items.findIndex((i) => i.key === key);
    const next = items[at + 1] ?? items[at - 1];
    setItems((list) => list.filter((i) => i.key !== key));
    if (next) document.getElementById(`${next.key}-name`)?.focus();
    else pasteBox.current?.focus();
  };

  // Discard takes the review out and offers Undo in its place, as taking a section out of a kit
  // does: nothing asks first, nothing is lost. The keyboard lands on Undo (Discard has gone),
  // then, once undone, on the item's name above the review that came back.
  const undoButtons = useRef(new Map<string, HTMLButtonElement>());
  const [discarded, setDiscarded] = useState<string | null>(null);
  useEffect(() => {
    if (discarded !== null) undoButtons.current.get(discarded)?.focus();
  }, [discarded]);
  const discard = (key: string) => {
    update(key, (i) => (i.state === 'review' ? { key: i.key, name: i.name, state: 'discarded', review: i } : i));
    setDiscarded(key);
  };
  const undoDiscard = (key: string) => {
    update(key, (i) => (i.state === 'discarded' ? i.review : i));
    setDiscarded(null);
    setReveal(key);
  };

  return (
    <div className="screen import-screen">
      <div className="screen-head">
        <h1>{t('import.title')}</h1>
      </div>
      <p className="muted">{t('import.intro')}</p>

      <section className="import-inputs" aria-label={t('import.sources')}>
        <div className="field import-paste">
          <label htmlFor={pasteId}>{t('import.pasteLabel')}</label>
          <textarea
            ref={pasteBox}
            id={pasteId}
            dir="auto"
            rows={6}
            value={pasted}
            placeholder={t('import.pastePlaceholder')}
            onPaste={onPaste}
            onChange={(e) => {
              setPasted(e.target.value);
              // Once the person edits the pasted text (deletes the menu, adds a contact), the
              // text is what they want read: the copied HTML no longer says the same.
              const native = e.nativeEvent;
              const byPaste = 'inputType' in native && native.inputType === 'insertFromPaste';
              if (!byPaste || e.target.value === '') setPastedHtml(null);
            }}
          />
          <div className="actions">
            <button type="button" className="button primary" onClick={readPasted} disabled={pasted.trim() === '' && !pastedHtml}>
              {t('import.readPasted')}
            </button>
          </div>
        </div>
        <div className={over ? 'import-drop over' : 'import-drop'}>
          {/* A button of ours: the browser's own control words itself in the browser's language. */}
          <label htmlFor={fileId} className="button">
            {t('import.fileLabel')}
          </label>
          <input
            ref={inputRef}
            id={fileId}
            className="visually-hidden"
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              void readFiles(files);
            }}
          />
          <p className="hint">{over ? t('import.dropNow') : t('import.dropHint')}</p>
        </div>
      </section>

      {batch && (
        <BatchStatus
          batch={batch}
          items={items}
          onStop={() => {
            stopRef.current = true;
            setBatch((b) => b && { ...b, stopping: true });
          }}
        />
      )}

      {items.map((item) => (
        <section key={item.key} className="import-item" aria-label={t('import.itemLabel', { name: item.name })}>
          <h2 id={`${item.key}-name`} className="import-item-name" tabIndex={-1}>
            {item.name}
          </h2>
          {item.state === 'reading' && (
            <p className="muted" role="status">
              {t('import.reading', { name: item.name })}
            </p>
          )}
          {item.state === 'failed' && (
            <>
              <ErrorMessage error={item.error} />
              {item.source && <p className="hint">{t('import.anywayHint')}</p>}
              <div className="actions">
                {item.source && (
                  <button type="button" className="button" onClick={() => readAnyway(item.key, item.name, item.source!)}>
                    {t('import.anyway')}
                  </button>
                )}
                {item.contacts && (
                  <a className="button" href={href.contactImport()}>
                    {t('contactImport.open')}
                  </a>
                )}
                <button type="button" className="button" onClick={() => dismiss(item.key)}>
                  {t('common.dismiss')}
                </button>
              </div>
            </>
          )}
          {item.state === 'stored' && (
            <p role="status" className="import-stored">
              {t('import.stored', { count: item.result.contacts.filter((c) => c.created).length })}{' '}
              <a id={`${item.key}-open`} href={`#/releases/${encodeURIComponent(item.result.id)}`}>
                {item.headline ? t('import.openStored', { headline: item.headline }) : t('import.openRelease')}
              </a>
            </p>
          )}
          {item.state === 'discarded' && (
            <p role="status" className="import-discarded">
              {t('import.discarded')}{' '}
              <button
                ref={(el) => {
                  if (el) undoButtons.current.set(item.key, el);
                  else undoButtons.current.delete(item.key);
                }}
                type="button"
                className="link-button"
                onClick={() => undoDiscard(item.key)}
                aria-label={t('import.undoDiscardOne', { name: item.name })}
              >
                {t('import.undoDiscard')}
              </button>
            </p>
          )}
          {(item.state === 'review' || item.state === 'storing') && (
            <Review
              item={item}
              onChange={(change) => update(item.key, (i) => (i.state === 'review' ? { ...i, ...change(i) } : i))}
              onConfirm={(allowDuplicate) => void confirm(item, allowDuplicate)}
              onDiscard={() => discard(item.key)}
            />
          )}
        </section>
      ))}
    </div>
  );
}

/** What became of a batch's files, as each stands now: the summary follows every Store, Discard and Undo. */
interface BatchTally {
  review: number;
  duplicates: number;
  stored: number;
  discarded: number;
  failed: number;
}

function batchTally(batch: Batch, items: Item[]): BatchTally {
  const tally: BatchTally = { review: 0, duplicates: 0, stored: 0, discarded: 0, failed: 0 };
  for (const key of batch.keys) {
    const item = items.find((i) => i.key === key);
    // Only a file that could not be read is dismissed from the screen.
    if (!item || item.state === 'failed') tally.failed++;
    else if (item.state === 'stored') tally.stored++;
    else if (item.state === 'discarded') tally.discarded++;
    // Read again after "Import it anyway": it is to review once read.
    else if (item.state === 'reading') tally.review++;
    else if (duplicateOf(item)) tally.duplicates++;
    else tally.review++;
  }
  return tally;
}

function BatchStatus({ batch, items, onStop }: { batch: Batch; items: Item[]; onStop: () => void }) {
  const { t } = useTranslation();
  if (batch.finished) {
    const tally = batchTally(batch, items);
    const summary = { read: batch.keys.length, total: batch.total, review: tally.review, duplicates: tally.duplicates, failed: tally.failed };
    // Stored and discarded files are said once there are any: at first every file is to review, in the library or unread.
    const after = [
      ...(tally.stored > 0 ? [t('import.batch.stored', { n: tally.stored })] : []),
      ...(tally.discarded > 0 ? [t('import.batch.discarded', { n: tally.discarded })] : []),
    ];
    return (
      <p className="import-batch" role="status">
        {[t(batch.stopping ? 'import.batch.stopped' : 'import.batch.done', summary), ...after].join(' · ')}
      </p>
    );
  }
  return (
    <div className="import-batch">
      <p role="status">
        {batch.stopping ? t('import.batch.stopping') : t('import.batch.reading', { done: Math.min(batch.keys.length + 1, batch.total), total: batch.total })}
      </p>
      {!batch.stopping && (
        <button type="button" className="button" onClick={onStop}>
          {t('import.batch.stop')}
        </button>
      )}
    </div>
  );
}
