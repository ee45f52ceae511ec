import { m0001 } from './0001-initial';
import { m0002 } from './0002-drafts';
import { m0003 } from './0003-replication';
import { m0004 } from './0004-search-queue';
import { m0005 } from './0005-search-exact-delete';
import { m0007 } from './0007-search-best-rows';
import { m0008 } from './0008-bodies-apart';
import { m0010 } from './0010-search-list-growth';
import { m0011 } from './0011-search-digits';
import { m0012 } from './0012-revision-sessions';
import { m0013 } from './0013-phone-digits';
import { m0014 } from './0014-contact-facets';
import { m0015 } from './0015-reference-links';
import { m0016 } from './0016-search-arabic-readings';
import { m0017 } from './0017-contact-organisation';
import { m0018 } from './0018-organisation-keys';
import { m0019 } from './0019-numeric-sort-names';
import { m0020 } from './0020-phone-search-forms';
import type { Migration } from './types';

/** Every migration, in order. A new one is appended; none is ever edited once released. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0007, m0008, m0010, m0011, m0012, m0013, m0014, m0015, m0016, m0017, m0018, m0019, m0020];
/** The last migration's version (numbers may skip one that another branch took). */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
