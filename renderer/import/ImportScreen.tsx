import { useId, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWindowFileDrop } from '../ui/useWindowFileDrop';
import type { ApiError } from '../../electron/shared/errors';
import type { ImportCommitted, ImportPreview, ImportSource, ImportSourceBlock } from '../../electron/shared/import-contract';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { contactsFromForm, formFromPreview, releaseFromForm, type ContactForm, type ReleaseForm } from './draft';
import { IMPORT_ACCEPT, IMPORT_LIMIT_BYTES, isImportable, readAsBase64 } from './files';

/**
 * Importing releases: paste text or a web page, or pick or drop Word, web, Markdown and text
 * files (several at once). Each is read by the core (nothing stored), shown as editable fields
 * beside its cleaned source, and stored only when the person confirms it.
 */

type Item =
  | { key: string; name: string; state: 'reading' }
  | { key: string; name: string; state: 'failed'; error: ApiError }
  | {
      key: string;
      name: string;
      state: 'review' | 'storing';
      source: ImportSource;
      preview: ImportPreview;
      release: ReleaseForm;
      contacts: ContactForm[];
      error: ApiError | null;
    }
  | { key: string; name: string; state: 'stored'; result: ImportCommitted };

type Reviewing = Extract<Item, { state: 'review' | 'storing' }>;

let counter = 0;
const nextKey = () => `import-${++counter}`;

export function ImportScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [items, setItems] = useState<Item[]>([]);
  const [pasted, setPasted] = useState('');
  const [pastedHtml, setPastedHtml] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const fileId = useId();

  const update = (key: string, change: (item: Item) => Item) => setItems((list) => list.map((i) => (i.key === key ? change(i) : i)));

  const read = async (name: string, source: ImportSource) => {
    const key = nextKey();
    setItems((list) => [...list, { key, name, state: 'reading' }]);
    const r = await client.call('import.preview', source);
    if (!r.ok) {
      update(key, () => ({ key, name, state: 'failed', error: r.error }));
      return;
    }
    const form = formFromPreview(r.value);
    update(key, () => ({ key, name, state: 'review', source, preview: r.value, release: form.release, contacts: form.contacts, error: null }));
  };

  const readFiles = async (files: File[]) => {
    for (const file of files) {
      if (!isImportable(file.name)) {
        setItems((list) => [
          ...list,
          { key: nextKey(), name: file.name, state: 'failed', error: { code: 'FILE_UNREADABLE', message: t('import.unsupported', { name: file.name }) } },
        ]);
        continue;
      }
      if (file.size > IMPORT_LIMIT_BYTES) {
        setItems((list) => [...list, { key: nextKey(), name: file.name, state: 'failed', error: { code: 'FILE_TOO_LARGE', message: t('import.tooLarge', { name: file.name }) } }]);
        continue;
      }
      let data: string;
      try {
        data = await readAsBase64(file);
      } catch {
        setItems((list) => [...list, { key: nextKey(), name: file.name, state: 'failed', error: { code: 'FILE_UNREADABLE', message: t('import.unreadable', { name: file.name }) } }]);
        continue;
      }
      await read(file.name, { name: file.name, data, ...(file.type ? { mediaType: file.type } : {}) });
    }
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

  const confirm = async (item: Reviewing) => {
    update(item.key, (i) => (i.state === 'review' ? { ...i, state: 'storing', error: null } : i));
    const r = await client.call('import.commit', {
      release: releaseFromForm(item.release),
      contacts: contactsFromForm(item.contacts),
      source: item.source,
    });
    update(item.key, (i) => {
      if (i.state !== 'storing') return i;
      return r.ok ? { key: i.key, name: i.name, state: 'stored', result: r.value } : { ...i, state: 'review', error: r.error };
    });
  };

  const discard = (key: string) => setItems((list) => list.filter((i) => i.key !== key));

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
          <label htmlFor={fileId}>{t('import.fileLabel')}</label>
          <input
            ref={inputRef}
            id={fileId}
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

      {items.map((item) => (
        <section key={item.key} className="import-item" aria-label={t('import.itemLabel', { name: item.name })}>
          <h2 className="import-item-name">{item.name}</h2>
          {item.state === 'reading' && (
            <p className="muted" role="status">
              {t('import.reading', { name: item.name })}
            </p>
          )}
          {item.state === 'failed' && (
            <>
              <ErrorMessage error={item.error} />
              <div className="actions">
                <button type="button" className="button" onClick={() => discard(item.key)}>
                  {t('common.dismiss')}
                </button>
              </div>
            </>
          )}
          {item.state === 'stored' && (
            <p role="status" className="import-stored">
              {t('import.stored', { count: item.result.contacts.filter((c) => c.created).length })}{' '}
              <a href={`#/releases/${encodeURIComponent(item.result.id)}`}>{t('import.openRelease')}</a>
            </p>
          )}
          {(item.state === 'review' || item.state === 'storing') && (
            <Review
              item={item}
              onChange={(change) => update(item.key, (i) => (i.state === 'review' ? { ...i, ...change(i) } : i))}
              onConfirm={() => void confirm(item)}
              onDiscard={() => discard(item.key)}
            />
          )}
        </section>
      ))}
    </div>
  );
}

function Field({ label, children, grow }: { label: string; children: (id: string) => ReactNode; grow?: boolean }) {
  const id = useId();
  return (
    <div className={grow ? 'field grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

const LANGUAGES = ['en', 'fr', 'es', 'ar'];

function Review({
  item,
  onChange,
  onConfirm,
  onDiscard,
}: {
  item: Reviewing;
  onChange: (change: (i: Reviewing) => Partial<Reviewing>) => void;
  onConfirm: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const r = item.release;
  const busy = item.state === 'storing';
  const set = <K extends keyof ReleaseForm>(k: K, v: ReleaseForm[K]) => onChange((i) => ({ release: { ...i.release, [k]: v } }));
  const setContact = (n: number, k: keyof ContactForm, v: string) =>
    onChange((i) => ({ contacts: i.contacts.map((c, j) => (j === n ? { ...c, [k]: v } : c)) }));
  const text = (k: keyof ReleaseForm, label: string) => (
    <Field label={label}>{(id) => <input id={id} dir="auto" value={r[k] as string} onChange={(e) => set(k, e.target.value as never)} disabled={busy} />}</Field>
  );

  return (
    <div className="import-review">
      <form
        className="import-fields"
        aria-label={t('import.fieldsLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        {item.preview.warnings.map((w) => (
          <p key={w} className="hint import-warning">
            {w}
          </p>
        ))}
        {text('headline', t('import.field.headline'))}
        {text('subheadline', t('import.field.subheadline'))}
        <div className="row">
          {text('datelinePlace', t('import.field.datelinePlace'))}
          <Field label={t('import.field.releaseDate')}>
            {(id) => <input id={id} type="date" value={r.releaseDate} onChange={(e) => set('releaseDate', e.target.value)} disabled={busy} />}
          </Field>
          <Field label={t('import.field.language')}>
            {(id) => (
              <select id={id} value={r.language} onChange={(e) => set('language', e.target.value)} disabled={busy}>
                {[...new Set([...LANGUAGES, r.language])].map((l) => (
                  <option key={l} value={l}>
                    {t(`import.language.${l}`, { defaultValue: l })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {(r.embargoText || r.embargoAt) && (
          <div className="row">
            {text('embargoText', t('import.field.embargoText'))}
            {text('embargoAt', t('import.field.embargoAt'))}
            {text('embargoTimeZone', t('import.field.embargoTimeZone'))}
          </div>
        )}
        <Field label={t('import.field.body')}>
          {(id) => <textarea id={id} dir="auto" rows={12} value={r.body} onChange={(e) => set('body', e.target.value)} disabled={busy} />}
        </Field>
        <fieldset className="import-quotes">
          <legend>{t('import.field.quotes', { count: r.quotes.length })}</legend>
          {r.quotes.map((q, n) => (
            <div className="row" key={n}>
              <Field label={t('import.field.speaker')}>
                {(id) => (
                  <input
                    id={id}
                    dir="auto"
                    value={q.speaker}
                    onChange={(e) => set('quotes', r.quotes.map((x, j) => (j === n ? { ...x, speaker: e.target.value } : x)))}
                    disabled={busy}
                  />
                )}
              </Field>
              <Field label={t('import.field.quote')} grow>
                {(id) => (
                  <textarea
                    id={id}
                    dir="auto"
                    rows={2}
                    value={q.text}
                    onChange={(e) => set('quotes', r.quotes.map((x, j) => (j === n ? { ...x, text: e.target.value } : x)))}
                    disabled={busy}
                  />
                )}
              </Field>
              <button type="button" className="button" onClick={() => set('quotes', r.quotes.filter((_, j) => j !== n))} disabled={busy}>
                {t('common.removeItem', { item: t('import.field.quote') })}
              </button>
            </div>
          ))}
        </fieldset>
        <Field label={t('import.field.notesToEditors')}>
          {(id) => <textarea id={id} dir="auto" rows={3} value={r.notesToEditors} onChange={(e) => set('notesToEditors', e.target.value)} disabled={busy} />}
        </Field>
        <Field label={t('import.field.boilerplate')}>
          {(id) => <textarea id={id} dir="auto" rows={3} value={r.boilerplate} onChange={(e) => set('boilerplate', e.target.value)} disabled={busy} />}
        </Field>
        <Field label={t('import.field.endMark')}>
          {(id) => (
            <select id={id} value={r.endMark} onChange={(e) => set('endMark', e.target.value as ReleaseForm['endMark'])} disabled={busy}>
              <option value="">{t('common.none')}</option>
              <option value="###">###</option>
              <option value="-30-">-30-</option>
              <option value="-ENDS-">-ENDS-</option>
            </select>
          )}
        </Field>

        <fieldset className="import-contacts">
          <legend>{t('import.field.contacts', { count: item.contacts.length })}</legend>
          {item.contacts.length === 0 && <p className="muted">{t('import.noContacts')}</p>}
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

        {item.error && <ErrorMessage error={item.error} />}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('import.storing') : t('import.confirm')}
          </button>
          <button type="button" className="button" onClick={onDiscard} disabled={busy}>
            {t('import.discard')}
          </button>
        </div>
      </form>
      <SourceView blocks={item.preview.source.blocks} label={t('import.sourceLabel', { name: item.name })} />
    </div>
  );
}

/** The cleaned source, as text elements only: nothing from the imported file is ever markup here. */
function SourceView({ blocks, label }: { blocks: ImportSourceBlock[]; label: string }) {
  return (
    // Focusable because a long source scrolls in its own box: keyboard users scroll it with
    // the arrow keys once it has focus.
    <aside className="import-source" aria-label={label} tabIndex={0}>
      {blocks.map((b, n) => {
        if (b.kind === 'heading')
          return (
            <h3 key={n} dir={b.dir}>
              {b.text}
            </h3>
          );
        if (b.kind === 'quote')
          return (
            <blockquote key={n} dir={b.dir}>
              {b.text}
            </blockquote>
          );
        if (b.kind === 'item')
          return (
            <p key={n} dir={b.dir} className="import-source-item">
              • {b.text}
            </p>
          );
        return (
          <p key={n} dir={b.dir}>
            {b.text}
          </p>
        );
      })}
    </aside>
  );
}
