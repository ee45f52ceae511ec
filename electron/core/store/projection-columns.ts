import type { CONTACT_KINDS, OUTLET_KINDS } from '../../shared/documents';

/**
 * Each projection table's columns, declared once: the projection writes them in this order,
 * the list queries select them and get their row type from here, the bench's raw peer creates
 * its tables from them, and a test checks that a library's tables (made by the migrations,
 * which never change once shipped) have exactly these columns. `doc_rowid`, the key every
 * projection shares, is not listed. A new column needs a new migration that adds it.
 */

/** One column: its SQL declaration, and (for the types only) the value a row holds. */
export interface Column<V> {
  readonly sql: 'TEXT' | 'TEXT NOT NULL' | 'INTEGER NOT NULL';
  /** Never set: carries the row type. */
  readonly value?: V;
}

const text = <V extends string = string>(): Column<V> => ({ sql: 'TEXT NOT NULL' });
const optionalText = (): Column<string | null> => ({ sql: 'TEXT' });
const integer = (): Column<number> => ({ sql: 'INTEGER NOT NULL' });

export const PROJECTION_COLUMNS = {
  release_p: {
    headline: text(),
    language: text(),
    // "trashed" for a release in the trash, whatever its status: every list leaves it out in one place.
    status: text(),
    office: optionalText(),
    release_date: optionalText(),
    embargo_at: optionalText(),
    translation_group: optionalText(),
    updated_at: text(),
  },
  contact_p: {
    kind: text<(typeof CONTACT_KINDS)[number]>(),
    name: text(),
    sort_name: text(),
    organisation: optionalText(),
    outlet: optionalText(),
    office: optionalText(),
    updated_at: text(),
  },
  outlet_p: {
    name: text(),
    sort_name: text(),
    kind: text<(typeof OUTLET_KINDS)[number]>(),
    updated_at: text(),
  },
  attachment_p: {
    sha256: text(),
    original_name: text(),
    media_type: text(),
    size: integer(),
    updated_at: text(),
  },
  kit_p: {
    title: text(),
    language: text(),
    item_count: integer(),
    updated_at: text(),
  },
  office_p: {
    name: text(),
    updated_at: text(),
  },
} as const satisfies Record<string, Record<string, Column<unknown>>>;

export type ProjectionTable = keyof typeof PROJECTION_COLUMNS;
export type ColumnOf<T extends ProjectionTable> = keyof (typeof PROJECTION_COLUMNS)[T] & string;

/** A row of a projection as SQLite returns it. */
export type ProjectionRow<T extends ProjectionTable> = {
  -readonly [K in ColumnOf<T>]: (typeof PROJECTION_COLUMNS)[T][K] extends Column<infer V> ? V : never;
};

/** The declared columns of a table, in order. */
export function columnNames<T extends ProjectionTable>(table: T): ColumnOf<T>[] {
  return Object.keys(PROJECTION_COLUMNS[table]) as ColumnOf<T>[];
}

/** "headline TEXT NOT NULL, language TEXT NOT NULL, ...": the columns inside a CREATE TABLE. */
export function columnDefinitions(table: ProjectionTable): string {
  return Object.entries(PROJECTION_COLUMNS[table])
    .map(([name, c]: [string, Column<unknown>]) => `${name} ${c.sql}`)
    .join(', ');
}

/** "p.headline, p.language, ...": every declared column of the table aliased `alias`. */
export function selectList(table: ProjectionTable, alias = 'p'): string {
  return columnNames(table)
    .map((c) => `${alias}.${c}`)
    .join(', ');
}
