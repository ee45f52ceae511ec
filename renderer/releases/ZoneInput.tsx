import { useMemo } from 'react';
import { ZONE_CITY_NAMES } from '../../electron/shared/zone-names';
import type { UiLanguageCode } from '../../electron/shared/ui/languages';
import { allTimeZones, zonePlace } from './embargo';

/**
 * A time zone typed by name, with every zone offered as a suggestion (the label is the caller's).
 * Each suggestion shows the city the zone is known by, in `language` where the organisation's
 * table has it (a person in Arabic finds Amman by typing عمّان).
 */
export function ZoneInput({
  id,
  value,
  invalid,
  describedBy,
  onChange,
  language,
}: {
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (zone: string) => void;
  language?: UiLanguageCode;
}) {
  const zones = useMemo(() => allTimeZones(), []);
  const place = (z: string) => (language ? ZONE_CITY_NAMES[z]?.[language] : undefined) ?? zonePlace(z);
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
            {place(z)}
          </option>
        ))}
      </datalist>
    </>
  );
}
