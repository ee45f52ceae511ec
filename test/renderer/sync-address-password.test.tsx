// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import type { SyncStatus } from '../../electron/shared/contract';
import { passwordStaysWith } from '../../electron/shared/sync/server-address';
import { ServerSection } from '../../renderer/sync/ServerSection';
import { call, closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';
import { coreClient, renderWithClient } from './with-core';
import { memoryKeychain } from '../sync/memory-keychain';

// Settings → Server: correcting the server's address (its port, its path) keeps the password of
// the same account on the same host; another host or account forgets it, and the section says so
// before and after Save, instead of the password silently going.

afterEach(cleanup);

describe('the password when the server address is corrected', () => {
  it('stays for the same account on the same host, and goes, said, with another host', async () => {
    const secrets = memoryKeychain();
    const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', sync: { secrets } }));
    await c.ctx.sync!.whenReady();
    const goma = (await call<{ id: string }>(c, 'office.create', { name: 'Goma' })).id;
    await call(c, 'sync.configure', { server: 'https://sync.example.org', user: 'amina', offices: [goma] });
    await call(c, 'sync.password', { password: 'right-one', remember: true });

    renderWithClient(coreClient(c), <ServerSection />);
    const server = await screen.findByLabelText('Server address', {}, { timeout: 15_000 });
    const password = screen.getByLabelText('Password', { exact: true });
    await waitFor(() => expect(password.getAttribute('placeholder')).toBe('Known (leave empty to keep it)'));

    // Only the port and the path corrected: nothing is said, and the password stays, in the keychain too.
    fireEvent.change(server, { target: { value: 'https://sync.example.org:6984/couchdb' } });
    expect(screen.queryByText(/saved with another server or account, it is forgotten/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect((await call<SyncStatus>(c, 'sync.status', {})).password).toBe('kept');
    expect([...secrets.kept.entries()]).toEqual([['amina@https://sync.example.org:6984/couchdb', 'right-one']]);

    // Another host: said at the password field as it is typed, the placeholder no longer says "Known".
    fireEvent.change(server, { target: { value: 'https://sync.other-ngo.example' } });
    const warned = await screen.findByText(/The password this computer knows is for the account at https:\/\/sync\.example\.org:6984\/couchdb/);
    expect(password.getAttribute('aria-describedby')).toContain(warned.id);
    expect(password.getAttribute('placeholder')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. The password was for the previous server or account, so it was forgotten: type this one’s password, then Save.');
    expect(document.activeElement).toBe(password);
    expect((await call<SyncStatus>(c, 'sync.status', {})).password).toBe('none');
    expect(secrets.kept.size).toBe(0);
  });

  it('is judged by host and account, never sent unencrypted where it went encrypted', () => {
    const at = (server: string, user = 'amina') => ({ server, user });
    expect(passwordStaysWith(at('https://sync.example.org'), at('https://SYNC.example.org:6984/couch/'))).toBe(true);
    expect(passwordStaysWith(at('http://192.168.1.20:5984'), at('https://192.168.1.20:6984'))).toBe(true);
    expect(passwordStaysWith(at('http://[fe80::1]:5984'), at('http://[fe80::1]:5985'))).toBe(true);
    expect(passwordStaysWith(at('https://sync.example.org'), at('http://sync.example.org'))).toBe(false);
    expect(passwordStaysWith(at('https://sync.example.org'), at('https://sync.example.org.evil.example'))).toBe(false);
    expect(passwordStaysWith(at('https://sync.example.org'), at('https://sync.example.org', 'omar'))).toBe(false);
    expect(passwordStaysWith(at('https://sync.example.org', ''), at('https://sync.example.org:1', ''))).toBe(false);
  });
});
