import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberViewData } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';

// Typing stays instant: the search runs once the cashier pauses.
const SEARCH_DELAY_MS = 150;
// The contract's maximum: fewest round trips, and the list is virtualised (MemberTable).
const PAGE_SIZE = 500;

interface Loaded {
  readonly query: string;
  readonly members: readonly MemberViewData[];
  /** A page shorter than PAGE_SIZE came back: there is nothing further to read. */
  readonly complete: boolean;
}

/**
 * The members matching `query` in name order, read a page at a time: the first page once typing
 * pauses, the next ones when `loadMore` is called (as the list nears its end).
 */
export function useMemberPages(query: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One read at a time per list: scrolling fires far more often than a page arrives.
  const pending = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    const trimmed = query.trim();
    const timer = setTimeout(() => {
      void call('searchMembers', { query: trimmed, limit: PAGE_SIZE }).then((result) => {
        if (!current) return;
        if (!result.ok) return setFailure(result.error.message);
        setFailure(null);
        pending.current = null;
        setLoaded({ query: trimmed, members: result.value, complete: result.value.length < PAGE_SIZE });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const loadMore = useCallback(() => {
    if (!loaded || loaded.complete) return;
    const offset = loaded.members.length;
    const key = `${offset}\u0000${loaded.query}`;
    if (pending.current === key) return;
    pending.current = key;
    void call('searchMembers', { query: loaded.query, limit: PAGE_SIZE, offset }).then((result) => {
      if (pending.current === key) pending.current = null;
      if (!result.ok) return setFailure(result.error.message);
      setFailure(null);
      setLoaded((previous) => {
        // A new search (or a page already appended) made this answer stale.
        if (previous?.query !== loaded.query || previous.members.length !== offset) return previous;
        // A member added between two reads shifts the pages by one; each row is shown once.
        const seen = new Set(previous.members.map((member) => member.id));
        return {
          query: previous.query,
          members: [...previous.members, ...result.value.filter((member) => !seen.has(member.id))],
          complete: result.value.length < PAGE_SIZE,
        };
      });
    });
  }, [loaded]);

  return { members: loaded?.members ?? null, complete: loaded?.complete ?? false, failure, loadMore };
}
