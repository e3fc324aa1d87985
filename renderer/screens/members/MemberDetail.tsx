import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { CardLapseWarning } from '../../components/CardLapseWarning.tsx';
import { CardSummary } from '../../components/CardSummary.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { useMember } from '../../components/use-member.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChargeHistory } from '../charges/ChargeHistory.tsx';
import { ConsentHistory } from '../consent/ConsentHistory.tsx';
import { SubscriptionTable } from '../subscriptions/SubscriptionTable.tsx';
import { EditMember } from './EditMember.tsx';
import { RemoveCard } from './RemoveCard.tsx';

export function MemberDetail({ id, notice }: { id: number; notice?: string | undefined }) {
  const { t } = useI18n();
  const cardChange = usePermission('removeCard');
  const { navigate, status } = useApp();
  const { member, failure, reload } = useMember(id);
  // Editing or removing the card replaces the panels below until it is done or abandoned.
  const [mode, setMode] = useState<'view' | 'edit' | 'remove-card'>('view');
  const chargeRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const loaded = member !== null;
  const hasCard = member?.card != null;

  // Charging is what usually comes next for a member with a card; otherwise reading the page is.
  useEffect(() => {
    if (!loaded) return;
    (chargeRef.current ?? titleRef.current)?.focus();
  }, [loaded]);

  if (failure) return <ErrorAlert>{failure}</ErrorAlert>;
  if (!member) return null;
  return (
    <section aria-labelledby="member-title" className="stack">
      <RouteLink to={{ name: 'members' }} back>
        {t('member.back')}
      </RouteLink>
      <div className="screen-title">
        <h1 id="member-title" ref={titleRef} tabIndex={-1}>
          {member.name}
        </h1>
        <span className="muted">{t('member.no', { memberNo: member.memberNo })}</span>
        {member.phone && (
          <span className="muted">
            {t('member.phone')} {member.phone}
          </span>
        )}
      </div>
      {notice && <Notice>{notice}</Notice>}
      {!status.keyStatus.configured && <ErrorAlert>{t('member.needsKey')}</ErrorAlert>}
      <div className="panel">
        <h2>{t('member.card')}</h2>
        {member.card ? <CardSummary card={member.card} /> : <p className="muted">{t('member.noCard')}</p>}
        {member.card && member.cardLapse && <CardLapseWarning card={member.card} lapse={member.cardLapse} />}
        <div className="actions">
          {hasCard && (
            <button
              type="button"
              ref={chargeRef}
              className="button-primary"
              onClick={() => navigate({ name: 'charge', memberId: member.id })}
            >
              {t('member.charge')}
            </button>
          )}
          <button
            type="button"
            disabled={hasCard && !cardChange.allowed}
            aria-describedby={hasCard && !cardChange.allowed ? 'card-change-hint' : undefined}
            onClick={() => navigate({ name: 'register-card', memberId: member.id })}
          >
            {hasCard ? t('member.replaceCard') : t('member.registerCard')}
          </button>
          {member.card && (
            <button
              type="button"
              className="button-danger"
              disabled={!cardChange.allowed}
              aria-describedby={cardChange.allowed ? undefined : 'card-change-hint'}
              onClick={() => setMode('remove-card')}
            >
              {t('memberEdit.removeCard')}
            </button>
          )}
          <button type="button" onClick={() => setMode('edit')}>
            {t('memberEdit.edit')}
          </button>
          <button type="button" onClick={() => navigate({ name: 'charges', memberId: member.id })}>
            {t('memberEdit.allCharges')}
          </button>
        </div>
        {member.card && <PermissionHint action="removeCard" id="card-change-hint" />}
      </div>
      {mode === 'edit' && (
        <EditMember
          member={member}
          onCancel={() => setMode('view')}
          onSaved={() => {
            setMode('view');
            void reload();
          }}
        />
      )}
      {mode === 'remove-card' && member.card && (
        <RemoveCard
          memberId={member.id}
          card={member.card}
          onCancel={() => setMode('view')}
          onRemoved={() => {
            setMode('view');
            void reload();
          }}
        />
      )}
      <section className="panel" aria-labelledby="member-subscriptions-title">
        <h2 id="member-subscriptions-title">{t('subs.memberTitle')}</h2>
        <SubscriptionTable
          subscriptions={member.subscriptions}
          showMember={false}
          onChanged={() => void reload()}
        />
      </section>
      <ChargeHistory charges={member.recentCharges} />
      <ConsentHistory memberId={member.id} />
    </section>
  );
}
