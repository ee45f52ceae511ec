import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseSummary } from '../../electron/shared/contract';
import type { KitItem } from '../../electron/shared/documents';
import type { KitMissingFile } from '../../electron/shared/kits/contract';
import type { RichText } from '../../electron/shared/richtext';
import { BodyEditor } from '../releases/BodyEditor';
import { directionOf } from '../../electron/shared/direction';
import { formatBytes, languageName } from '../ui/languages';
import { formatLocale } from '../i18n';
import { canAddRelease, chosenLanguages, toggleLanguage, type AttachmentDetail, type BuilderItem } from './items';
import { LocationMark, type MarkedFile } from './LocationMark';

/**
 * The kit's items in order: drag and drop, or the move buttons from the keyboard (focus stays
 * on the moved item), each release's language versions and each section's title and text.
 */
export function ItemList({
  ids,
  items,
  language,
  versions,
  announcement,
  headingRef,
  label,
  detail,
  fileOf,
  missingOf,
  relink,
  releaseOf,
  move: moveTo,
  remove,
  editItem,
  readOnly = false,
}: {
  ids: string;
  items: BuilderItem[];
  /** The kit's language: the sections are written in it. */
  language: string;
  versions: Record<string, ReleaseSummary[]>;
  announcement: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  label: (it: KitItem) => string;
  /** A line under an item's name that tells it apart (an attachment's caption and size), or null. */
  detail: (it: KitItem) => AttachmentDetail | null;
  /** An attachment item's file, for the mark of a photo that records where it was taken; undefined for other items. */
  fileOf: (it: KitItem) => MarkedFile | undefined;
  /** The file of an attachment item when it is not on this computer (from the preview), else undefined. */
  missingOf: (it: KitItem) => KitMissingFile | undefined;
  /** Points an item whose file is missing at a file the person picked. */
  relink: (key: string, file: File) => void;
  releaseOf: (id: string) => ReleaseSummary | undefined;
  /** Moves an item; the key of the item moved, or null when the move changed nothing. */
  move: (from: number, to: number) => string | null;
  remove: (key: string) => void;
  editItem: (key: string, change: (it: BuilderItem) => BuilderItem) => void;
  /** A kit from a newer Dateline: nothing is dragged or written (the builder's fieldset disables the rest). */
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const dragFrom = useRef<number | null>(null);
  const focusAfter = useRef<{ key: string; action: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // After a move from the keyboard, focus stays on the moved item's button in its new place.
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const row = [...(listRef.current?.children ?? [])].find((el) => el instanceof HTMLElement && el.dataset.key === f.key);
    const same = row?.querySelector<HTMLButtonElement>(`button[data-action="${f.action}"]:not(:disabled)`);
    const other = row?.querySelector<HTMLButtonElement>('button[data-action]:not(:disabled)');
    (same ?? other)?.focus();
  });

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    const moved = moveTo(from, to);
    if (focus && moved !== null) focusAfter.current = { key: moved, action: focus };
  };

  // ---- Drag and drop ---------------------------------------------------------------------

  const DRAG_TYPE = 'application/x-dateline-kit-item';

  const onDragStart = (e: DragEvent<HTMLElement>, index: number) => {
    dragFrom.current = index;
    e.dataTransfer.effectAllowed = 'move';
    // Only our own type: dropping the item into a text field elsewhere pastes nothing.
    e.dataTransfer.setData(DRAG_TYPE, String(index));
    const row = e.currentTarget.closest('li');
    if (row) e.dataTransfer.setDragImage(row, 16, 16);
  };
  const onDragOver = (e: DragEvent<HTMLElement>, index: number) => {
    if (dragFrom.current === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropTarget !== index) setDropTarget(index);
  };
  const onDrop = (e: DragEvent<HTMLElement>, index: number) => {
    if (dragFrom.current === null) return;
    e.preventDefault();
    move(dragFrom.current, index);
    dragFrom.current = null;
    setDropTarget(null);
  };
  const onDragEnd = () => {
    dragFrom.current = null;
    setDropTarget(null);
  };

  const editorDir = directionOf(language);

  return (
      <section className="panel" aria-labelledby={`${ids}-items`}>
        <h2 id={`${ids}-items`} ref={headingRef} tabIndex={-1}>
          {t('kitBuilder.items')}
        </h2>
        {items.length === 0 ? <p className="muted">{t('kitBuilder.empty')}</p> : <p className="hint">{t('kitBuilder.orderHint')}</p>}
        <ol className="kit-items" ref={listRef} aria-labelledby={`${ids}-items`}>
          {items.map((it, i) => {
            const name = label(it);
            const more = detail(it);
            const file = fileOf(it);
            const missing = missingOf(it);
            // A file still on the server is not lost: the export downloads it (the export panel says whether it can now).
            const lost = missing?.onServer ? undefined : missing;
            const release = it.kind === 'release' ? releaseOf(it.id) : undefined;
            const group = it.kind === 'release' ? (versions[it.id] ?? []) : [];
            return (
              <li
                key={it.key}
                data-key={it.key}
                className={`kit-item${dropTarget === i ? ' drop-target' : ''}${lost ? ' kit-item-lost' : ''}`}
                onDragOver={(e) => onDragOver(e, i)}
                onDrop={(e) => onDrop(e, i)}
              >
                <div className="kit-item-head">
                  <span
                    className="drag-handle"
                    draggable={!readOnly}
                    onDragStart={(e) => onDragStart(e, i)}
                    onDragEnd={onDragEnd}
                    title={t('kitBuilder.dragHint')}
                    aria-hidden="true"
                  >
                    ⠿
                  </span>
                  <span className="badge">{t(`kitBuilder.kind.${it.kind}`)}</span>
                  <span className="kit-item-name">
                    <span className="kit-item-label" dir="auto">
                      {name}
                    </span>
                    {more && (
                      // The caption in its own direction, then the size: an Arabic caption never swallows "19.8 kB".
                      <span className="kit-item-detail">
                        {more.caption !== null && (
                          <>
                            <bdi>{more.caption}</bdi>
                            {' · '}
                          </>
                        )}
                        <bdi>{more.size}</bdi>
                      </span>
                    )}
                  </span>
                  {file && <LocationMark file={file} />}
                  {release?.status === 'withdrawn' && <span className="badge status-withdrawn">{t('status.withdrawn')}</span>}
                  {release?.status === 'trashed' && <span className="badge status-trashed">{t('status.trashed')}</span>}
                  <span className="kit-item-actions">
                    <button type="button" className="tool" data-action="up" onClick={() => move(i, i - 1, 'up')} disabled={i === 0} aria-label={t('kitBuilder.moveUp', { item: name })}>
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="tool"
                      data-action="down"
                      onClick={() => move(i, i + 1, 'down')}
                      disabled={i === items.length - 1}
                      aria-label={t('kitBuilder.moveDown', { item: name })}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button type="button" className="tool" onClick={() => remove(it.key)} aria-label={t('kitBuilder.remove', { item: name })}>
                      <span aria-hidden="true">✕</span>
                    </button>
                  </span>
                </div>
                {missing?.onServer && <p className="hint">{t('kitBuilder.fileOnServer', { name: missing.name, size: formatBytes(missing.size, formatLocale(i18n.language)) })}</p>}
                {lost && (
                  <div className="kit-item-missing">
                    <p id={`${ids}-lost-${it.key}`} className="error">
                      {t('kitBuilder.fileMissing', { name: lost.name })}
                    </p>
                    <div className="actions">
                      <input
                        id={`${ids}-relink-${it.key}`}
                        type="file"
                        className="visually-hidden"
                        tabIndex={-1}
                        aria-hidden="true"
                        onChange={(e) => {
                          const file = e.target.files?.[0];
                          e.target.value = '';
                          if (file) relink(it.key, file);
                        }}
                      />
                      {/* Each button's own words are its name; the line above says which file it is about. */}
                      <button type="button" aria-describedby={`${ids}-lost-${it.key}`} onClick={() => document.getElementById(`${ids}-relink-${it.key}`)?.click()}>
                        {t('kitBuilder.relink')}
                      </button>
                      <button type="button" aria-describedby={`${ids}-lost-${it.key}`} onClick={() => remove(it.key)}>
                        {t('kitBuilder.removeMissing')}
                      </button>
                    </div>
                  </div>
                )}
                {it.kind === 'release' && release && group.length > 1 && (
                  <fieldset className="kit-item-languages">
                    <legend>{t('kitBuilder.versions', { item: name })}</legend>
                    {group.map((v) => {
                      const chosen = chosenLanguages(it, release.language);
                      const on = chosen.includes(v.language);
                      return (
                        <label key={v.id} className="check">
                          <input
                            type="checkbox"
                            checked={on}
                            // The last version left stays: a release with none would print nothing;
                            // a withdrawn version can be unticked but not ticked.
                            disabled={(on && chosen.length === 1) || (!on && !canAddRelease(v))}
                            onChange={(e) => {
                              const checked = e.target.checked;
                              editItem(it.key, (x) => (x.kind === 'release' ? { ...toggleLanguage(x, release.language, v.language, checked), key: x.key } : x));
                            }}
                          />
                          {languageName(v.language, i18n.language)}
                          {v.status === 'withdrawn' && <span className="badge status-withdrawn">{t('status.withdrawn')}</span>}
                        </label>
                      );
                    })}
                  </fieldset>
                )}
                {it.kind === 'section' && (
                  <div className="kit-item-section">
                    <div className="field">
                      <label htmlFor={`${ids}-st-${it.key}`}>{t('kitBuilder.sectionTitle')}</label>
                      <input
                        id={`${ids}-st-${it.key}`}
                        dir="auto"
                        value={it.title}
                        onChange={(e) => {
                          const title = e.target.value;
                          editItem(it.key, (x) => (x.kind === 'section' ? { ...x, title } : x));
                        }}
                      />
                    </div>
                    <span id={`${ids}-sb-${it.key}`} className="visually-hidden">
                      {t('kitBuilder.sectionBody', { item: name })}
                    </span>
                    <BodyEditor
                      initial={it.body}
                      dir={editorDir}
                      lang={language}
                      labelId={`${ids}-sb-${it.key}`}
                      readOnly={readOnly}
                      onChange={(body: RichText) => editItem(it.key, (x) => (x.kind === 'section' ? { ...x, body } : x))}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </section>
  );
}
