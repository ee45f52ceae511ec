import { useMemo } from 'react';
import { allTimeZones, zonePlace } from './embargo';

/** A time zone typed by name, with every zone offered as a suggestion (the label is the caller's). */
export function ZoneInput({
  id,
  value,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (zone: string) => void;
}) {
  const zones = useMemo(() => allTimeZones(), []);
  return (
    <>
      <input
        id={id}
        // Zone names (Africa/Bamako) are Latin in every language.
        dir="ltr"
        list={`${id}-list`}
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${id}-list`}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {zonePlace(z)}
          </option>
        ))}
      </datalist>
    </>
  );
}
