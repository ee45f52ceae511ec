// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { call, core } from '../core-harness';
import { photo } from '../kits/fixtures';
import { coreClient } from './with-core';

/**
 * A photo whose file records where it was taken is marked on its row of the kit builder, as its
 * own page says it (every export removes the position); a photo without one is not. The files
 * are asked once each, a few at a time, however many photos the kit holds.
 */

afterEach(cleanup);

const MARK = 'Location recorded in the file — removed on export';

/** A real JPEG with a GPS position in its Exif, as a phone writes it. */
const withGps = async (seed: number) =>
  sharp(await photo(320, 240, seed))
    .withExif({ IFD0: { Artist: 'J. Mukasa' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 11/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 5/1 0/1' } })
    .jpeg()
    .toBuffer();

const add = async (c: Core, name: string, bytes: Buffer) => (await call<{ id: string }>(c, 'attachment.add', { name, data: bytes.toString('base64') })).id;

/** A web-mode client of `c` that counts its attachment.location calls and how many were in flight at once. */
function countingClient(c: Core) {
  const inner = coreClient(c, { transport: 'http', on: () => () => undefined });
  const seen = { asked: [] as string[], inFlight: 0, most: 0 };
  const client: DatelineClient = {
    ...inner,
    call: async <M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<CallResult<M>>> => {
      if (method !== 'attachment.location') return inner.call(method, input);
      seen.asked.push((input as { id: string }).id);
      seen.inFlight++;
      seen.most = Math.max(seen.most, seen.inFlight);
      try {
        return await inner.call(method, input);
      } finally {
        seen.inFlight--;
      }
    },
  };
  return { client, seen };
}

const builder = (client: DatelineClient, kitId: string) => (
  <I18nextProvider i18n={setUpI18n('en')}>
    <ClientProvider client={client}>
      <KitBuilder kitId={kitId} />
    </ClientProvider>
  </I18nextProvider>
);

const row = async (name: string) => (await screen.findByText(name, { selector: '.kit-item-label' }, { timeout: 15_000 })).closest('li')!;

describe('a kit photo that records where it was taken', () => {
  it('is marked on its row, and a photo without a position, or a document, is not', async () => {
    const c = await core();
    const camp = await add(c, 'camp-entrance.jpg', await withGps(2));
    const well = await add(c, 'borehole.jpg', await photo(320, 240, 5));
    const sheet = await add(c, 'facts.txt', Buffer.from('Twelve boreholes serve 40,000 people.'));
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Kasese kit',
      language: 'en',
      items: [camp, well, sheet].map((id) => ({ kind: 'attachment', id })),
    });
    const { client, seen } = countingClient(c);
    render(builder(client, kit.id));

    const marked = await row('camp-entrance.jpg');
    const mark = await within(marked).findByRole('img', { name: MARK }, { timeout: 15_000 });
    // Its words are its tooltip too, for the mouse.
    expect(mark.getAttribute('title')).toBe(MARK);
    // The other photo has had its answer; a document is not asked about.
    await waitFor(() => expect(seen.asked).toContain(well));
    await waitFor(() => expect(seen.inFlight).toBe(0));
    expect(seen.asked).not.toContain(sheet);
    expect(within(await row('borehole.jpg')).queryByRole('img', { name: MARK })).toBeNull();
    expect(within(await row('facts.txt')).queryByRole('img', { name: MARK })).toBeNull();
    expect(screen.getAllByRole('img', { name: MARK })).toHaveLength(1);
  });

  it('is asked once per file and three at a time in a kit of many photos, and not again when the kit is opened again', async () => {
    const c = await core();
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(await add(c, `market-${i + 1}.jpg`, i % 3 === 0 ? await withGps(i + 1) : await photo(160, 120, i + 1)));
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Market kit', language: 'en', items: ids.map((id) => ({ kind: 'attachment', id })) });
    const { client, seen } = countingClient(c);
    const first = render(builder(client, kit.id));
    await waitFor(() => expect(screen.getAllByRole('img', { name: MARK })).toHaveLength(3), { timeout: 15_000 });
    await waitFor(() => expect(seen.asked).toHaveLength(9));
    expect(new Set(seen.asked).size).toBe(9);
    expect(seen.most).toBe(3);
    first.unmount();

    // Opened again in the same window: the marks are there from the answers already had.
    render(builder(client, kit.id));
    await row('market-9.jpg');
    expect(screen.getAllByRole('img', { name: MARK })).toHaveLength(3);
    for (const n of [1, 4, 7]) expect(within(await row(`market-${n}.jpg`)).getByRole('img', { name: MARK })).toBeTruthy();
    expect(seen.asked).toHaveLength(9);
  });
});
