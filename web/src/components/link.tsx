import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../navigation.js';

/** Props of a Link: an anchor whose `href` is a path of the app. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

/**
 * A real anchor (so it can be opened in a new tab, copied, focused and
 * followed with Enter) that moves inside the app without a page load.
 */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const followLink = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target === '_blank'
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={followLink} {...rest}>
      {children}
    </a>
  );
}
