import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { formatLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { formatBytes } from '../ui/languages';
import { readCandidate, type Candidate, type FileProblem } from './files';

export interface AddOutcome {
  name: string;
  ok: boolean;
  message: string;
}

/** Adds picked or dropped files one by one, reporting each one's fate in words. */
export function useAddFiles(opts: { release?: string; onAdded: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [limit, setLimit] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<AddOutcome[]>([]);
  const { release, onAdded } = opts;

  useEffect(() => {
    let live = true;
    void client.call('library.info', {}).then((res) => {
      if (live && res.ok) setLimit(res.value.attachmentLimitBytes);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const describe = useCallback(
    (p: FileProblem): string => {
      const locale = formatLocale(i18n.language);
      switch (p.kind) {
        case 'folder':
          return t('attachments.problem.folder', { name: p.name });
        case 'empty':
          return t('attachments.problem.empty', { name: p.name });
        case 'tooLarge':
          return t('attachments.problem.tooLarge', { name: p.name, size: formatBytes(p.size, locale), limit: formatBytes(p.limit, locale) });
        case 'unreadable':
          return t('attachments.problem.unreadable', { name: p.name, detail: p.detail });
      }
    },
    [i18n.language, t],
  );

  const addFiles = useCallback(
    async (candidates: Candidate[]) => {
      if (candidates.length === 0) return;
      setBusy(true);
      const results: AddOutcome[] = [];
      const added: string[] = [];
      // Until the library says otherwise, the core's own check (FILE_TOO_LARGE) still applies.
      const max = limit ?? Number.MAX_SAFE_INTEGER;
      for (const c of candidates) {
        const read = await readCandidate(c, max);
        if (!read.ok) {
          results.push({ name: read.problem.name, ok: false, message: describe(read.problem) });
          continue;
        }
        const { file } = read;
        const res = await client.call('attachment.add', {
          name: file.name,
          data: file.data,
          ...(file.mediaType ? { mediaType: file.mediaType } : {}),
          ...(release ? { fields: { releases: [release] } } : {}),
        });
        if (res.ok) {
          added.push(res.value.id);
          results.push({ name: file.name, ok: true, message: t(res.value.deduped ? 'attachments.addedDuplicate' : 'attachments.added', { name: file.name }) });
        } else {
          results.push({ name: file.name, ok: false, message: t('attachments.notAdded', { name: file.name, reason: errorText(t, res.error as ApiError) }) });
        }
      }
      setOutcomes(results);
      setBusy(false);
      if (added.length > 0) onAdded(added);
    },
    [client, describe, limit, onAdded, release, t],
  );

  return { addFiles, busy, outcomes, limit, clearOutcomes: () => setOutcomes([]) };
}
