import { createHash } from 'node:crypto';
import {
  type Actor,
  audit,
  type BillingContext,
  type FieldProblem,
  throwIfInvalid,
} from '../billing/index.ts';
import { insertConsent as insertConsentRow, latestPaidConsentAt } from '../ledger/index.ts';
import { paidChargesConsented } from './consent-periods.ts';
import {
  type AgreedTerms,
  CONSENT_METHODS,
  type ConsentKind,
  type ConsentMethod,
  MAX_CONSENT_NOTE_LENGTH,
  MAX_SIGNATURE_BYTES,
} from './consent-terms.ts';
import type { Schedule } from './schedule-types.ts';

/** How the member agreed, as staff give it: the method, a drawn signature (PNG) and a note. */
export interface ConsentGiven {
  readonly method: ConsentMethod;
  /** PNG bytes drawn at the counter; at most MAX_SIGNATURE_BYTES. */
  readonly signaturePng?: Uint8Array | null;
  readonly note?: string | null;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Per-field problems of a consent as given: the method, the image and the note. */
export function consentProblems(
  given: ConsentGiven | undefined,
  field = 'consent',
): Record<string, FieldProblem> {
  if (given === undefined || given === null || !CONSENT_METHODS.includes(given.method)) {
    return {
      [field]: {
        code: 'CONSENT_REQUIRED',
        message:
          '회원의 정기결제 동의를 받아 주세요 (대면 서명, 대면 확인, 전화, 메시지 중 하나로 기록합니다).',
      },
    };
  }
  const problems: Record<string, FieldProblem> = {};
  const png = given.signaturePng;
  if (png !== undefined && png !== null) {
    const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    if (bytes.length > MAX_SIGNATURE_BYTES || bytes.length <= 8 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
      problems.signaturePng = {
        code: 'SIGNATURE_INVALID',
        message: `서명 이미지는 ${MAX_SIGNATURE_BYTES / 1024}KB 이하의 PNG여야 합니다.`,
      };
    }
  }
  if (given.note !== undefined && given.note !== null) {
    if (typeof given.note !== 'string' || given.note.trim().length > MAX_CONSENT_NOTE_LENGTH) {
      problems.note = {
        code: 'TOO_LONG',
        message: `메모는 ${MAX_CONSENT_NOTE_LENGTH}자 이하로 입력해 주세요.`,
        params: { max: MAX_CONSENT_NOTE_LENGTH },
      };
    }
  }
  return problems;
}

export interface ConsentRowInput {
  readonly memberId: number;
  readonly subscriptionId: number;
  readonly kind: ConsentKind;
  readonly given: ConsentGiven;
  readonly terms: AgreedTerms;
  /** Store-local date the consent takes effect from. */
  readonly effectiveDate: string;
}

/**
 * Writes one consent and its audit row (invariant 12: kept like money). Call inside the transaction
 * that makes the change the consent is for. The audit row carries the signature's SHA-256, so the
 * keyed chain also vouches for the image.
 */
export function insertConsent(ctx: BillingContext, who: Actor, row: ConsentRowInput): number {
  throwIfInvalid(consentProblems(row.given));
  const png = row.given.signaturePng ?? null;
  const bytes = png === null ? null : Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const note = row.given.note?.trim() || null;
  const at = ctx.now().getTime();
  const actor = who.actor ?? ctx.actor;
  const id = insertConsentRow(ctx.ledger.db, {
    memberId: row.memberId,
    subscriptionId: row.subscriptionId,
    kind: row.kind,
    method: row.given.method,
    terms: JSON.stringify(row.terms),
    png: bytes,
    note,
    effectiveDate: row.effectiveDate,
    operatorId: who.operatorId ?? null,
    actor,
    at,
  });
  audit(ctx, who, `consent.${row.kind}`, `consent:${id}`, {
    memberId: row.memberId,
    subscriptionId: row.subscriptionId,
    method: row.given.method,
    amount: row.terms.amount,
    ...(row.terms.fromAmount === undefined ? {} : { fromAmount: row.terms.fromAmount }),
    effectiveDate: row.effectiveDate,
    ...(bytes === null ? {} : { signatureSha256: createHash('sha256').update(bytes).digest('hex') }),
  });
  return id;
}

/**
 * Whether a trial subscription still lacks the consent its paid periods need: one to paid charges
 * recorded within the 30 days before the first paid period (the materialiser's rule, for paths
 * that write periods without it, such as a resume's catch-up periods).
 */
export function trialConsentMissing(ctx: BillingContext, sub: Schedule & { readonly id: number }): boolean {
  // Without a trial nothing is held: no need to read the consents.
  if (sub.trialEnd === null || sub.trialEnd <= sub.startDate) return false;
  return !paidChargesConsented({ ...sub, paidConsentAt: latestPaidConsentAt(ctx.ledger.db, sub.id) });
}
