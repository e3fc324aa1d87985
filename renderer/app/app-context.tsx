import { createContext, useContext } from 'react';
import type { AppStatusView } from '../../shared/ipc/index.ts';

/** Where the signed-in app is; a tiny state machine instead of a router, since there are no URLs. */
export type Route =
  | { readonly name: 'members' }
  | { readonly name: 'member'; readonly id: number; readonly notice?: string }
  | { readonly name: 'register-card'; readonly memberId: number }
  | { readonly name: 'charge'; readonly memberId: number }
  | { readonly name: 'settings' }
  | { readonly name: 'home' }
  | { readonly name: 'charges'; readonly memberId?: number }
  | { readonly name: 'charge-detail'; readonly id: number }
  | { readonly name: 'receipt'; readonly chargeId: number }
  | { readonly name: 'review' }
  | { readonly name: 'subscriptions' }
  | { readonly name: 'upcoming' }
  | { readonly name: 'catch-ups' }
  | { readonly name: 'consents' }
  | { readonly name: 'staff' }
  | { readonly name: 'audit' };

export interface AppContextValue {
  readonly status: AppStatusView;
  refresh(): Promise<void>;
  navigate(route: Route): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the signed-in shell');
  return value;
}
