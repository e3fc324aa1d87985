import type { Route } from '../app/app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';

type Section = 'members' | 'settings';

/** The member screens (detail, card, charge) all belong to "members" in the menu. */
function sectionOf(route: Route): Section {
  return route.name === 'settings' ? 'settings' : 'members';
}

export function Nav({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const current = sectionOf(route);
  const items: { section: Section; label: string }[] = [
    { section: 'members', label: t('nav.members') },
    { section: 'settings', label: t('nav.settings') },
  ];
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      {items.map((item) => (
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
