import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../electron/core/http/download';
import type { ApiError } from '../../electron/shared/errors';
import type { KitExportDownload } from '../../electron/shared/kits/contract';
import type { BackupDownload } from '../../electron/shared/library/contract';
import { serveFresh, type Serving } from './running';

// Web mode's downloads by link: a ticket minted behind the token stands for one file, good once
// and for a minute, so the browser saves the file as it arrives instead of the page holding it.

let clock = 1_000_000;
async function start(): Promise<Serving> {
  return serveFresh({}, { now: () => clock });
}

function post(r: Serving, path: string, input: unknown, token: string | null = r.server.token): Promise<Response> {
  return fetch(`${r.server.origin}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-dateline-token': token }) },
    body: JSON.stringify(input),
  });
}

async function job<T>(r: Serving, method: string, input: unknown): Promise<T> {
  const res = (await (await post(r, method, input)).json()) as { ok: true; value: { jobId: string } } | { ok: false; error: ApiError };
  if (!res.ok) throw new Error(res.error.message);
  return (await r.core.jobs.wait(res.value.jobId)) as T;
}

/** A ticket's link for the download, as the page asks for it. */
async function ticket(r: Serving, download: string): Promise<string> {
  const res = (await (await post(r, 'download-ticket', { download })).json()) as { ok: true; value: { url: string } };
  expect(res.ok).toBe(true);
  return `${r.server.origin}${res.value.url}`;
}

describe('web mode: a download by link', () => {
  it('gives the file once to its ticket, without the token, with its name; the ticket then answers in words', async () => {
    const r = await start();
    const made = await job<BackupDownload>(r, 'library.backupFile', {});
    const link = await ticket(r, made.download);
    expect(link).not.toContain(r.server.token);

    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(made.name)}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(made.bytes);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

    // Used: a program reads JSON, a browser a page in its language; neither shows the ticket.
    const again = await fetch(link);
    expect(again.status).toBe(410);
    const json = (await again.json()) as { ok: false; error: ApiError };
    expect(json.error).toMatchObject({ code: 'NOT_FOUND', params: { reason: 'used' } });
    expect(json.error.message).toContain('each download link works once');
    const page = await fetch(link, { headers: { accept: 'text/html', 'accept-language': 'ar-EG,en;q=0.5' } });
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('رابط التنزيل هذا لم يعد يعمل');
    expect(html).toContain('كل رابط تنزيل يعمل مرة واحدة');
    expect(html).not.toContain(link.split('/download/')[1]!);
    // The file itself was sent once and is gone: a new ticket is refused, in words the app shows.
    const gone = await post(r, 'download-ticket', { download: made.download });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { ok: false; error: ApiError }).error).toMatchObject({ code: 'NOT_FOUND', params: { reason: 'downloadGone' } });
  });

  it('mints a ticket only with the token, for a download that waits', async () => {
    const r = await start();
    const made = await job<BackupDownload>(r, 'library.backupFile', {});
    expect((await post(r, 'download-ticket', { download: made.download }, null)).status).toBe(401);
    expect((await post(r, 'download-ticket', { download: made.download }, 'x'.repeat(43))).status).toBe(401);
    const unknown = await post(r, 'download-ticket', { download: 'no-such-download' });
    expect(unknown.status).toBe(404);
    expect((await post(r, 'download-ticket', { nothing: true })).status).toBe(400);
    const asGet = await fetch(`${r.server.origin}/api/download-ticket`, { headers: { 'x-dateline-token': r.server.token } });
    expect(asGet.status).toBe(405);
    // A made-up ticket gives nothing, and says so.
    const madeUp = await fetch(`${r.server.origin}/download/${'A'.repeat(43)}`);
    expect(madeUp.status).toBe(404);
    expect(((await madeUp.json()) as { ok: false; error: ApiError }).error.params).toEqual({ reason: 'unknown' });
    // Nothing above touched the file: the one with the token still gets it.
    expect((await fetch(await ticket(r, made.download))).status).toBe(200);
  });

  it('refuses a ticket over a minute old, and leaves the file for a fresh one', async () => {
    const r = await start();
    const made = await job<BackupDownload>(r, 'library.backupFile', {});
    const link = await ticket(r, made.download);
    clock += 60_001;
    const late = await fetch(link, { headers: { accept: 'text/html', 'accept-language': 'fr-CH, fr;q=0.9' } });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('un lien de téléchargement ne vaut qu’une minute');
    const fresh = await fetch(await ticket(r, made.download));
    expect(fresh.status).toBe(200);
    expect(Buffer.from(await fresh.arrayBuffer()).length).toBe(made.bytes);
  });

  it('names an Arabic kit\'s export in UTF-8 (RFC 5987), and leaves nothing behind once fetched', async () => {
    const r = await start();
    const release = (await (await post(r, 'release.create', { headline: 'وصول البذور إلى موبتي', language: 'ar' })).json()) as { ok: true; value: { id: string } };
    const kit = (await (await post(r, 'kit.create', { title: 'ملف البذور (موبتي)', language: 'ar', items: [{ kind: 'release', id: release.value.id }] })).json()) as {
      ok: true;
      value: { id: string };
    };
    const made = await job<KitExportDownload>(r, 'kit.exportDownload', { id: kit.value.id, format: 'docx', confirmEmbargo: false });
    expect(made.name).toMatch(/^ملف البذور.*\.docx$/u);
    // It waits in a folder named for what it is, a kit's export, not a backup.
    const tmp = join(r.core.ctx.dir, 'tmp');
    expect(readdirSync(tmp).filter((n) => n.startsWith('kit-export-'))).toHaveLength(1);
    expect(readdirSync(tmp).filter((n) => n.startsWith('backup-file-'))).toEqual([]);
    const res = await fetch(await ticket(r, made.download));
    const header = res.headers.get('content-disposition')!;
    expect(header).toBe(contentDisposition(made.name));
    expect(header).toMatch(/^attachment; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(header.split("''")[1]!)).toBe(made.name);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(made.bytes);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => (existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('kit-export-')) : [])).toEqual([]);
  });
});
