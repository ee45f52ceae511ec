import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient } from '../client/context';
import { rememberDateStyle, savedDateStyle, type DateStyle } from './dates';
import { homeOffice, rememberHomeOffice, setDisplayPrefs, type DisplayPrefs } from './display';
import { DateStyleContext } from './useDates';

const DEVICE: DisplayPrefs = { timeZone: undefined, digits: 'latn' };

interface HomeOffice {
  office: string | null;
  choose: (id: string | null) => void;
}

const HomeOfficeContext = createContext<HomeOffice>({ office: null, choose: () => undefined });

export const useHomeOffice = (): HomeOffice => useContext(HomeOfficeContext);

/**
 * Applies the time zone and digits of the office this computer works for before the screens
 * show a date, and again (redrawing them) when another office is chosen in Settings. An office
 * that is gone leaves the device's zone and Western digits. Holds the date style too.
 */
export function DisplayProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [office, setOffice] = useState(homeOffice);
  const [applied, setApplied] = useState<{ office: string | null; round: number } | null>(null);

  useEffect(() => {
    let live = true;
    const apply = (prefs: DisplayPrefs) => {
      setDisplayPrefs(prefs);
      setApplied((a) => ({ office, round: (a?.round ?? 0) + 1 }));
    };
    if (!office) apply(DEVICE);
    else {
      void client.call('office.get', { id: office }).then((res) => {
        if (live) apply(res.ok ? { timeZone: res.value.timeZone ?? undefined, digits: res.value.digits ?? 'latn' } : DEVICE);
      });
    }
    return () => {
      live = false;
    };
  }, [client, office]);

  const choose = useCallback((id: string | null) => {
    rememberHomeOffice(id);
    setOffice(id);
  }, []);

  // A new date style redraws only what writes dates (useDates), so focus stays on the choice.
  const [dateStyle, setDateStyle] = useState(savedDateStyle);
  const chooseDateStyle = useCallback((style: DateStyle) => {
    rememberDateStyle(style);
    setDateStyle(style);
  }, []);
  const dates = useMemo(() => ({ style: dateStyle, choose: chooseDateStyle }), [dateStyle, chooseDateStyle]);

  if (applied === null) return null;
  return (
    <HomeOfficeContext.Provider value={{ office, choose }}>
      <DateStyleContext.Provider value={dates}>
        <Fragment key={applied.round}>{children}</Fragment>
      </DateStyleContext.Provider>
    </HomeOfficeContext.Provider>
  );
}
