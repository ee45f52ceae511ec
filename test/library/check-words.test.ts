import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import type { LibraryProblem } from '../../electron/shared/library/problems';
import { jobStepText } from '../../electron/shared/library/job-steps';
import { setUpI18n } from '../../renderer/i18n';
import { jobStepWords, libraryProblemWords } from '../../renderer/i18n/jobs';
import { call, core } from '../core-harness';
import { tempDir } from '../helpers';

/** Arabic wraps each value in isolates (FSI…PDI); these assertions read the words. */
const plain = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

describe('a library check reports codes, and each language words them', () => {
  it('finds a missing attachment file and says so in English, French and Arabic', async () => {
    const c = await core();
    const text = Buffer.from('Kasese water points: 12 boreholes, 3 springs.\n');
    const added = await call<{ sha256: string }>(c, 'attachment.add', { name: 'facts.txt', data: text.toString('base64') });
    rmSync(c.ctx.blobs.path(added.sha256));
    expect(c.ctx.blobs.has(added.sha256)).toBe(false);

    const events: CoreEvent[] = [];
    const off = c.jobs.on((e) => events.push(e));
    const { jobId } = await call<{ jobId: string }>(c, 'library.check', {});
    const result = (await c.jobs.wait(jobId)) as { problems: LibraryProblem[] };
    off();

    expect(result.problems).toEqual([{ code: 'FILE_MISSING', params: { file: added.sha256.slice(0, 12) } }]);
    const last = events.filter((e) => e.type === 'job.progress' || e.type === 'job.done').at(-1);
    expect(last?.type).toBe('job.done');
    const job = last && 'job' in last ? last.job : null;
    expect(job?.step).toEqual({ code: 'CHECK_DONE', params: { count: 1 } });
    expect(job?.message).toBe('1 problem');

    const en = setUpI18n('en');
    expect(jobStepWords(en.t, job!)).toBe('1 problem found');
    expect(libraryProblemWords(en.t, result.problems[0]!)).toBe(`The file ${added.sha256.slice(0, 12)}… of an attachment is missing from the library folder`);
    const fr = setUpI18n('fr');
    expect(jobStepWords(fr.t, job!)).toBe('1 problème détecté');
    expect(libraryProblemWords(fr.t, result.problems[0]!)).toBe(`Le fichier ${added.sha256.slice(0, 12)}… d’une pièce jointe manque dans le dossier de la bibliothèque`);
    const ar = setUpI18n('ar');
    expect(plain(jobStepWords(ar.t, job!))).toBe('عُثر على مشكلة واحدة');
    expect(plain(libraryProblemWords(ar.t, { code: 'BROKEN_REFERENCES', params: { count: 11 } }))).toBe('11 مرجعًا مقطوعًا بين جداول المكتبة');
  });

  it('words every step of a backup from its code and numbers, in Spanish', async () => {
    const c = await core();
    const out = join(tempDir(), 'library.backup');
    const events: CoreEvent[] = [];
    const off = c.jobs.on((e) => events.push(e));
    const { jobId } = await call<{ jobId: string }>(c, 'library.backup', { out });
    await c.jobs.wait(jobId);
    off();
    const es = setUpI18n('es');
    const steps = events.flatMap((e) => ('job' in e && e.job.step ? [e.job.step] : []));
    expect(steps.map((s) => s.code)).toContain('BACKUP_WRITTEN');
    expect(steps.map((s) => jobStepWords(es.t, { step: s }))).toContain('Copia de seguridad escrita');
    expect(jobStepWords(es.t, { step: { code: 'BACKUP_FILES', params: { done: 3, total: 7 } } })).toBe('Copiando archivos (3 de 7)…');
    expect(jobStepText({ code: 'BACKUP_FILES', params: { done: 3, total: 7 } })).toBe('Copying files (3 of 7)');
  });

  it('words the compaction step from its code in every language', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'release.create', { headline: 'Boreholes in Kasese', language: 'en' });
    await call(c, 'release.update', { id, fields: { headline: 'Boreholes in Kasese (2)' } });
    const events: CoreEvent[] = [];
    const off = c.jobs.on((e) => events.push(e));
    const { jobId } = await call<{ jobId: string }>(c, 'library.compact', {});
    await c.jobs.wait(jobId);
    off();
    const last = events.filter((e) => e.type === 'job.progress' || e.type === 'job.done').at(-1);
    const job = last && 'job' in last ? last.job : null;
    expect(job?.step).toEqual({ code: 'COMPACT_REMOVING', params: {} });
    expect(job?.message).toBe('Removing old versions');
    const words = (lng: 'en' | 'fr' | 'es' | 'ar') => plain(jobStepWords(setUpI18n(lng).t, job!));
    expect([words('en'), words('fr'), words('es'), words('ar')]).toEqual([
      'Removing old versions…',
      'Suppression des anciennes versions…',
      'Eliminando las versiones antiguas…',
      'جارٍ حذف الإصدارات القديمة…',
    ]);
  });
});
