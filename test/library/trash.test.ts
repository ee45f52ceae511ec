import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeletedItem, TrashRestored } from '../../electron/shared/contract';
import { call, core, fail, release } from '../core-harness';

/**
 * The trash beyond releases, on a real library: a contact, an outlet, a kit and an attachment
 * deleted are listed with their kind, name, who and when; each comes back as it was, a name
 * taken since or an outlet in the trash is said before anything is restored; emptying the trash
 * leaves nothing to restore.
 */

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

type Listed = { items: DeletedItem[]; total: number };

describe('the trash of contacts, outlets, kits and attachments', () => {
  it('lists each deleted one by kind, name, author and time, newest first, and restores it as it was', async () => {
    const c = await core();
    const outlet = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Okapi' });
    const contact = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Diallo', emails: [{ address: 'amina@example.org' }] });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese water kit', language: 'en', items: [] });
    const file = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'fact-sheet.pdf', data: pdf.toString('base64'), fields: {} });
    const kept = await call<{ id: string; rev: string }>(c, 'release.create', release());
    for (const id of [outlet.id, contact.id, kit.id]) await call(c, 'doc.delete', { id, rev: null });
    await call(c, 'attachment.delete', { id: file.id, rev: null });

    const listed = await call<Listed>(c, 'trash.list', {});
    expect(listed.total).toBe(4);
    expect(listed.items.map((i) => `${i.type}: ${i.name}`).sort()).toEqual(['attachment: fact-sheet.pdf', 'contact: Amina Diallo', 'kit: Kasese water kit', 'outlet: Radio Okapi']);
    const authors = new Set(listed.items.map((i) => i.deletedBy));
    expect(authors).toEqual(new Set([(await call<{ author: string }>(c, 'library.info', {})).author]));
    const times = listed.items.map((i) => i.deletedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(listed.items.map((i) => i.id)).not.toContain(kept.id);

    const back = await call<TrashRestored>(c, 'trash.restore', { id: contact.id });
    expect(back).toMatchObject({ type: 'contact', name: 'Amina Diallo', outletDropped: false });
    expect((await call<{ emails: { address: string }[] }>(c, 'contact.get', { id: contact.id })).emails[0]!.address).toBe('amina@example.org');
    await call(c, 'trash.restore', { id: file.id });
    expect((await call<{ data: string }>(c, 'attachment.content', { id: file.id })).data).toBe(pdf.toString('base64'));
    expect((await call<Listed>(c, 'trash.list', {})).items.map((i) => i.name).sort()).toEqual(['Kasese water kit', 'Radio Okapi']);
    // Twice: the second says it is no longer there, and changes nothing.
    const again = await fail(c, 'trash.restore', { id: contact.id });
    expect(again).toMatchObject({ code: 'INVALID_INPUT', params: { reason: 'notInTrashAny' } });
  });

  it('says a name taken since, and restores anyway only when asked', async () => {
    const c = await core();
    const old = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Okapi' });
    await call(c, 'doc.delete', { id: old.id, rev: null });
    const fresh = await call<{ id: string }>(c, 'outlet.create', { name: 'radio okapi ' });
    const refused = await fail(c, 'trash.restore', { id: old.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', params: { reason: 'nameTaken', other: fresh.id, name: 'Radio Okapi', type: 'outlet' } });
    expect((await call<Listed>(c, 'trash.list', {})).total).toBe(1);
    await call(c, 'trash.restore', { id: old.id, allowSameName: true });
    expect((await call<{ name: string }>(c, 'outlet.get', { id: old.id })).name).toBe('Radio Okapi');
  });

  it('asks for a contact’s outlet to be restored first, and brings back one whose outlet is gone for good without it', async () => {
    const c = await core();
    const outlet = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Okapi' });
    const contact = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Diallo', outlet: outlet.id });
    await call(c, 'doc.delete', { id: contact.id, rev: null });
    await call(c, 'doc.delete', { id: outlet.id, rev: null });
    expect(await fail(c, 'trash.restore', { id: contact.id })).toMatchObject({ code: 'CONFLICT', params: { reason: 'parentInTrash', parent: 'Radio Okapi' } });

    // Emptied: the outlet is gone for good, and so is the contact; one deleted afterwards comes back without an outlet.
    const other = await call<{ id: string }>(c, 'contact.create', { name: 'Jean Mukendi', outlet: outlet.id });
    expect(await call(c, 'trash.empty', {})).toEqual({ releases: 0, others: 2 });
    expect(await fail(c, 'trash.restore', { id: contact.id })).toMatchObject({ params: { reason: 'notInTrashAny' } });
    await call(c, 'doc.delete', { id: other.id, rev: null });
    expect(await call<TrashRestored>(c, 'trash.restore', { id: other.id })).toMatchObject({ outletDropped: true });
    expect((await call<{ outlet: string | null }>(c, 'contact.get', { id: other.id })).outlet).toBeNull();
  });

  it('says an attachment whose file is gone cannot come back, and restores nothing', async () => {
    const c = await core();
    const file = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'logo.pdf', data: pdf.toString('base64'), fields: {} });
    await call(c, 'attachment.delete', { id: file.id, rev: null });
    rmSync(c.ctx.blobs.path(file.sha256));
    expect(await fail(c, 'trash.restore', { id: file.id })).toMatchObject({ code: 'NOT_FOUND', params: { reason: 'trashFileGone', name: 'logo.pdf' } });
    expect((await call<Listed>(c, 'trash.list', {})).total).toBe(1);
  });

  it('empties releases and the rest together, removing the files no live attachment holds', async () => {
    const c = await core();
    const r = await call<{ id: string }>(c, 'release.create', release());
    await call(c, 'release.trash', { id: r.id, rev: null });
    const file = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'fact-sheet.pdf', data: pdf.toString('base64'), fields: {} });
    await call(c, 'attachment.delete', { id: file.id, rev: null });
    expect(existsSync(c.ctx.blobs.path(file.sha256))).toBe(true);
    expect(await call(c, 'trash.empty', {})).toEqual({ releases: 1, others: 1 });
    expect(existsSync(c.ctx.blobs.path(file.sha256))).toBe(false);
    expect(await call<Listed>(c, 'trash.list', {})).toEqual({ items: [], total: 0 });
  });
});
