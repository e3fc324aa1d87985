import { storeTimeZone } from '../schedule/index.ts';
import { type ApiContext, actorOf, defined } from './api-context.ts';
import { consentsCsv } from './consent-csv.ts';
import type { DeskApi } from './desk-api-types.ts';

/** A drawn signature crosses IPC as base64; the core gets the bytes and checks them. */
export function signatureBytes(base64: string | undefined): Uint8Array | undefined {
  return base64 === undefined ? undefined : new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The consent a subscribe or cancel request carries, as the core takes it. */
export function consentGiven(
  consent:
    | { method: 'in-person' | 'signature' | 'phone' | 'message'; signaturePng?: string; note?: string }
    | undefined,
) {
  if (consent === undefined) return undefined;
  const signaturePng = signatureBytes(consent.signaturePng);
  return defined({ method: consent.method, note: consent.note, signaturePng });
}

/** Consent records, the raises and trials waiting for consent, and the terms template. */
export function consentHandlers(ctx: ApiContext) {
  const { desk } = ctx;
  return {
    previewConsentTerms: (request) => desk().subscriptions.previewTerms(defined(request)),
    recordConsent: ({ signaturePng, ...request }, session) =>
      desk().consents.record(
        defined({ ...request, signaturePng: signatureBytes(signaturePng), ...actorOf(session) }),
      ),
    listConsents: (request) => desk().consents.list(defined(request)),
    getConsent: ({ id }) => {
      const record = desk().consents.get(id);
      return {
        ...record,
        signaturePng:
          record.signaturePng === null ? null : Buffer.from(record.signaturePng).toString('base64'),
      };
    },
    listPriceIncreases: () => desk().consents.priceIncreases(),
    listTrialConversions: ({ days }) => desk().consents.trialConversions(defined({ days })),
    exportConsents: ({ from, to }) => ({
      fileName: 'consents.csv',
      csv: consentsCsv(desk().consents.list({ from, to }), storeTimeZone(desk().ledger.db)),
    }),
    getConsentTemplate: () => desk().consents.template(),
    listUnconsentedSubscriptions: () => desk().consents.unconsented(),
    setConsentTemplate: (request, session) =>
      desk().consents.setTemplate({ ...request, ...actorOf(session) }),
  } satisfies Partial<DeskApi>;
}
