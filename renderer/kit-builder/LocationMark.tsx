import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary } from '../../electron/shared/attachments/contract';
import { useClient } from '../client/context';
import type { DatelineClient } from '../client/types';

/**
 * The quiet mark on a kit item whose photo records where it was taken (GPS in its Exif or XMP),
 * as the photo's own page says (attachment.location): every export removes it, and the person
 * knows before sending that the original has it.
 *
 * Each file is asked once per connection, by its id and bytes, and a few at a time. The core reads
 * only a file's metadata (a 5 MB JPEG: 0.6 ms), so what a kit of many photos costs is round
 * trips: with no more than three in flight, the builder's saves and previews never wait behind
 * them, and each answer redraws its own mark, not the builder.
 */

export type MarkedFile = Pick<AttachmentSummary, 'id' | 'sha256' | 'mediaType' | 'here'>;

const IN_FLIGHT = 3;

interface Answers {
  /** By `id:sha256`: whether the file records a location. An error is not kept: the next visit asks again. */
  known: Map<string, boolean>;
  asking: Set<string>;
  waiting: (() => void)[];
  running: number;
  listeners: Set<() => void>;
}

const perClient = new WeakMap<DatelineClient, Answers>();

function answersOf(client: DatelineClient): Answers {
  let a = perClient.get(client);
  if (!a) {
    a = { known: new Map(), asking: new Set(), waiting: [], running: 0, listeners: new Set() };
    perClient.set(client, a);
  }
  return a;
}

function next(a: Answers): void {
  while (a.running < IN_FLIGHT && a.waiting.length > 0) a.waiting.shift()!();
}

function ask(client: DatelineClient, a: Answers, key: string, id: string): void {
  if (a.known.has(key) || a.asking.has(key)) return;
  a.asking.add(key);
  a.waiting.push(() => {
    a.running++;
    void client
      .call('attachment.location', { id })
      .then(
        (r) => {
          if (r.ok && r.value.inFile !== null) a.known.set(key, r.value.inFile);
        },
        () => undefined,
      )
      .finally(() => {
        a.asking.delete(key);
        a.running--;
        next(a);
        for (const l of a.listeners) l();
      });
  });
  next(a);
}

/** Whether the photo's file is known to record a location; asks once, when it is a photo on this computer. */
function useLocationRecorded(file: MarkedFile): boolean {
  const client = useClient();
  const answers = answersOf(client);
  // A file still on the server has no metadata to read yet; the list shows it here once it has come down.
  const key = file.here && file.mediaType.startsWith('image/') ? `${file.id}:${file.sha256}` : null;
  const subscribe = useCallback(
    (listener: () => void) => {
      answers.listeners.add(listener);
      return () => answers.listeners.delete(listener);
    },
    [answers],
  );
  const recorded = useSyncExternalStore(subscribe, () => key !== null && answers.known.get(key) === true);
  useEffect(() => {
    if (key !== null) ask(client, answers, key, file.id);
  }, [client, answers, key, file.id]);
  return recorded;
}

export function LocationMark({ file }: { file: MarkedFile }) {
  const { t } = useTranslation();
  if (!useLocationRecorded(file)) return null;
  const words = t('kitBuilder.locationRecorded');
  return (
    <span className="kit-item-location" role="img" aria-label={words} title={words}>
      {/* A map pin. */}
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5c0 3.4 4.5 8.5 4.5 8.5s4.5-5.1 4.5-8.5A4.5 4.5 0 0 0 8 1.5z" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <circle cx="8" cy="6" r="1.6" fill="currentColor" />
      </svg>
    </span>
  );
}
