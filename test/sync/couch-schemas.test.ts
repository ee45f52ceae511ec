import { describe, expect, it } from 'vitest';
import { BulkGetReply, isBulkGetReply } from '../../electron/core/sync/couch-schemas';

const H = 'a'.repeat(32);
const revision = (over: Record<string, unknown> = {}) => ({
  _id: 'rel-1',
  _rev: `2-${H}`,
  headline: 'Floods: the office opens a second warehouse',
  _revisions: { start: 2, ids: [H, 'b'.repeat(32)] },
  ...over,
});
const reply = (doc: unknown) => ({ results: [{ id: 'rel-1', docs: [{ ok: doc }, { error: { id: 'rel-2', rev: '1-x', error: 'not_found' } }] }] });

/** Each damaged reply, and what it damages. */
const damaged: [string, unknown][] = [
  ['no results', {}],
  ['results not a list', { results: {} }],
  ['a result without id', { results: [{ docs: [] }] }],
  ['docs not a list', { results: [{ id: 'x', docs: {} }] }],
  ['a doc that is a string', { results: [{ id: 'x', docs: ['ok'] }] }],
  ['ok is null', reply(null)],
  ['ok is a list', reply([])],
  ['empty _id', reply(revision({ _id: '' }))],
  ['numeric _id', reply(revision({ _id: 7 }))],
  ['_rev without position', reply(revision({ _rev: H }))],
  ['_rev at position 0', reply(revision({ _rev: `0-${H}` }))],
  ['_deleted a string', reply(revision({ _deleted: 'yes' }))],
  ['no _revisions', reply(revision({ _revisions: undefined }))],
  ['start 0', reply(revision({ _revisions: { start: 0, ids: [H] } }))],
  ['start a fraction', reply(revision({ _revisions: { start: 1.5, ids: [H] } }))],
  ['start beyond safe integers', reply(revision({ _revisions: { start: 2 ** 60, ids: [H] } }))],
  ['no ids', reply(revision({ _revisions: { start: 2, ids: [] } }))],
  ['an empty id', reply(revision({ _revisions: { start: 2, ids: [H, ''] } }))],
  ['a path not ending at _rev', reply(revision({ _revisions: { start: 3, ids: [H] } }))],
];

describe("the _bulk_get reply's check by hand", () => {
  it('accepts what BulkGetReply accepts, the same objects', () => {
    const good = reply(revision({ _deleted: true, extra: { nested: [1, 'é'] } }));
    expect(BulkGetReply.safeParse(good).success).toBe(true);
    expect(isBulkGetReply(good)).toBe(true);
    expect(isBulkGetReply({ results: [] })).toBe(true);
  });

  it.each(damaged)('refuses what BulkGetReply refuses: %s', (_what, value) => {
    // Never more lenient than zod; a refusal goes to zod for its wording.
    expect(BulkGetReply.safeParse(value).success).toBe(false);
    expect(isBulkGetReply(value)).toBe(false);
  });
});
