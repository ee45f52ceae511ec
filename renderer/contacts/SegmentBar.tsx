import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTER_FIELDS, type ContactFilter } from '../../electron/shared/contacts/filter';
import type { Segment } from '../../electron/shared/contacts/organise-contract';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SelectField } from '../ui/SelectField';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';
import { downloadFile } from '../app/download';
import { CSV_SEPARATORS, csvSeparatorFor, type CsvSeparator } from '../../electron/shared/csv-cell';
import { rememberChoice, rememberedChoice } from '../ui/remembered';

/** The CSV separator chosen on this computer; none chosen, the interface's language decides (`csvSeparatorFor`). */
const SEPARATOR_KEY = 'dateline.contactsCsvSeparator';
const SEPARATOR_NAME: Record<CsvSeparator, 'comma' | 'semicolon'> = { ',': 'comma', ';': 'semicolon' };
const asSeparator = (v: unknown): CsvSeparator | null => (CSV_SEPARATORS as readonly unknown[]).includes(v) ? (v as CsvSeparator) : null;

const sameFilter = (a: ContactFilter, b: ContactFilter) => FILTER_FIELDS.every((k) => (a[k] ?? '') === (b[k] ?? ''));

/**
 * Saved searches (segments) and export: apply a segment, save the filters shown as one, delete
 * one, and download what the list shows as CSV or vCard. A segment shows as chosen only while
 * the filters are its own: once the person changes them, it reads "None" again, and choosing it
 * applies it again. The segment chosen is the list's (`chosen`), which "Clear filters" clears.
 */
export function SegmentBar({
  filter,
  onApply,
  chosen,
  onChoose,
}: {
  filter: ContactFilter;
  onApply: (f: ContactFilter) => void;
  chosen: string;
  onChoose: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const uid = useId();
  const [chosenSeparator, setChosenSeparator] = useState<CsvSeparator | null>(() => rememberedChoice<CsvSeparator | null>(SEPARATOR_KEY, asSeparator, null));
  const separator = chosenSeparator ?? csvSeparatorFor(i18n.language);
  const [segments, setSegments] = useState<Segment[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // The segment "Delete" asks about, until answered; a segment deleted has no trash to come back from.
  const [confirming, setConfirming] = useState<string | null>(null);
  const deleteFocus = useConfirmFocus(confirming !== null ? 'delete' : null, () => setConfirming(null));
  // A save or an export under way takes no other (a click meanwhile is dropped), nor does the
  // second click of a double click, however fast the first was done: one file downloaded, not two.
  // The buttons stay enabled, so the one pressed keeps the keyboard's focus.
  const working = useRef(false);
  async function once(e: MouseEvent, work: () => Promise<void>) {
    if (e.detail > 1 || working.current) return;
    working.current = true;
    try {
      await work();
    } finally {
      working.current = false;
    }
  }

  useEffect(() => {
    let live = true;
    void client.call('segment.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setSegments(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const shown = segments.some((s) => s.name === chosen && sameFilter(s.filter, filter)) ? chosen : '';

  async function saveSegment() {
    const r = await client.call('segment.save', { name, filter });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSegments(r.value);
    onChoose(name.trim());
    setName('');
    setNote(t('contactFilters.segmentSaved', { name: name.trim() }));
    // The name went from its box, and Save with it (disabled): the keyboard goes on from the segment, now chosen.
    document.getElementById(`${uid}-seg`)?.focus();
  }
  async function deleteSegment(name: string) {
    const r = await client.call('segment.delete', { name });
    setConfirming(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSegments(r.value);
    setNote(t('contactFilters.segmentDeleted', { name }));
    onChoose('');
    // Its Delete button goes with it: the keyboard goes on from the segment choice.
    document.getElementById(`${uid}-seg`)?.focus();
  }
  async function exportAs(format: 'csv' | 'vcf') {
    // Named after the segment shown, else after the list or the search (the core's rule): "Journalistes Goma.csv".
    const r = await client.call('contact.export', { format, ...filter, ...(shown ? { title: shown } : {}), ...(format === 'csv' ? { separator } : {}) });
    if (!r.ok) return setError(r.error);
    setError(null);
    downloadFile(r.value.fileName, r.value.mediaType, r.value.text);
    setNote(t('contactFilters.exported', { count: r.value.count }));
  }

  return (
    <div className="filters segment-bar">
      <SelectField
        id={`${uid}-seg`}
        label={t('contactFilters.segment')}
        value={shown}
        choices={segments.map((s) => ({ value: s.name, label: s.name }))}
        none={t('common.none')}
        onChange={(n) => {
          onChoose(n);
          const s = segments.find((x) => x.name === n);
          if (s) onApply(s.filter);
        }}
      />
      {shown && confirming === null && (
        <button ref={deleteFocus.asker('delete')} type="button" className="link-button" onClick={() => setConfirming(shown)}>
          {t('contactFilters.deleteSegment', { name: shown })}
        </button>
      )}
      {confirming !== null && (
        <ConfirmQuestion
          question={t('contactFilters.deleteSegmentConfirm', { name: confirming })}
          confirmLabel={t('contactFilters.deleteSegmentForGood')}
          onConfirm={() => deleteSegment(confirming)}
          focus={deleteFocus}
        />
      )}
      <div className="field">
        <label htmlFor={`${uid}-name`}>{t('contactFilters.segmentName')}</label>
        <input id={`${uid}-name`} dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="button" disabled={name.trim() === ''} onClick={(e) => void once(e, saveSegment)}>
        {t('contactFilters.saveSegment')}
      </button>
      {/* What each format leaves out, said where the format is chosen, over its buttons as a field's label is: a CSV has no column for a photo. */}
      <div className="export-choice">
        <p id={`${uid}-formats`} className="hint">
          {t('contactFilters.exportFormats')}
        </p>
        <SelectField
          id={`${uid}-sep`}
          label={t('contactFilters.csvSeparator')}
          value={SEPARATOR_NAME[separator]}
          choices={CSV_SEPARATORS.map((s) => ({ value: SEPARATOR_NAME[s], label: t(`contactFilters.separator.${SEPARATOR_NAME[s]}`) }))}
          onChange={(v) => {
            const s = v === 'semicolon' ? ';' : ',';
            setChosenSeparator(s);
            rememberChoice(SEPARATOR_KEY, s);
          }}
        />
        <span className="export-buttons">
          <button type="button" aria-describedby={`${uid}-formats`} onClick={(e) => void once(e, () => exportAs('csv'))}>
            {t('contactFilters.exportCsv')}
          </button>
          <button type="button" aria-describedby={`${uid}-formats`} onClick={(e) => void once(e, () => exportAs('vcf'))}>
            {t('contactFilters.exportVcf')}
          </button>
        </span>
      </div>
      {note && <p role="status">{note}</p>}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
