import { useEffect, useState } from 'react';

/**
 * Focuses the element with the given id once it is rendered again (a row's button that was hidden
 * while its form was open), so the keyboard carries on from where the form was opened rather than
 * from the top of the page.
 */
export function useRefocus(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}
