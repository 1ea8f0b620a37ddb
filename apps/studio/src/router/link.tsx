import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { BASE, navigate } from './history';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An in-studio link: a real `<a href>` (middle-click works) that navigates without reloading. */
export function Link({ to, onClick, ...rest }: Props) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={`${BASE}${to}`} onClick={handle} {...rest} />;
}
