import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedChanges } from '../app/leave-guard';
import { numericOrder, numericRegion, readDateEntry, type DateEntry } from '../i18n/date-entry';
import { systemLanguages } from '../i18n/dates';
import { useDateStyle, useDates } from '../i18n/useDates';

const EXAMPLE = '2026-12-24';

/**
 * A date typed in the person's date format (or ISO), where the browser's own date box writes
 * mm/dd/yyyy in every language. The value given and returned is ISO YYYY-MM-DD (null when
 * empty), as stored. Under the box: an example while it is empty, the date read back in words
 * once it is one, or why it is not, after the person leaves the box. The calendar button opens
 * the browser's own picker where it has one.
 *
 * Text that is not a date changes nothing stored, so while the box holds it the change is not
 * saved: leaving the page asks first (leave-guard.ts), and once the person has left the box
 * `onUnreadable` tells the form, for its save state to say so.
 */
export function DateField({
  id,
  value,
  onChange,
  disabled = false,
  describedBy,
  invalid = false,
  pickLabel,
  onUnreadable,
}: {
  id: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  /** Another note the box is described by (a required-field message). */
  describedBy?: string | undefined;
  invalid?: boolean;
  /** The calendar button's name where the screen has more than one date box ("Choose the embargo's date…"). */
  pickLabel?: string | undefined;
  /** Told true when the person has left the box holding text that is not a date, false once it no longer does. */
  onUnreadable?: ((unreadable: boolean) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const { style } = useDateStyle();
  const noteId = useId();
  const picker = useRef<HTMLInputElement>(null);
  const shown = (iso: string | null) => (iso ? dates.date(iso) : '');
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  const entry = readDateEntry(text, i18n.language, style, systemLanguages());

  // A value set from elsewhere (a draft restored, a picker) is shown in the person's format;
  // what the person is typing is left alone while it means the same date.
  useEffect(() => {
    const typed = readDateEntry(text, i18n.language, style, systemLanguages());
    const same = typed.kind === 'date' ? typed.iso === value : typed.kind === 'empty' ? value === null : false;
    if (!same && (typed.kind !== 'invalid' || value !== null)) setText(shown(value));
    // Only a new value or format redraws the text; typing is handled below.
  }, [value, dates]);

  const type = (next: string) => {
    setText(next);
    setLeft(false);
    const read = readDateEntry(next, i18n.language, style, systemLanguages());
    if (read.kind === 'date' && read.iso !== value) onChange(read.iso);
    if (read.kind === 'empty' && value !== null) onChange(null);
  };

  /**
   * The date read back; numbers that would be another date the other way round (03/12/2026)
   * also say which order was used and why: the computer's region, or the format chosen in Settings.
   */
  const readAs = (read: Extract<DateEntry, { kind: 'date' }>) => {
    const date = dates.long(read.iso);
    if (!read.ambiguous) return t('dateField.readAs', { date });
    const order = numericOrder(i18n.language, style, systemLanguages());
    const region = numericRegion(i18n.language, style, systemLanguages());
    if (region === null) return t('dateField.readAsDayFirst', { date, setting: t('dateField.settingPlace', { settings: t('nav.settings'), format: t('settings.dateStyle') }) });
    const regionName = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(region) ?? region;
    return t(order.indexOf('month') < order.indexOf('day') ? 'dateField.readAsRegionMonthFirst' : 'dateField.readAsRegionDayFirst', { date, region: regionName });
  };
  const problem = entry.kind === 'invalid' && left;
  useUnsavedChanges(() => entry.kind === 'invalid');
  const told = useRef(onUnreadable);
  told.current = onUnreadable;
  useEffect(() => {
    if (!problem) return;
    told.current?.(true);
    return () => told.current?.(false);
  }, [problem]);
  const example = dates.date(EXAMPLE);
  const note =
    entry.kind === 'date'
      ? readAs(entry)
      : entry.kind === 'invalid'
        ? !problem
          ? ''
          : entry.noSuchDay
            ? t('dateField.noSuchDay', { month: dates.monthYear(entry.noSuchDay.year, entry.noSuchDay.month), day: entry.noSuchDay.day })
            : wholeDates(t('dateField.invalid', { example, iso: EXAMPLE }), [example, EXAMPLE])
        : wholeDates(t('dateField.hint', { example, iso: EXAMPLE }), [example, EXAMPLE]);

  return (
    <>
      <div className="date-field">
        <input
          id={id}
          type="text"
          dir="auto"
          autoComplete="off"
          value={text}
          disabled={disabled}
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            setLeft(true);
            if (entry.kind === 'date') setText(shown(entry.iso));
          }}
          aria-invalid={problem || invalid || undefined}
          aria-describedby={[noteId, describedBy].filter(Boolean).join(' ')}
        />
        <button
          type="button"
          className="date-pick"
          disabled={disabled}
          aria-label={pickLabel ?? t('dateField.pick')}
          title={pickLabel ?? t('dateField.pick')}
          onClick={(e) => {
            // Where the browser has no picker to show, the box itself takes the date.
            const box = e.currentTarget.previousElementSibling;
            try {
              picker.current!.showPicker();
            } catch {
              if (box instanceof HTMLInputElement) box.focus();
            }
          }}
        >
          <CalendarIcon />
        </button>
        <input
          ref={picker}
          type="date"
          className="date-native"
          tabIndex={-1}
          aria-hidden="true"
          value={value ?? ''}
          onChange={(e) => {
            const iso = e.target.value || null;
            setText(shown(iso));
            setLeft(false);
            onChange(iso);
          }}
        />
      </div>
      <p id={noteId} className={problem ? 'field-error' : 'hint'} aria-live="polite">
        {note}
      </p>
    </>
  );
}

/**
 * A note with each of `dates` in it kept whole on one line: in a narrow window the browser broke
 * the example "2026-12-24" at a hyphen (in Arabic most of all, where the note wraps sooner), and
 * half a date is no example.
 */
function wholeDates(note: string, dates: readonly string[]): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = note;
  for (;;) {
    const found = dates
      .map((d) => ({ d, at: d === '' ? -1 : rest.indexOf(d) }))
      .filter((f) => f.at >= 0)
      .sort((a, b) => a.at - b.at || b.d.length - a.d.length)[0];
    if (!found) break;
    if (found.at > 0) out.push(rest.slice(0, found.at));
    out.push(
      <span key={out.length} className="whole-date">
        {found.d}
      </span>,
    );
    rest = rest.slice(found.at + found.d.length);
  }
  if (rest !== '') out.push(rest);
  return out;
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="2" y="3.5" width="12" height="10.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M2 7h12M5.5 2v3M10.5 2v3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
