// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KitPreview } from '../../electron/shared/kits/contract';
import { PreviewPane } from '../../renderer/kit-builder/PreviewPane';
import { dateFormats, savedDateStyle } from '../../renderer/i18n/dates';
import { call, core } from '../core-harness';
import { photo } from '../kits/fixtures';
import { renderWithCore } from './with-core';

/** The kit builder's preview says, in the person's language, which photos lack consent and whose rights ran out, the day written as dates are. */

afterEach(cleanup);

describe('the kit preview', () => {
  it('names a photo without consent and one whose usage rights expired, in French', async () => {
    const c = await core();
    const add = async (name: string, seed: number, fields: Record<string, unknown>) =>
      (await call<{ id: string }>(c, 'attachment.add', { name, data: (await photo(400, 300, seed)).toString('base64'), fields: { caption: 'Un puits', credit: 'J. Mukasa', ...fields } })).id;
    const children = await add('enfants.jpg', 1, {
      consent: { consentObtained: false, faceRedacted: false, locationRedacted: false, nameRedacted: false, nameChanged: false, sensitive: true },
    });
    const agency = await add('agence.jpg', 2, {
      usageExpires: '2020-06-30',
      consent: { consentObtained: true, faceRedacted: false, locationRedacted: false, nameRedacted: false, nameChanged: false, sensitive: false },
    });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Photos', items: [children, agency].map((id) => ({ kind: 'attachment', id })) });
    const preview = await call<KitPreview>(c, 'kit.preview', { id: kit.id });
    renderWithCore(c, <PreviewPane ids="k" title="Photos" pageSize="A4" preview={preview} previewError={null} />, 'test', 'fr');
    expect(screen.getByText(/« enfants\.jpg » est marquée sensible, aucun consentement des personnes photographiées/)).toBeTruthy();
    const day = dateFormats('fr', savedDateStyle()).date('2020-06-30');
    expect(screen.getByText(`Les droits d’utilisation de « agence.jpg » ont expiré le ${day} ; retirez ce fichier du dossier ou renouvelez les droits dans l’écran Pièces jointes.`)).toBeTruthy();
  });
});
