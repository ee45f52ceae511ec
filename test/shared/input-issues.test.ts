import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTACT_LIMITS, PhoneSchema } from '../../electron/shared/documents';
import { invalidInput } from '../../electron/shared/errors';
import { core, fail, release } from '../core-harness';

/**
 * INVALID_INPUT says what is wrong with a field in params (`issue` and its numbers), so the window
 * words it in the person's language; the message keeps zod's English for the CLI and the logs.
 */

const paramsOf = (schema: z.ZodType, value: unknown) => invalidInput(schema.safeParse(value).error!).params;

describe('what is wrong with a field, in params', () => {
  it('names each kind of problem by its issue, with the limit, the allowed values or the unknown fields', () => {
    const object = z.object({ name: z.string() }).strict();
    expect(paramsOf(object, {})).toMatchObject({ issue: 'required', field: 'name' });
    expect(paramsOf(object, { name: 'x', nme: 'y' })).toMatchObject({ issue: 'unknownField', keys: ['nme'] });
    expect(paramsOf(z.string().max(200), 'x'.repeat(201))).toMatchObject({ issue: 'tooLong', limit: 200 });
    expect(paramsOf(z.string().min(1, 'a contact needs a name'), '')).toMatchObject({ issue: 'empty' });
    expect(paramsOf(z.string().min(3), 'ab')).toMatchObject({ issue: 'tooShort', limit: 3 });
    expect(paramsOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toMatchObject({ issue: 'tooMany', limit: 2 });
    expect(paramsOf(z.array(z.string()).min(2), ['a'])).toMatchObject({ issue: 'tooFew', limit: 2 });
    expect(paramsOf(z.number().max(10), 11)).toMatchObject({ issue: 'tooBig', limit: 10 });
    expect(paramsOf(z.number().min(1), 0)).toMatchObject({ issue: 'tooSmall', limit: 1 });
    expect(paramsOf(z.number().int(), 1.5)).toMatchObject({ issue: 'notWhole' });
    expect(paramsOf(z.string(), 42)).toMatchObject({ issue: 'notText' });
    expect(paramsOf(z.number(), 'x')).toMatchObject({ issue: 'notNumber' });
    expect(paramsOf(z.boolean(), 'x')).toMatchObject({ issue: 'notYesNo' });
    expect(paramsOf(z.array(z.string()), 'x')).toMatchObject({ issue: 'notList' });
    expect(paramsOf(z.object({}), 'x')).toMatchObject({ issue: 'notGroup' });
    expect(paramsOf(z.email(), 'amina@')).toMatchObject({ issue: 'notEmail' });
    expect(paramsOf(z.url(), 'nope')).toMatchObject({ issue: 'notUrl' });
    expect(paramsOf(z.iso.datetime(), 'soon')).toMatchObject({ issue: 'notDateTime' });
    expect(paramsOf(z.string().regex(/^#[0-9a-f]{6}$/, 'a colour is written #RRGGBB'), 'red')).toMatchObject({ issue: 'badFormat' });
    expect(paramsOf(z.enum(['draft', 'approved']), 'sent')).toMatchObject({ issue: 'notOneOf', values: ['draft', 'approved'] });
    expect(paramsOf(PhoneSchema, { number: '+41 22 abc' })).toMatchObject({ issue: 'notPhone', phone: 'character', char: 'a' });
    expect(paramsOf(z.string().refine(() => false, 'no'), 'x')).toMatchObject({ issue: 'invalid' });
    expect(paramsOf(z.union([z.string(), z.number()]), true)).toMatchObject({ issue: 'invalid' });
  });

  it('keeps zod’s English in the message, and sends no English in the issue’s params', () => {
    const e = invalidInput(z.object({ name: z.string().max(200) }).safeParse({ name: 'x'.repeat(201) }).error!, { context: 'contact.create' });
    expect(e.message).toBe('contact.create: name: Too big: expected string to have <=200 characters');
    const { problem: _english, ...worded } = e.params!;
    expect(worded).toEqual({ method: 'contact.create', field: 'name', issues: 1, issue: 'tooLong', limit: 200 });
  });

  it('says a date that is not one, and one the calendar does not have, by their own issues', async () => {
    const c = await core();
    const notDate = await fail(c, 'release.create', release({ releaseDate: '3 December' }));
    expect(notDate).toMatchObject({ code: 'INVALID_INPUT', message: 'release.create: releaseDate: a date is written YYYY-MM-DD', params: { field: 'releaseDate', issue: 'notDate' } });
    const notInCalendar = await fail(c, 'release.create', release({ releaseDate: '2026-02-30' }));
    expect(notInCalendar).toMatchObject({ message: 'release.create: releaseDate: this date does not exist in the calendar', params: { issue: 'notInCalendar' } });
    const zone = await fail(c, 'release.create', release({ embargo: { at: '2026-12-03T13:00:00Z', timeZone: 'Europe/Genva' } }));
    expect(zone).toMatchObject({ params: { field: 'embargo.timeZone', issue: 'notTimeZone' } });
  });

  it('sends the issue from the dispatcher: a contact’s name too long, an e-mail that is not one, a status not allowed', async () => {
    const c = await core();
    const long = await fail(c, 'contact.create', { kind: 'journalist', name: 'x'.repeat(CONTACT_LIMITS.name + 1) });
    expect(long).toMatchObject({ code: 'INVALID_INPUT', params: { method: 'contact.create', field: 'name', issue: 'tooLong', limit: CONTACT_LIMITS.name } });
    const email = await fail(c, 'contact.create', { kind: 'journalist', name: 'Amina', emails: [{ type: 'work', address: 'amina@', visibility: 'public' }] });
    expect(email).toMatchObject({ params: { field: 'emails.0.address', issue: 'notEmail' } });
    const status = await fail(c, 'release.create', release({ status: 'sent' }));
    expect(status.params).toMatchObject({ field: 'status', issue: 'notOneOf' });
    expect(status.params?.values).toContain('draft');
  });
});
