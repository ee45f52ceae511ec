import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Embargo } from '../../electron/shared/documents';
import { formatLocale } from '../i18n';
import { useDates } from '../i18n/useDates';
import { checkEmbargo, embargoWording, instantToWallTime } from './embargo';
import { ZoneInput } from './ZoneInput';

/**
 * Shows an embargo in words, e.g. "Embargoed until 14:00 Geneva time, 3 Dec 2026": the date as
 * the person's date format writes dates everywhere else (Settings → Date format), the time on
 * the 24-hour clock, both in the embargo's own zone.
 */
export function EmbargoWords({ embargo }: { embargo: Embargo }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const w = embargoWording(embargo, formatLocale(i18n.language), new Date(), dates.date);
  return <>{t(w.key, { time: w.time, place: w.place, date: w.date })}</>;
}

/**
 * The embargo: a wall-clock time in a named zone. Only a valid, future embargo reaches the
 * release; otherwise the problem is said next to the field and the saved value stays as it was.
 */
export function EmbargoField({
  value,
  defaultZone,
  onChange,
}: {
  value: Embargo | null;
  defaultZone: string;
  onChange: (embargo: Embargo | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [on, setOn] = useState(value !== null);
  const [zone, setZone] = useState(value?.timeZone ?? defaultZone);
  const [local, setLocal] = useState(value ? instantToWallTime(value.at, value.timeZone) : '');
  const [problem, setProblem] = useState<string | null>(null);

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
    } else apply(local, zone);
  };

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
          <div className="field">
            <label htmlFor={`${id}-at`}>{t('embargo.time')}</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              value={local}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-words`}
              onChange={(e) => {
                setLocal(e.target.value);
                apply(e.target.value, zone);
              }}
            />
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
                apply(local, next);
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
