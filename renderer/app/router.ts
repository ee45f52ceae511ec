import { useEffect, useState } from 'react';
import { mayLeaveFor } from './leave-guard';

/**
 * Hash routes: they work the same from app:// in the desktop app and from the web server,
 * and need no server-side fallback.
 */
export type Route =
  | { screen: 'releases' }
  | { screen: 'release'; id: string }
  | { screen: 'newRelease'; language: string | null }
  | { screen: 'trash' }
  | { screen: 'contacts' }
  | { screen: 'contact'; id: string | null }
  | { screen: 'contactImport' }
  | { screen: 'outlets' }
  | { screen: 'outlet'; id: string | null }
  | { screen: 'attachments' }
  | { screen: 'attachment'; id: string }
  | { screen: 'kits' }
  | { screen: 'kit'; id: string }
  | { screen: 'import' }
  | { screen: 'conflicts' }
  /** `part`: the part of Settings to show first (the sync badge opens the sync settings). */
  | { screen: 'settings'; part?: 'sync' }
  | { screen: 'office'; id: string | null }
  | { screen: 'not-found'; path: string };

export type Section = 'releases' | 'import' | 'contacts' | 'attachments' | 'kits' | 'conflicts' | 'settings';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [first, second, third] = parts;
  switch (first) {
    case undefined:
    case 'releases':
      // Ids start with "rel", so "new" and "trash" never name a release.
      if (second === 'new') return { screen: 'newRelease', language: third ?? null };
      if (second === 'trash') return { screen: 'trash' };
      return second ? { screen: 'release', id: second } : { screen: 'releases' };
    case 'contacts':
      if (second === 'new') return { screen: 'contact', id: null };
      if (second === 'import') return { screen: 'contactImport' };
      return second ? { screen: 'contact', id: second } : { screen: 'contacts' };
    case 'outlets':
      if (second === 'new') return { screen: 'outlet', id: null };
      return second ? { screen: 'outlet', id: second } : { screen: 'outlets' };
    case 'attachments':
      return second ? { screen: 'attachment', id: second } : { screen: 'attachments' };
    case 'kits':
      return second ? { screen: 'kit', id: second } : { screen: 'kits' };
    case 'import':
      return { screen: 'import' };
    case 'conflicts':
      return { screen: 'conflicts' };
    case 'settings':
      if (second === 'offices' && third) return { screen: 'office', id: third === 'new' ? null : third };
      if (second === 'sync') return { screen: 'settings', part: 'sync' };
      return { screen: 'settings' };
    default:
      return { screen: 'not-found', path };
  }
}

export function sectionOf(route: Route): Section | null {
  switch (route.screen) {
    case 'releases':
    case 'release':
    case 'newRelease':
    case 'trash':
      return 'releases';
    case 'contacts':
    case 'contact':
    case 'contactImport':
    case 'outlets':
    case 'outlet':
      return 'contacts';
    case 'attachments':
    case 'attachment':
      return 'attachments';
    case 'kits':
    case 'kit':
      return 'kits';
    case 'import':
      return 'import';
    case 'conflicts':
      return 'conflicts';
    case 'settings':
    case 'office':
      return 'settings';
    case 'not-found':
      return null;
  }
}

export const href = {
  releases: () => '#/releases',
  import: () => '#/import',
  release: (id: string) => `#/releases/${encodeURIComponent(id)}`,
  newRelease: (language: string | null) => (language ? `#/releases/new/${encodeURIComponent(language)}` : '#/releases/new'),
  trash: () => '#/releases/trash',
  contacts: () => '#/contacts',
  contact: (id: string) => `#/contacts/${encodeURIComponent(id)}`,
  newContact: () => '#/contacts/new',
  contactImport: () => '#/contacts/import',
  outlets: () => '#/outlets',
  outlet: (id: string) => `#/outlets/${encodeURIComponent(id)}`,
  newOutlet: () => '#/outlets/new',
  attachments: () => '#/attachments',
  attachment: (id: string) => `#/attachments/${encodeURIComponent(id)}`,
  kits: () => '#/kits',
  kit: (id: string) => `#/kits/${encodeURIComponent(id)}`,
  conflicts: () => '#/conflicts',
  settings: () => '#/settings',
  syncSettings: () => '#/settings/sync',
  office: (id: string) => `#/settings/offices/${encodeURIComponent(id)}`,
  newOffice: () => '#/settings/offices/new',
};

export function navigate(to: string): void {
  if (window.location.hash !== to) window.location.hash = to;
}

/**
 * The screen the address names. Leaving a form with unsaved changes asks first (leave-guard.ts):
 * until the person answers, the address is put back to the screen still shown.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  // The address the first render showed: one changed before the listener below was added (the
  // app still starting) is followed too, not taken for the one shown.
  const [rendered] = useState(() => window.location.hash);
  useEffect(() => {
    let shown = rendered;
    const update = () => {
      const next = window.location.hash;
      if (next === shown) return;
      if (!mayLeaveFor(next)) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${shown}`);
        return;
      }
      shown = next;
      setRoute(parseRoute(next));
    };
    window.addEventListener('hashchange', update);
    update();
    return () => window.removeEventListener('hashchange', update);
  }, [rendered]);
  return route;
}
