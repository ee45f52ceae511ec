import { describe, expect, it } from 'vitest';
import { isValidTimeZone, TimeZoneSchema } from '../../electron/shared/documents';

describe('time zone names', () => {
  it('accepts canonical names from the list and other names Intl knows, and refuses the rest', () => {
    // Canonical (listed), then names Intl accepts that the list of canonical names leaves out.
    for (const tz of ['Europe/Zurich', 'Africa/Nairobi', 'America/Argentina/Buenos_Aires', 'UTC', 'Asia/Calcutta', 'europe/zurich', 'Etc/GMT+3']) {
      expect(isValidTimeZone(tz), tz).toBe(true);
    }
    for (const tz of ['Mars/Olympus_Mons', 'Europe/Zurich ', '', 'x'.repeat(65), 'GMT+25']) expect(isValidTimeZone(tz), tz).toBe(false);
    expect(TimeZoneSchema.safeParse('Mars/Olympus_Mons').error?.issues[0]?.message).toBe(
      '"Mars/Olympus_Mons" is not a known time zone (use a name like Europe/Zurich)',
    );
  });
});
