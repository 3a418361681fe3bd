import { useEffect } from 'react';

/** Sets the browser tab's title to `<title> · prepkit` (or `prepkit` alone). */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · prepkit` : 'prepkit';
  }, [title]);
}
