import { usePermission } from '../../app/use-permission.ts';
import { RouteLink } from '../../components/RouteLink.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentExport } from './ConsentExport.tsx';
import { PriceIncreases } from './PriceIncreases.tsx';
import { TrialConversions } from './TrialConversions.tsx';
import { Unconsented } from './Unconsented.tsx';

/** Raises and trials waiting for members' consent, and the export of consent records. */
export function Consents() {
  const { t } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const mayExport = usePermission('exportConsents').allowed;
  return (
    <section aria-labelledby="consents-title" className="stack">
      <RouteLink to={{ name: 'subscriptions' }} back>
        {t('subs.title')}
      </RouteLink>
      <h1 id="consents-title" ref={titleRef} tabIndex={-1}>
        {t('consent.title')}
      </h1>
      <PriceIncreases />
      <TrialConversions />
      <Unconsented />
      {mayExport && <ConsentExport />}
    </section>
  );
}
