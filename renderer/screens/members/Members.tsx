import { useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AddMember } from './AddMember.tsx';
import { MemberTable } from './MemberTable.tsx';
import { useMemberPages } from './use-member-pages.ts';

/** Search is where the cashier starts: the caret waits in the search box. */
export function Members() {
  const { t } = useI18n();
  const { navigate } = useApp();
  const searchRef = useFocusOnMount<HTMLInputElement>();
  const [query, setQuery] = useState('');
  const { members, complete, failure, loadMore } = useMemberPages(query);
  const [adding, setAdding] = useState(false);

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
            {t(complete ? 'members.count' : 'memberPages.countSoFar', { count: members.length })}
          </p>
          {members.length === 0 ? (
            <p className="empty">{t('members.empty')}</p>
          ) : (
            <MemberTable
              members={members}
              complete={complete}
              onNearEnd={loadMore}
              onOpen={(member) => navigate({ name: 'member', id: member.id })}
            />
          )}
        </>
      )}
    </section>
  );
}
