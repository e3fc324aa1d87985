import { type Route, useApp } from '../app/app-context.tsx';
import { type GuardedAction, may } from '../app/permissions.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Section = 'home' | 'members' | 'charges' | 'subscriptions' | 'review' | 'settings' | 'staff' | 'audit';

/** Screens a role cannot use are left out of the menu (main refuses their calls anyway). */
const GUARD: Partial<Record<Section, GuardedAction>> = { staff: 'listStaff', audit: 'listAudit' };

/** Screens reached from a section (member detail, a receipt, the calendar…) keep it lit in the menu. */
const PARENT: Partial<Record<Route['name'], Section>> = {
  member: 'members',
  'register-card': 'members',
  charge: 'members',
  'charge-detail': 'charges',
  receipt: 'charges',
  upcoming: 'subscriptions',
  'catch-ups': 'subscriptions',
};

function sectionOf(route: Route): Section {
  return PARENT[route.name] ?? (route.name as Section);
}

export function Nav({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const role = useApp().status.operator?.role ?? null;
  const current = sectionOf(route);
  const items: { section: Section; label: string }[] = [
    { section: 'home', label: t('home.nav') },
    { section: 'members', label: t('nav.members') },
    { section: 'charges', label: t('charges.nav') },
    { section: 'subscriptions', label: t('subs.nav') },
    { section: 'review', label: t('review.nav') },
    { section: 'settings', label: t('nav.settings') },
    { section: 'staff', label: t('staff.nav') },
    { section: 'audit', label: t('audit.nav') },
  ];
  const shown = items.filter((item) => {
    const guard = GUARD[item.section];
    return !guard || may(role, guard);
  });
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      {shown.map((item) => (
        <button
          key={item.section}
          type="button"
          aria-current={item.section === current ? 'page' : undefined}
          onClick={() => navigate({ name: item.section })}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
