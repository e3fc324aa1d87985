import { useCallback } from 'react';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { kindLabel, methodLabel } from './consent-labels.ts';

/** The printable consent slip the member takes home: the terms as recorded, how, when, who, signature. */
export function ConsentSlip({ consentId, onClose }: { consentId: number; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const load = useCallback(() => call('getConsent', { id: consentId }), [consentId]);
  const { data, failure } = useLoad(load);
  return (
    <section
      className="panel panel-inline stack consent-slip"
      aria-labelledby="consent-slip-title"
      data-testid="consent-slip"
    >
      <h3 id="consent-slip-title">{t('consent.slipTitle')}</h3>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {data && (
        <>
          <p>
            <strong>{t(kindLabel(data.kind))}</strong> · {data.memberName} · {data.terms.orderName}
          </p>
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{data.terms.text}</pre>
          <dl className="details">
            <dt>{t('consent.method')}</dt>
            <dd>{t(methodLabel(data.method))}</dd>
            <dt>{t('consent.slipRecorded')}</dt>
            <dd>{dateTime(data.recordedAt)}</dd>
            <dt>{t('consent.slipOperator')}</dt>
            <dd>{data.operatorName}</dd>
            {data.note && (
              <>
                <dt>{t('consent.note')}</dt>
                <dd>{data.note}</dd>
              </>
            )}
          </dl>
          {data.signaturePng && (
            <figure>
              <img
                src={`data:image/png;base64,${data.signaturePng}`}
                alt={t('consent.slipSignature')}
                data-testid="consent-slip-signature"
                style={{ maxWidth: 320, border: '1px solid #ccc' }}
              />
              <figcaption>{t('consent.slipSignature')}</figcaption>
            </figure>
          )}
        </>
      )}
      <div className="actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t('consent.slipPrint')}
        </button>
        <button type="button" onClick={onClose}>
          {t('consent.slipClose')}
        </button>
      </div>
    </section>
  );
}
