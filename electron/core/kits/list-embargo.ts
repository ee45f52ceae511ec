import type { Doc } from '../../shared/documents';
import type { CoreContext } from '../context';

/**
 * The embargo each listed kit would carry if exported now (the latest still in force among its
 * releases), for a whole page of kits at once: one query reads every release the page names,
 * with the language versions of their translation groups, instead of a few queries per kit.
 * The rules are those of the export: an item without chosen languages is its release; an item
 * with chosen languages is those versions, and one whose release is gone or lacks a chosen
 * version is passed over here (the export is where that is said).
 */

type Embargo = { at: string; timeZone: string };

interface VersionRow {
  source: string;
  language: string;
  embargo_at: string | null;
  time_zone: string | null;
  /** 1 for the source release itself, 0 for another version of its group. */
  self: number;
}

// The release itself, then the other live versions of its translation group; a release's
// time zone is read from its body only when it has an embargo at all.
const VERSIONS_SQL = `
  WITH src(id) AS (SELECT DISTINCT value FROM json_each(?)),
  s AS (
    SELECT src.id AS source, sd.rowid AS rowid, sp.translation_group AS grp
    FROM src JOIN docs sd ON sd.id = src.id AND sd.deleted = 0 AND sd.type = 'release'
    JOIN release_p sp ON sp.doc_rowid = sd.rowid
  ),
  v AS (
    SELECT s.source, s.rowid AS vrow, 1 AS self FROM s
    UNION ALL
    SELECT s.source, p.doc_rowid, 0 FROM s JOIN release_p p ON p.translation_group = s.grp AND p.doc_rowid <> s.rowid
  )
  SELECT v.source, v.self, p.language, p.embargo_at,
    CASE WHEN p.embargo_at IS NOT NULL THEN (SELECT json_extract(r.body, '$.embargo.timeZone') FROM revs r WHERE r.doc_rowid = d.rowid AND r.rev = d.winner) END AS time_zone
  FROM v JOIN release_p p ON p.doc_rowid = v.vrow JOIN docs d ON d.rowid = v.vrow AND d.deleted = 0
  ORDER BY v.source, p.language`;

export function kitEmbargoes(ctx: CoreContext, kits: readonly Doc<'kit'>[], now = new Date()): Map<string, Embargo | null> {
  const sources = [...new Set(kits.flatMap((k) => k.items.flatMap((i) => (i.kind === 'release' ? [i.id] : []))))];
  const bySource = new Map<string, VersionRow[]>();
  if (sources.length > 0) {
    const rows = ctx.library.db.prepare(VERSIONS_SQL).all(JSON.stringify(sources)) as VersionRow[];
    for (const r of rows) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  }
  const out = new Map<string, Embargo | null>();
  for (const kit of kits) {
    let latest: Embargo | null = null;
    for (const item of kit.items) {
      if (item.kind !== 'release') continue;
      const versions = bySource.get(item.id);
      if (!versions) continue;
      const chosen = item.languages && item.languages.length > 0 ? item.languages.map((l) => versions.find((v) => v.language === l)) : [versions.find((v) => v.self === 1)];
      if (chosen.some((v) => v === undefined)) continue;
      for (const v of chosen) {
        if (!v?.embargo_at || !v.time_zone) continue;
        const at = Date.parse(v.embargo_at);
        if (at > now.getTime() && (!latest || at > Date.parse(latest.at))) latest = { at: v.embargo_at, timeZone: v.time_zone };
      }
    }
    out.set(kit.id, latest);
  }
  return out;
}
