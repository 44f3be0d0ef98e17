import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { useQuery } from '../api/hooks.ts';
import { formatDateTime } from '../i18n/format.ts';

// The inn's clock on screen: every recorded moment is shown, and "today" is taken, in the inn's time zone (a
// setting read once here and again whenever settings change), never in the browser's. A browser abroad or a PC
// left on UTC shows the same 15:07 and the same day as the desk in the inn.

const ZoneContext = createContext<string | null>(null);

export function InnClockProvider({ children }: { children: ReactNode }) {
  const settings = useQuery('settings.get', {}, ['settings']);
  // Until the settings answer, the default zone: the inn's unless someone changed it.
  const zone = settings.data?.timeZone ?? DEFAULT_TIME_ZONE;
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

export type InnClock = {
  timeZone: string;
  /** The inn's calendar day now ('YYYY-MM-DD'). */
  today(): string;
  /** A recorded moment (ISO) in the UI language, on the inn's clock. */
  dateTime(iso: string): string;
};

export function useInnClock(): InnClock {
  const zone = useContext(ZoneContext);
  if (zone === null) throw new Error('useInnClock outside InnClockProvider');
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      timeZone: zone,
      today: () => localDate(Date.now(), zone),
      dateTime: (iso: string) => formatDateTime(iso, language, zone),
    }),
    [zone, language],
  );
}
