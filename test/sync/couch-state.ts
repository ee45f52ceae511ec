/**
 * What a CouchDB-protocol database holds, read straight from the server: each document's
 * winner (as the server decides it) and every leaf, so two databases can be compared.
 */

export interface DocState {
  winner: string | 'deleted';
  /** Every leaf, live and deleted, sorted. */
  leaves: string[];
}

export async function couchState(db: string): Promise<Record<string, DocState>> {
  const feed = (await (await fetch(`${db}/_changes?style=all_docs`)).json()) as { results: { id: string }[] };
  const out: Record<string, DocState> = {};
  for (const { id } of feed.results.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (id.startsWith('_')) continue;
    const path = `${db}/${encodeURIComponent(id)}`;
    const open = (await (await fetch(`${path}?open_revs=all`, { headers: { Accept: 'application/json' } })).json()) as { ok?: { _rev: string } }[];
    const res = await fetch(path);
    const winner = res.status === 404 ? 'deleted' : ((await res.json()) as { _rev: string })._rev;
    out[id] = { winner, leaves: open.flatMap((o) => (o.ok ? [o.ok._rev] : [])).sort() };
  }
  return out;
}

/** Writes documents the ordinary way (the server makes the revisions); returns their revs by id. */
export async function putDocs(db: string, docs: Record<string, unknown>[]): Promise<Record<string, string>> {
  const res = await fetch(`${db}/_bulk_docs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ docs }) });
  const rows = (await res.json()) as { id: string; rev: string; error?: string }[];
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (r.error) throw new Error(`${r.id}: ${r.error}`);
    out[r.id] = r.rev;
  }
  return out;
}
