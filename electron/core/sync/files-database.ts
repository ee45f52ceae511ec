import { z } from 'zod';
import type { OfficeFiles } from '../../shared/sync/app-contract';
import { CouchPeer, type CouchPeerOptions } from './couch-peer';
import { SyncError } from './errors';
import { FilesPeer } from './files/files-peer';
import { answerText } from './http';

/**
 * Whether an office's files database (`<db>-files`) is there for the app's sync. When it is
 * missing, it is made only by an account the server names an administrator: CouchDB refuses
 * anyone else, and pouchdb-server drops the connection instead of answering, which would read as
 * a lost link. Without it, or without access to it, the documents still sync and the status says
 * which database to ask the administrator for.
 */
export async function openFilesDatabase(remote: CouchPeerOptions): Promise<Extract<OfficeFiles, { database: string }> | 'ready'> {
  const peer = new FilesPeer(remote);
  const database = decodeURIComponent(new URL(peer.couch.url).pathname.split('/').pop() ?? '');
  try {
    await peer.open(false);
    return 'ready';
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    // A refused password also fails the documents' sync, which reports it; here it only means "not this database".
    if (e.failure === 'auth' || e.failure === 'forbidden') return { state: 'refused', database };
    if (e.failure !== 'not-found') throw e;
  }
  if (!(await isServerAdmin(remote))) return { state: 'no-database', database };
  // Never a files database beside no documents database: that office's sync fails on this, saying so.
  await new CouchPeer(remote).open(false);
  // Known missing a moment ago: made without asking again.
  await peer.couch.create();
  return 'ready';
}

const SessionReply = z.object({ userCtx: z.object({ roles: z.array(z.string()) }) });

/**
 * Whether the account (or, with none, the anonymous user of a server with no admins yet) is a
 * server administrator, the only one CouchDB lets create databases. `remote` is one of the
 * server's databases; the question goes to the server's `/_session`.
 */
export async function isServerAdmin(remote: CouchPeerOptions): Promise<boolean> {
  const root = new URL(remote.url);
  const segments = root.pathname.split('/').filter((p) => p !== '');
  root.pathname = `/${segments.slice(0, -1).join('/')}`;
  const server = new CouchPeer({ ...remote, url: root.toString() });
  let r: Awaited<ReturnType<CouchPeer['sendBytes']>>;
  try {
    r = await server.sendBytes('GET', '/_session', undefined, [200]);
  } catch (e) {
    // No /_session there: the address given is not the server's own (a database's, say), so no
    // one there is known an administrator; the office then fails by the database it lacks.
    if (e instanceof SyncError && e.failure === 'not-found') return false;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(answerText(r.bytes));
  } catch {
    return false;
  }
  const session = SessionReply.safeParse(json);
  return session.success && session.data.userCtx.roles.includes('_admin');
}
