import { useSyncExternalStore } from 'react';

// Routes live in location.hash, so a reload or a link keeps the screen: #/ (search), #/guest/<id>, #/deleted.
export type Route = { name: 'search' } | { name: 'guest'; id: string } | { name: 'deleted' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const guest = /^\/guest\/([^/?#]+)$/.exec(path);
  if (guest?.[1]) return { name: 'guest', id: decodeURIComponent(guest[1]) };
  if (path === '/deleted') return { name: 'deleted' };
  return { name: 'search' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'guest':
      return `#/guest/${encodeURIComponent(route.id)}`;
    case 'deleted':
      return '#/deleted';
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
