import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { href, navigate } from '../app/router';
import { noteKitCreated } from '../kit-builder/just-created';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ListState } from '../ui/ListState';
import { EmbargoWords } from '../releases/EmbargoField';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { defaultWorkLanguage, languageName } from '../ui/languages';
import { SelectField } from '../ui/SelectField';
import { usePagedList } from '../ui/usePagedList';
import { takeKitDeleted } from './deleted-notice';
import { DeletedNotice, type DeletedDoc, type DeletedWords } from '../ui/DeletedNotice';

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

  const { reload } = list;
  // Said after "Delete kit…" in the builder, with Undo bringing the kit back as it was.
  const takeDeleted = (): DeletedDoc | null => {
    const k = takeKitDeleted();
    return k && { id: k.id, rev: k.rev, name: k.title || t('common.untitled') };
  };
  const deletedWords: DeletedWords = {
    deleted: (title) => t('kits.deleted', { title }),
    restored: (title) => t('kits.restored', { title }),
    undo: t('kits.undo'),
    undoOne: (title) => t('kits.undoOne', { title }),
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
    noteKitCreated(res.value.id);
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
      <DeletedNotice take={takeDeleted} words={deletedWords} onRestored={reload} />
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
        <table className="table kits-table">
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
