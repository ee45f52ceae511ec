// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { Document as WordDocument, Packer, Paragraph } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentSummary } from '../../electron/shared/contract';
import { AttachmentGrid } from '../../renderer/attachments/AttachmentGrid';
import { call, library } from '../core-harness';
import { renderWithCore } from './with-core';

// A photo the library cannot make a preview of (its bytes are damaged after the JPEG header):
// its card still says what kind of file it is, rather than an empty grey box.

afterEach(cleanup);

describe('a card whose preview cannot be made', () => {
  it('shows the kind of file', async () => {
    const core = await library('Amman laptop');
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.alloc(2000, 7)]);
    await call(core, 'attachment.add', { name: 'azraq-clinic.jpg', data: damaged.toString('base64') });
    const { items } = await call<{ items: AttachmentSummary[] }>(core, 'attachment.list', {});
    expect(items.map((a) => a.mediaType)).toEqual(['image/jpeg']);
    renderWithCore(core, <AttachmentGrid items={items} label="Attachments" />);
    // The core is asked for the preview and says it has none; the card then names the kind, as
    // the file is named.
    await waitFor(() => expect(screen.getByRole('img').textContent).toBe('JPG'));
  });
});

describe('a card for a file that has no preview', () => {
  it('names the kind by the file’s own extension, not by a word of its media type', async () => {
    const core = await library('Amman laptop');
    const word = await Packer.toBuffer(new WordDocument({ sections: [{ children: [new Paragraph('Azraq clinic: 12 beds')] }] }));
    await call(core, 'attachment.add', { name: 'Azraq fact sheet.docx', data: word.toString('base64') });
    await call(core, 'attachment.add', { name: 'notes from the field.txt', data: Buffer.from('Water points: 12').toString('base64'), mediaType: 'text/plain' });
    const { items } = await call<{ items: AttachmentSummary[] }>(core, 'attachment.list', {});
    renderWithCore(core, <AttachmentGrid items={items} label="Attachments" />);
    // The media types gave "VND" and "PLAIN".
    await waitFor(() => expect(screen.getAllByRole('img').map((i) => i.textContent).sort()).toEqual(['DOCX', 'TXT']));
  });
});
