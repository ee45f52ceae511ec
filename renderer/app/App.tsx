import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client/context';
import { DisplayProvider } from '../i18n/DisplayProvider';
import { useAnnounceLanguage } from '../i18n/useAnnounceLanguage';
import { AttachmentsScreen } from '../attachments/AttachmentsScreen';
import { ContactEditor } from '../contacts/ContactEditor';
import { ContactsScreen } from '../contacts/ContactsScreen';
import { ContactImportScreen } from '../contacts/ContactImportScreen';
import { ConflictsScreen } from '../conflicts/ConflictsScreen';
import { useConflictCount } from '../conflicts/useConflictCount';
import { useOnlineReport } from '../sync/useSyncStatus';
import { SyncBadge } from '../sync/SyncBadge';
import { ImportScreen } from '../import/ImportScreen';
import { OutletEditor } from '../outlets/OutletEditor';
import { OutletsScreen } from '../outlets/OutletsScreen';
import { KitBuilder } from '../kit-builder/KitBuilder';
import { KitsScreen } from '../kits/KitsScreen';
import { NewRelease, ReleaseEditor } from '../releases/ReleaseEditor';
import { TrashScreen } from '../releases/TrashScreen';
import { ReleasesScreen } from '../releases/ReleasesScreen';
import { OfficeEditor } from '../settings/OfficeEditor';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { GlobalSearch, SEARCH_SHORTCUT } from './GlobalSearch';
import { JobTray } from './JobTray';
import { LeaveQuestion } from './LeaveQuestion';
import { LibraryNotice } from './LibraryNotice';
import { LibraryProblem } from './LibraryProblem';
import { NoToken } from './NoToken';
import { RestoreStatus } from './RestoreStatus';
import { href, sectionOf, useRoute, type Route, type Section } from './router';
import { shortcutText } from '../ui/shortcuts';

const SECTIONS: { id: Section; to: string }[] = [
  { id: 'releases', to: href.releases() },
  { id: 'import', to: href.import() },
  { id: 'contacts', to: href.contacts() },
  { id: 'attachments', to: href.attachments() },
  { id: 'kits', to: href.kits() },
  { id: 'conflicts', to: href.conflicts() },
  { id: 'settings', to: href.settings() },
];

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.screen) {
    case 'releases':
      return <ReleasesScreen />;
    case 'release':
      return <ReleaseEditor key={route.id} id={route.id} />;
    case 'newRelease':
      return <NewRelease key={route.language ?? ''} language={route.language} />;
    case 'trash':
      return <TrashScreen />;
    case 'contacts':
      return <ContactsScreen />;
    case 'contact':
      return <ContactEditor key={route.id ?? 'new'} id={route.id} />;
    case 'contactImport':
      return <ContactImportScreen />;
    case 'outlets':
      return <OutletsScreen />;
    case 'outlet':
      return <OutletEditor key={route.id ?? 'new'} id={route.id} />;
    case 'attachments':
      return <AttachmentsScreen selected={null} />;
    case 'attachment':
      return <AttachmentsScreen selected={route.id} />;
    case 'kits':
      return <KitsScreen />;
    case 'kit':
      return <KitBuilder key={route.id} kitId={route.id} />;
    case 'import':
      return <ImportScreen />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'settings':
      return <SettingsScreen key={route.part ?? ''} part={route.part ?? null} />;
    case 'office':
      return <OfficeEditor key={route.id ?? 'new'} id={route.id} />;
    case 'not-found':
      return (
        <div className="screen">
          <h1>{t('notFound.title')}</h1>
          <p>
            <a href={href.releases()}>{t('notFound.back')}</a>
          </p>
        </div>
      );
  }
}

export function App() {
  const { t } = useTranslation();
  const client = useClient();
  const route = useRoute();
  const section = sectionOf(route);
  const searchRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState(false);
  // Bumped when a restore has replaced the library: every screen is shown afresh from it.
  const [libraryEpoch, setLibraryEpoch] = useState(0);
  const conflicts = useConflictCount();
  useAnnounceLanguage();
  useOnlineReport();

  useEffect(() => client.onUnauthorized(() => setRefused(true)), [client]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === SEARCH_SHORTCUT.key) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Under 720 px the sections fold into a menu button in the top bar (the CSS decides when);
  // the menu closes on a choice, on Escape (focus back to the button), on a click elsewhere and
  // when focus leaves it.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  useEffect(() => setMenuOpen(false), [route]);
  useEffect(() => {
    if (!menuOpen) return;
    (nav.current?.querySelector<HTMLElement>('[aria-current="page"]') ?? nav.current?.querySelector<HTMLElement>('a'))?.focus();
    const onPointer = (e: PointerEvent) => {
      const inside = e.target instanceof Node && (nav.current?.contains(e.target) || menuButton.current?.contains(e.target));
      if (!inside) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [menuOpen]);

  useEffect(() => {
    document.title = section ? `${t(`nav.${section}`)} · Dateline` : 'Dateline';
  }, [section, t]);

  if (refused) return <NoToken />;

  return (
    <DisplayProvider>
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The address names the screen (hash routes): following "#main" would open a screen
          // called "main". Focus moves to the content instead.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-controls="sections"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
          <span className="visually-hidden">{t('nav.menu')}</span>
        </button>
        <span className="brand">Dateline</span>
        <GlobalSearch key={`search-${libraryEpoch}`} ref={searchRef} />
        <span className="muted shortcut" aria-hidden="true">
          {shortcutText(SEARCH_SHORTCUT, t)}
        </span>
        <SyncBadge key={`sync-${libraryEpoch}`} />
      </header>
      <nav
        id="sections"
        ref={nav}
        className={menuOpen ? 'sidebar open' : 'sidebar'}
        aria-label={t('nav.label')}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !menuOpen) return;
          setMenuOpen(false);
          menuButton.current?.focus();
        }}
        onBlur={(e) => {
          if (menuOpen && !(e.relatedTarget instanceof Node && (e.currentTarget.contains(e.relatedTarget) || menuButton.current?.contains(e.relatedTarget)))) setMenuOpen(false);
        }}
      >
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={s.to} aria-current={section === s.id ? 'page' : undefined}>
                {t(`nav.${s.id}`)}
                {s.id === 'conflicts' && conflicts !== null && conflicts > 0 && (
                  <span className="badge nav-count" aria-label={t('conflicts.waiting', { count: conflicts })}>
                    {conflicts}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <RestoreStatus onRestored={() => setLibraryEpoch((n) => n + 1)} />
        <LibraryNotice key={`notice-${libraryEpoch}`} />
        <LibraryProblem />
        <ErrorBoundary key={libraryEpoch} resetKey={window.location.hash}>
          <Screen route={route} />
        </ErrorBoundary>
      </main>
      <JobTray />
      <LeaveQuestion />
    </div>
    </DisplayProvider>
  );
}
