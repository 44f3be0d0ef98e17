import { useSyncExternalStore } from 'react';

// Routes live in location.hash, so a reload or a link keeps the screen:
// #/ (search), #/guest/<id>, #/deleted, #/arrivals[/<date>], #/stay/<id>, #/catalogue, #/settings,
// #/print/briefing/<date>[/<stayId>], #/print/kitchen/<date>,
// #/banquets (pipeline), #/banquet/<id>, #/banquets/calendar[/<date>], #/banquets/follow-ups,
// #/banquets/reports, #/banquets/halls, #/conflicts (conflicts between PCs and changes kept aside),
// #/imports (importing a ledger, and the imports made so far),
// #/duplicates (名寄せ: duplicate guests to review, recent merges),
// #/access-log (閲覧記録: who opened, printed, exported or disclosed guest data).
// #/register (宿泊者名簿), #/retention (保存期間の見直し).
// #/manager (運営の振り返り).
// #/sync (PC・同期: this PC, the group's PCs, adding a PC and joining a group).
export type Route =
  | { name: 'search' }
  | { name: 'guest'; id: string }
  | { name: 'deleted' }
  | { name: 'arrivals'; date?: string }
  | { name: 'stay'; id: string }
  | { name: 'catalogue' }
  | { name: 'settings' }
  | { name: 'print'; sheet: 'briefing' | 'kitchen'; date: string; stayId?: string }
  | { name: 'banquets' }
  | { name: 'banquet'; id: string }
  | { name: 'banquetCalendar'; date?: string }
  | { name: 'banquetFollowUps' }
  | { name: 'banquetReports' }
  | { name: 'banquetHalls' }
  | { name: 'conflicts' }
  | { name: 'imports' }
  | { name: 'duplicates' }
  | { name: 'accessLog' }
  | { name: 'register' }
  | { name: 'retention' }
  | { name: 'manager' }
  | { name: 'sync' };

const DATE = '(\\d{4}-\\d{2}-\\d{2})';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const guest = /^\/guest\/([^/?#]+)$/.exec(path);
  if (guest?.[1]) return { name: 'guest', id: decodeURIComponent(guest[1]) };
  const stay = /^\/stay\/([^/?#]+)$/.exec(path);
  if (stay?.[1]) return { name: 'stay', id: decodeURIComponent(stay[1]) };
  const banquet = /^\/banquet\/([^/?#]+)$/.exec(path);
  if (banquet?.[1]) return { name: 'banquet', id: decodeURIComponent(banquet[1]) };
  const calendar = new RegExp(`^/banquets/calendar(?:/${DATE})?$`).exec(path);
  if (calendar) return calendar[1] ? { name: 'banquetCalendar', date: calendar[1] } : { name: 'banquetCalendar' };
  if (path === '/banquets') return { name: 'banquets' };
  if (path === '/banquets/follow-ups') return { name: 'banquetFollowUps' };
  if (path === '/banquets/reports') return { name: 'banquetReports' };
  if (path === '/banquets/halls') return { name: 'banquetHalls' };
  const arrivals = new RegExp(`^/arrivals(?:/${DATE})?$`).exec(path);
  if (arrivals) return arrivals[1] ? { name: 'arrivals', date: arrivals[1] } : { name: 'arrivals' };
  const print = new RegExp(`^/print/(briefing|kitchen)/${DATE}(?:/([^/?#]+))?$`).exec(path);
  if (print?.[1] && print[2]) {
    const sheet = print[1] as 'briefing' | 'kitchen';
    return print[3]
      ? { name: 'print', sheet, date: print[2], stayId: decodeURIComponent(print[3]) }
      : { name: 'print', sheet, date: print[2] };
  }
  if (path === '/deleted') return { name: 'deleted' };
  if (path === '/catalogue') return { name: 'catalogue' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/conflicts') return { name: 'conflicts' };
  if (path === '/imports') return { name: 'imports' };
  if (path === '/duplicates') return { name: 'duplicates' };
  if (path === '/access-log') return { name: 'accessLog' };
  if (path === '/register') return { name: 'register' };
  if (path === '/retention') return { name: 'retention' };
  if (path === '/manager') return { name: 'manager' };
  if (path === '/sync') return { name: 'sync' };
  return { name: 'search' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'guest':
      return `#/guest/${encodeURIComponent(route.id)}`;
    case 'stay':
      return `#/stay/${encodeURIComponent(route.id)}`;
    case 'deleted':
      return '#/deleted';
    case 'arrivals':
      return route.date ? `#/arrivals/${route.date}` : '#/arrivals';
    case 'catalogue':
      return '#/catalogue';
    case 'settings':
      return '#/settings';
    case 'banquets':
      return '#/banquets';
    case 'banquet':
      return `#/banquet/${encodeURIComponent(route.id)}`;
    case 'banquetCalendar':
      return route.date ? `#/banquets/calendar/${route.date}` : '#/banquets/calendar';
    case 'banquetFollowUps':
      return '#/banquets/follow-ups';
    case 'banquetReports':
      return '#/banquets/reports';
    case 'banquetHalls':
      return '#/banquets/halls';
    case 'conflicts':
      return '#/conflicts';
    case 'imports':
      return '#/imports';
    case 'duplicates':
      return '#/duplicates';
    case 'accessLog':
      return '#/access-log';
    case 'register':
      return '#/register';
    case 'retention':
      return '#/retention';
    case 'manager':
      return '#/manager';
    case 'sync':
      return '#/sync';
    case 'print':
      return `#/print/${route.sheet}/${route.date}${route.stayId ? `/${encodeURIComponent(route.stayId)}` : ''}`;
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseRoute(hash);
}
