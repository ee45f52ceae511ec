// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Doc } from '../../electron/shared/documents';
import { ContactEditor } from '../../renderer/contacts/ContactEditor';
import { todayIsoDate } from '../../renderer/i18n/dates';
import { setDisplayPrefs } from '../../renderer/i18n/display';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * "Verified today" writes the person's day, not the UTC one: at 01:30 in Nairobi it is already
 * the 8th there while UTC still says the 7th; at 22:00 in Bogotá it is still the 7th while UTC
 * says the 8th.
 */

const deviceZone = process.env.TZ;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setDisplayPrefs({ timeZone: undefined, digits: 'latn' });
  if (deviceZone === undefined) delete process.env.TZ;
  else process.env.TZ = deviceZone;
});

describe('today’s date', () => {
  it('is the day where the computer is: its office’s zone, else the device’s', () => {
    const nairobiNight = new Date('2026-12-07T22:30:00Z');
    expect(todayIsoDate(nairobiNight, 'Africa/Nairobi')).toBe('2026-12-08');
    expect(todayIsoDate(new Date('2026-12-08T03:00:00Z'), 'America/Bogota')).toBe('2026-12-07');
    process.env.TZ = 'Africa/Nairobi';
    expect(todayIsoDate(nairobiNight)).toBe('2026-12-08');
    process.env.TZ = 'America/Bogota';
    expect(todayIsoDate(new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-07');
  });
});

describe('“Verified today” on a contact', () => {
  async function verifiedAt(now: string): Promise<string | null | undefined> {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(now));
    renderWithCore(c, <ContactEditor id={id} />, 'test');
    fireEvent.click(await screen.findByRole('button', { name: 'Verified today' }, { timeout: 15_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    let saved: string | null | undefined;
    await waitFor(
      async () => {
        saved = (await call<Doc<'contact'>>(c, 'contact.get', { id })).dataProtection?.lastVerified;
        expect(saved).toBeTruthy();
      },
      { timeout: 15_000 },
    );
    return saved;
  }

  it('writes the device’s day after midnight east of Greenwich', async () => {
    process.env.TZ = 'Africa/Nairobi';
    expect(await verifiedAt('2026-12-07T22:30:00Z')).toBe('2026-12-08');
  });

  it('writes the office’s day in the evening west of Greenwich', async () => {
    setDisplayPrefs({ timeZone: 'America/Bogota', digits: 'latn' });
    expect(await verifiedAt('2026-12-08T03:00:00Z')).toBe('2026-12-07');
  });
});
