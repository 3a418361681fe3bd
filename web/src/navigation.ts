import { useSyncExternalStore } from 'react';

/** Where the app is: the path and the query string of the address bar. */
export interface AppLocation {
  path: string;
  search: URLSearchParams;
}

const listeners = new Set<() => void>();

function notifyListeners(): void {
  for (const listener of listeners) listener();
}

function subscribeToLocation(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function readLocationKey(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * Moves to another page of the app without reloading, like a link would.
 * `replace` changes the current history entry instead of adding one.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === readLocationKey()) return;
  if (options.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    // A new page starts at its top, as after a page load.
    window.scrollTo(0, 0);
  }
  notifyListeners();
}

/** The current location; the component re-renders when it changes. */
export function useLocation(): AppLocation {
  const key = useSyncExternalStore(subscribeToLocation, readLocationKey);
  const queryStart = key.indexOf('?');
  return queryStart === -1
    ? { path: key, search: new URLSearchParams() }
    : { path: key.slice(0, queryStart), search: new URLSearchParams(key.slice(queryStart)) };
}
