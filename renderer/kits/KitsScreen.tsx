import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { href, navigate } from '../app/router';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ListState } from '../ui/ListState';
import { EmbargoWords } from '../releases/EmbargoField';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { defaultWorkLanguage, languageName } from '../ui/languages';
import { SelectField } from '../ui/SelectField';
import { usePagedList } from '../ui/usePagedList';
import { takeKitDeleted, type DeletedKit } from './deleted-notice';

/** Press kits: the list (each opens in the kit builder), and starting a new one by its title. */
export function KitsScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const list = usePagedList('kit.list', { limit: 200 }, 'kits');
  const [title, setTitle] = useState('');
  // A French office's kit is printed in French unless the person chooses otherwise.
  const [language, setLanguage] = useState(() => defaultWorkLanguage(i18n.resolvedLanguage ?? i18n.language));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const dates = useDates();

  // Create kit stays pressable: with no title it says so and puts the cursor in the title,
  // where a greyed-out button would only say no.
  const [titleNeeded, setTitleNeeded] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);

  // Said after "Delete kit…" in the builder, with Undo; the region is there first, so a screen
  // reader hears the line arrive. The keyboard lands on Undo (the kit it came from is gone), then,
  // once undone, on the line that says so.
  const [deleted, setDeleted] = useState<{ kit: DeletedKit; undone: boolean } | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const k = takeKitDeleted();
    if (k) setDeleted({ kit: k, undone: false });
  }, []);
  useEffect(() => {
    if (deleted && !deleted.undone) undoButton.current?.focus();
    if (deleted?.undone) noticeLine.current?.focus();
  }, [deleted]);

  const { reload } = list;
  /** Brings the kit back as it was deleted: its revision before the tombstone, written again on top of it. */
  const undoDelete = async (kit: DeletedKit) => {
    setUndoError(null);
    const res = await client.call('doc.restore', { id: kit.id, rev: kit.rev });
    if (!res.ok) return setUndoError(res.error);
    setDeleted({ kit, undone: true });
    reload();
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (title.trim() === '') {
      setTitleNeeded(true);
      titleInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await client.call('kit.create', { title: title.trim(), language });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    // A new kit is empty: the next thing to do is fill it, so it opens in the builder.
    navigate(href.kit(res.value.id));
  };

  return (
    <div className="screen">
      <h1>{t('nav.kits')}</h1>
      <form className="create-kit" onSubmit={(e) => void create(e)} aria-label={t('kits.createLabel')}>
        <div className="field grow">
          <label htmlFor="kit-title">{t('kits.title')}</label>
          <input
            ref={titleInput}
            id="kit-title"
            dir="auto"
            value={title}
            aria-describedby={titleNeeded ? 'kit-title-needed' : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleNeeded(false);
            }}
          />
        </div>
        <SelectField
          id="kit-lang"
          label={t('kits.language')}
          value={language}
          choices={WORKING_LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
          onChange={setLanguage}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('kits.create')}
        </button>
      </form>
      {titleNeeded && (
        <p id="kit-title-needed" className="hint error" role="alert">
          {t('kits.titleNeeded')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <div role="status">
        {deleted && (
          <p className="notice" ref={noticeLine} tabIndex={-1}>
            {t(deleted.undone ? 'kits.restored' : 'kits.deleted', { title: deleted.kit.title || t('common.untitled') })}{' '}
            {!deleted.undone && (
              <button
                ref={undoButton}
                type="button"
                className="link-button"
                onClick={() => void undoDelete(deleted.kit)}
                aria-label={t('kits.undoOne', { title: deleted.kit.title || t('common.untitled') })}
              >
                {t('kits.undo')}
              </button>
            )}
          </p>
        )}
      </div>
      {undoError && <ErrorMessage error={undoError} />}
      <ListState
        list={list}
        empty={
          <>
            <h2>{t('kits.emptyTitle')}</h2>
            <p>{t('kits.emptyBody')}</p>
          </>
        }
      />
      {list.items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('nav.kits')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kits.title')}</th>
              <th scope="col">{t('kits.language')}</th>
              <th scope="col">{t('kits.items')}</th>
              <th scope="col">{t('kits.embargo')}</th>
              <th scope="col">{t('kits.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((k) => (
              // The whole row opens the kit for the mouse; the link in it is the keyboard's way (Enter).
              // A kit under embargo stands out: exporting it means the person confirms, and a file sent early cannot be called back.
              <tr key={k.id} className={k.embargo ? 'kit-row kit-embargoed' : 'kit-row'} onClick={() => navigate(href.kit(k.id))}>
                {/* The title takes its own direction; the cell keeps the page's, so the embargo mark sits at the row's start. */}
                <td>
                  <a href={href.kit(k.id)} dir="auto" onClick={(e) => e.stopPropagation()}>
                    {k.title}
                  </a>
                </td>
                <td>{languageName(k.language, i18n.language)}</td>
                <td>{k.itemCount}</td>
                <td>
                  {k.embargo ? (
                    <span className="badge embargo">
                      <EmbargoWords embargo={k.embargo} />
                    </span>
                  ) : (
                    <span className="muted">{t('kits.noEmbargo')}</span>
                  )}
                </td>
                <td>{dates.dateTime(k.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.hasMore && (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
