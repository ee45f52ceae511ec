import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInput, unreadableStored } from '../../electron/shared/errors';
import { core, fail } from '../core-harness';

/** One zod-error → DatelineError rule: the dispatcher, a handler's own check and the CLI say the same. */
describe('invalid input', () => {
  it('names the first wrong field with its path, and says "is required" and "unknown field" plainly', () => {
    const schema = z.object({ headline: z.string(), quotes: z.array(z.object({ text: z.string().min(1, 'a quote needs text') })) }).strict();
    const missing = invalidInput(schema.safeParse({ quotes: [] }).error!, { context: 'release create' });
    expect(missing.toApiError()).toEqual({
      code: 'INVALID_INPUT',
      message: 'release create: headline: is required',
      path: ['headline'],
      params: { method: 'release create', field: 'headline', issues: 1, problem: 'is required', issue: 'required' },
    });
    const nested = invalidInput(schema.safeParse({ headline: 'x', quotes: [{ text: '' }] }).error!, { prefix: ['fields'] });
    expect(nested.message).toBe('fields.quotes.0.text: a quote needs text');
    expect(nested.path).toEqual(['fields', 'quotes', 0, 'text']);
    expect(invalidInput(schema.safeParse({ headline: 'x', quotes: [], hedline: 1 }).error!).message).toBe('input: unknown field "hedline"');
    // A value of the wrong type is not a missing one.
    expect(invalidInput(schema.safeParse({ headline: 42, quotes: [] }).error!).message).toBe('headline: Invalid input: expected string, received number');
  });

  it('gives the same shape from the dispatcher and from the attachment handler’s own check', async () => {
    const c = await core();
    const fromDispatcher = await fail(c, 'release.create', { hedline: 'Floods' });
    expect(fromDispatcher).toMatchObject({ code: 'INVALID_INPUT', message: 'release.create: input: unknown field "hedline"', params: { method: 'release.create', field: 'input' } });
    const data = Buffer.from('caption test').toString('base64');
    const fromHandler = await fail(c, 'attachment.add', { name: 'a.txt', data, fields: { caption: 42 } });
    expect(fromHandler).toMatchObject({ code: 'INVALID_INPUT', path: ['fields', 'caption'], params: { method: 'attachment.add', field: 'fields.caption' } });
  });

  it('says which stored record cannot be read and where, for a document, an old revision and a record that is not JSON', () => {
    const schema = z.object({ emails: z.array(z.object({ address: z.string() })) });
    const error = schema.safeParse({ emails: [{ address: 42 }] }).error!;
    expect(unreadableStored({ type: 'contact', id: 'con-1' }, error).toApiError()).toEqual({
      code: 'INVALID_INPUT',
      message: 'The contact "con-1" cannot be read: emails.0.address: Invalid input: expected string, received number',
      path: ['emails', 0, 'address'],
      params: { reason: 'unreadable', id: 'con-1', type: 'contact', field: 'emails.0.address', detail: 'contact "con-1": emails.0.address: Invalid input: expected string, received number' },
    });
    expect(unreadableStored({ type: 'release', id: 'rel-1', rev: '2-ab' }, error).message).toMatch(/^Revision 2-ab of the release "rel-1" cannot be read: emails\.0\.address: /);
    expect(unreadableStored({ type: 'draft', id: 'rel-1' }, 'its text is not JSON').toApiError()).toEqual({
      code: 'INVALID_INPUT',
      message: 'The draft "rel-1" cannot be read: its text is not JSON',
      path: [],
      params: { reason: 'unreadable', id: 'rel-1', type: 'draft', field: '', detail: 'draft "rel-1": its text is not JSON' },
    });
  });
});
