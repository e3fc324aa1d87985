import { type RefCallback, useCallback } from 'react';

/**
 * A ref that focuses its element as soon as it is on screen, including elements that appear later
 * (a form shown once its data loaded): each screen puts the caret where the cashier types next.
 */
export function useFocusOnMount<T extends HTMLElement>(): RefCallback<T> {
  return useCallback((element: T | null) => {
    element?.focus();
  }, []);
}
