import type { ReactNode } from 'react';
import { type Route, useApp } from '../app/app-context.tsx';

/**
 * A link-styled button to another screen: the app routes in memory, so there is no href. `back`
 * draws the "← …" link at the top of a screen that leads to where it was opened from.
 */
export function RouteLink({
  to,
  back = false,
  label,
  children,
}: {
  to: Route;
  back?: boolean;
  /** The accessible name, where the visible text (a date, say) does not say where it leads. */
  label?: string;
  children: ReactNode;
}) {
  const { navigate } = useApp();
  return (
    <button
      type="button"
      className={back ? 'link back' : 'link'}
      onClick={() => navigate(to)}
      aria-label={label}
    >
      {back && '← '}
      {children}
    </button>
  );
}
