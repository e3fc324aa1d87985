import { useEffect, useState } from 'react';
import type { MemberViewData } from '../../shared/ipc/index.ts';
import { useApp } from '../app/app-context.tsx';
import { call } from '../bridge.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AddMember } from './AddMember.tsx';
import { MemberTable } from './MemberTable.tsx';

// Typing stays instant: the search runs once the cashier pauses.
const SEARCH_DELAY_MS = 150;
// The contract's maximum: the list is virtualised (MemberTable), so rendering is not the limit.
const SEARCH_LIMIT = 500;

/** Search is where the cashier starts: the caret waits in the search box. */
export function Members() {
  const { t } = useI18n();
  const { navigate } = useApp();
  const searchRef = useFocusOnMount<HTMLInputElement>();
  const [query, setQuery] = useState('');
  const [members, setMembers] = useState<readonly MemberViewData[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void call('searchMembers', { query: query.trim(), limit: SEARCH_LIMIT }).then((result) => {
        if (!current) return;
        if (result.ok) {
          setMembers(result.value);
          setFailure(null);
        } else {
          setFailure(result.error.message);
        }
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section aria-labelledby="members-title">
      <div className="screen-title">
        <h1 id="members-title">{t('members.title')}</h1>
        {!adding && (
          <button type="button" className="button-primary" onClick={() => setAdding(true)}>
            {t('members.add')}
          </button>
        )}
      </div>
      {adding && (
        <AddMember
          onCancel={() => {
            setAdding(false);
            document.getElementById('member-search')?.focus();
          }}
          onAdded={(member) => navigate({ name: 'member', id: member.id })}
        />
      )}
      <TextField
        id="member-search"
        ref={searchRef}
        type="search"
        label={t('members.search')}
        hint={t('members.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className="field-search"
      />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {members && (
        <>
          <p className="count" aria-live="polite">
            {t('members.count', { count: members.length })}
          </p>
          {members.length === 0 ? (
            <p className="empty">{t('members.empty')}</p>
          ) : (
            <MemberTable members={members} onOpen={(member) => navigate({ name: 'member', id: member.id })} />
          )}
        </>
      )}
    </section>
  );
}
