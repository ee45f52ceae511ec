// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentSummary } from '../../electron/shared/contract';
import { AttachmentDetails } from '../../renderer/attachments/AttachmentDetails';
import { AttachmentGrid } from '../../renderer/attachments/AttachmentGrid';
import { fileKindOf } from '../../renderer/attachments/file-kind';
import { call, library } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * An attachment's kind is said in the person's language ("Foto (JPEG)", "مستند نصي"), on its
 * card and on its page, never as the media type the core keeps ("image/jpeg", "text/plain").
 */

afterEach(cleanup);

const png = () => sharp({ create: { width: 12, height: 8, channels: 3, background: '#2a6f4f' } }).png();

async function libraryOfKinds() {
  const c = await library('Bamako office');
  await call(c, 'attachment.add', { name: 'pozo-mopti.jpg', data: (await png().jpeg().toBuffer()).toString('base64') });
  await call(c, 'attachment.add', { name: 'mapa.png', data: (await png().toBuffer()).toString('base64') });
  await call(c, 'attachment.add', { name: 'notas.txt', data: Buffer.from('12 pozos').toString('base64'), mediaType: 'text/plain' });
  // A file the system gave no type: its extension says what it is.
  await call(c, 'attachment.add', { name: 'cifras.txt', data: Buffer.from('40 000 personas').toString('base64') });
  await call(c, 'attachment.add', { name: 'ficha.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'), mediaType: 'application/pdf' });
  const { items } = await call<{ items: AttachmentSummary[] }>(c, 'attachment.list', {});
  return { c, items };
}

/** Each card's line under its name, by the file's name. */
function cardLines(): Record<string, string> {
  return Object.fromEntries(
    screen.getAllByRole('listitem').map((li) => [li.querySelector('.card-name')!.textContent!, li.querySelector('.muted')!.textContent!.split(' · ')[1]!]),
  );
}

describe('the kind of an attachment', () => {
  it('is said in Spanish on each card', async () => {
    const { c, items } = await libraryOfKinds();
    renderWithCore(c, <AttachmentGrid items={items} label="Adjuntos" />, 'http', 'es');
    expect(cardLines()).toEqual({
      'pozo-mopti.jpg': 'Foto (JPEG)',
      'mapa.png': 'Imagen (PNG)',
      'notas.txt': 'Documento de texto',
      'cifras.txt': 'Documento de texto',
      'ficha.pdf': 'Documento PDF',
    });
  });

  it('is said in Arabic on each card', async () => {
    const { c, items } = await libraryOfKinds();
    renderWithCore(c, <AttachmentGrid items={items} label="المرفقات" />, 'http', 'ar');
    const lines = cardLines();
    expect(lines['pozo-mopti.jpg']).toBe('صورة فوتوغرافية (JPEG)');
    expect(lines['notas.txt']).toBe('مستند نصي');
    expect(Object.values(lines).filter((l) => l.includes('/'))).toEqual([]);
  });

  it('is said on the attachment’s page', async () => {
    const { c, items } = await libraryOfKinds();
    const notes = items.find((a) => a.originalName === 'notas.txt')!;
    renderWithCore(c, <AttachmentDetails id={notes.id} onSaved={() => undefined} onDeleted={() => undefined} />, 'test', 'es');
    const facts = await screen.findByText('Tipo', {}, { timeout: 15_000 });
    await waitFor(() => expect(within(facts.parentElement!).getByText('Documento de texto')).toBeTruthy());
    expect(facts.parentElement!.textContent).not.toContain('text/plain');
  });

  it('names formats and kinds as people know them', () => {
    expect(fileKindOf('image/svg+xml', 'logo.svg')).toEqual({ kind: 'vector', format: 'SVG' });
    expect(fileKindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Ficha.docx')).toEqual({ kind: 'word', format: 'DOCX' });
    expect(fileKindOf('video/quicktime', 'entrevista.mov')).toEqual({ kind: 'video', format: 'MOV' });
    expect(fileKindOf('application/octet-stream', 'datos.xlsx')).toEqual({ kind: 'spreadsheet', format: 'XLSX' });
    expect(fileKindOf('application/octet-stream', 'sin-extension')).toEqual({ kind: 'other', format: '' });
    expect(fileKindOf('text/plain; charset=utf-8', 'nota')).toEqual({ kind: 'text', format: '' });
  });
});
