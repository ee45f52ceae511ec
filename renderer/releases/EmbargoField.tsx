import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Embargo } from '../../electron/shared/documents';
import { formatLocale } from '../i18n';
import { readTimeEntry, type TimeEntry } from '../i18n/time-entry';
import type { DateFormats } from '../i18n/dates';
import { useDates } from '../i18n/useDates';
import { DateField } from '../ui/DateField';
import { checkEmbargo, embargoWording, instantToWallTime } from './embargo';
import { ZoneInput } from './ZoneInput';

/**
 * Shows an embargo in words, e.g. "Embargoed until 14:00 Geneva time, 3 Dec 2026": the date as
 * the person's date format writes dates everywhere else (Settings → Date format), the time on
 * the 24-hour clock, both in the embargo's own zone.
 */
export function EmbargoWords({ embargo }: { embargo: Embargo }) {
  return <>{useEmbargoWords()(embargo)}</>;
}

/** EmbargoWords as text, for a sentence that says more ("… Download the PDF now?"). */
export function useEmbargoWords(): (embargo: Embargo) => string {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  return (embargo) => {
    const w = embargoWording(embargo, formatLocale(i18n.language), dates);
    return t(w.key, { time: w.time, place: w.place, date: w.date });
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time of day on the 24-hour clock, as the interface writes times (its digits in Arabic). */
function clockText(hour: number, minute: number, dates: DateFormats): string {
  return dates.clock(new Date(Date.UTC(2026, 0, 1, hour, minute)).toISOString(), 'UTC');
}

/** The wall-clock text checkEmbargo reads ("2026-12-03T14:00"), or '' while the date or time is missing or unread. */
function wallTime(date: string | null, time: TimeEntry): string {
  return date !== null && time.kind === 'time' ? `${date}T${pad(time.hour)}:${pad(time.minute)}` : '';
}

/**
 * The embargo: a wall-clock time in a named zone, entered as a date typed in the person's date
 * format (the same box as every date field) and a time typed on the 24-hour clock or with am/pm,
 * instead of the browser's own date-and-time box, which writes mm/dd/yyyy in every language and
 * looks different on every system. It stores what it always has: the instant and the zone.
 * Only a valid, future embargo reaches the release; a date or time that cannot be read is said
 * under its own box, any other problem next to the field, and the saved value stays as it was.
 */
export function EmbargoField({
  value,
  defaultZone,
  onChange,
  onDateUnreadable,
}: {
  value: Embargo | null;
  defaultZone: string;
  onChange: (embargo: Embargo | null) => void;
  /** The date box holds text that is not a date (DateField's `onUnreadable`). */
  onDateUnreadable?: ((unreadable: boolean) => void) | undefined;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const id = useId();
  const [on, setOn] = useState(value !== null);
  const [zone, setZone] = useState(value?.timeZone ?? defaultZone);
  const [initial] = useState(() => (value ? instantToWallTime(value.at, value.timeZone) : ''));
  const [date, setDate] = useState<string | null>(initial ? initial.slice(0, 10) : null);
  const [timeText, setTimeText] = useState(() => (initial ? clockText(Number(initial.slice(11, 13)), Number(initial.slice(14, 16)), dates) : ''));
  const [timeLeft, setTimeLeft] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const time = readTimeEntry(timeText);

  const apply = (nextLocal: string, nextZone: string) => {
    if (nextLocal === '') {
      setProblem(null);
      return;
    }
    const check = checkEmbargo(nextLocal, nextZone.trim());
    if (check.ok) {
      setProblem(null);
      onChange(check.embargo);
    } else {
      setProblem(t(check.problem, { zone: nextZone }));
    }
  };

  const toggle = (next: boolean) => {
    setOn(next);
    if (!next) {
      setProblem(null);
      onChange(null);
    } else apply(wallTime(date, time), zone);
  };

  const example = clockText(14, 30, dates);
  const timeUnread = time.kind === 'invalid' && timeLeft;
  const timeNote = timeUnread ? t('embargo.timeInvalid', { text: timeText.trim(), example }) : time.kind === 'empty' ? t('embargo.timeHint', { example }) : '';
  const shown = value && !problem ? value : null;
  return (
    <fieldset className="embargo">
      <legend>{t('embargo.legend')}</legend>
      <div className="check">
        <input id={`${id}-on`} type="checkbox" checked={on} onChange={(e) => toggle(e.target.checked)} />
        <label htmlFor={`${id}-on`}>{t('embargo.enable')}</label>
      </div>
      {on && (
        <div className="embargo-inputs">
          <div className="field embargo-date">
            <label htmlFor={`${id}-date`}>{t('embargo.date')}</label>
            <DateField
              id={`${id}-date`}
              value={date}
              invalid={Boolean(problem)}
              describedBy={`${id}-words`}
              pickLabel={t('embargo.pickDate')}
              onUnreadable={onDateUnreadable}
              onChange={(next) => {
                setDate(next);
                apply(wallTime(next, time), zone);
              }}
            />
          </div>
          <div className="field embargo-time">
            <label htmlFor={`${id}-time`}>{t('embargo.time')}</label>
            <input
              id={`${id}-time`}
              type="text"
              // A time reads left to right in every language, as the words under the field write it.
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              value={timeText}
              aria-invalid={timeUnread || Boolean(problem) || undefined}
              aria-describedby={`${id}-time-note ${id}-words`}
              onChange={(e) => {
                const next = e.target.value;
                setTimeText(next);
                setTimeLeft(false);
                const read = readTimeEntry(next);
                // A time not yet whole ("14:3") changes nothing; leaving the box says why, if it stays so.
                if (read.kind !== 'invalid') apply(wallTime(date, read), zone);
              }}
              onBlur={() => {
                setTimeLeft(true);
                if (time.kind === 'time') setTimeText(clockText(time.hour, time.minute, dates));
              }}
            />
            <p id={`${id}-time-note`} className={timeUnread ? 'field-error' : 'hint'} aria-live="polite">
              {timeNote}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-zone`}>{t('embargo.zone')}</label>
            <ZoneInput
              id={`${id}-zone`}
              value={zone}
              invalid={Boolean(problem)}
              describedBy={`${id}-words`}
              onChange={(next) => {
                setZone(next);
                apply(wallTime(date, time), next);
              }}
            />
          </div>
        </div>
      )}
      <p id={`${id}-words`} className={problem ? 'error' : 'embargo-words'} role={problem ? 'alert' : 'status'}>
        {problem ?? (on && shown ? <EmbargoWords embargo={shown} /> : on ? t('embargo.pick') : t('embargo.none'))}
      </p>
    </fieldset>
  );
}
