import type Database from 'better-sqlite3';
import { readSetting, type Setting, storedSetting } from '../ledger/index.ts';
import type { IntervalUnit } from './schedule-types.ts';

// The kinds and methods are the consents table's columns (ledger/consents.ts).
export { CONSENT_KINDS, CONSENT_METHODS, type ConsentKind, type ConsentMethod } from '../ledger/index.ts';

/** The e-commerce decree's window: consent to a raise or a trial's paid charges, at most 30 days before. */
export const CONSENT_WINDOW_DAYS = 30;
export const CONSENT_WINDOW_MS = CONSENT_WINDOW_DAYS * 24 * 60 * 60 * 1_000;

/** Largest signature image kept with a consent (the ledger's CHECK says the same). */
export const MAX_SIGNATURE_BYTES = 256 * 1024;
export const MAX_CONSENT_NOTE_LENGTH = 500;

/**
 * The terms a member is shown when subscribing, edited once by the owner. `text` may name
 * {store}, {member}, {order}, {amount}, {taxFree}, {cycle}, {firstChargeDate} and {howToCancel};
 * `howToCancel` also goes into every price-increase and trial notice.
 */
export interface ConsentTemplate {
  readonly text: string;
  readonly howToCancel: string;
}

export const MAX_TEMPLATE_TEXT = 4_000;
export const MAX_HOW_TO_CANCEL = 500;

export const DEFAULT_CONSENT_TEMPLATE: ConsentTemplate = {
  text: [
    '{member}님은 {store}의 「{order}」 정기결제에 동의합니다.',
    '- 결제 금액: {amount}원, {cycle} 등록하신 카드로 자동 결제됩니다.',
    '- 첫 결제일: {firstChargeDate}',
    '- 해지 방법: {howToCancel}',
    '- 금액이 오르거나 무료 체험이 유료로 바뀔 때에는 그 전 30일 안에 다시 동의를 받습니다.',
  ].join('\n'),
  howToCancel:
    '매장 방문이나 전화로 언제든 해지를 요청할 수 있으며, 요청하신 뒤에는 더 이상 결제되지 않습니다.',
};

export const CONSENT_TEMPLATE: Setting<ConsentTemplate> = {
  key: 'consent.terms_template',
  fallback: DEFAULT_CONSENT_TEMPLATE,
  valid: (value): value is ConsentTemplate =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ConsentTemplate).text === 'string' &&
    typeof (value as ConsentTemplate).howToCancel === 'string' &&
    (value as ConsentTemplate).text.trim().length >= 1 &&
    (value as ConsentTemplate).text.length <= MAX_TEMPLATE_TEXT &&
    (value as ConsentTemplate).howToCancel.trim().length >= 1 &&
    (value as ConsentTemplate).howToCancel.length <= MAX_HOW_TO_CANCEL,
};

/** What a consent record says the member agreed to: stored as JSON with the record, never edited. */
export interface AgreedTerms {
  readonly orderName: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  /** e.g. '1개월마다'. */
  readonly cycle: string;
  /** The first period charged under these terms (store-local date). */
  readonly firstChargeDate: string;
  readonly howToCancel: string;
  /** The whole text as it was shown (and printed on the slip). */
  readonly text: string;
  /** A price increase: the amount charged until now. */
  readonly fromAmount?: number;
}

const UNIT_WORDS: Readonly<Record<IntervalUnit, string>> = {
  day: '일',
  week: '주',
  month: '개월',
  year: '년',
};

export function cycleText(unit: IntervalUnit, count: number): string {
  return `${count}${UNIT_WORDS[unit]}마다`;
}

export function wonText(amount: number): string {
  return amount.toLocaleString('ko-KR');
}

/** The record's fields from the facts, the text shown and what it says about cancelling. */
function agreed(facts: TermsFacts, howToCancel: string, text: string): AgreedTerms {
  return {
    orderName: facts.orderName,
    amount: facts.amount,
    taxFreeAmount: facts.taxFreeAmount,
    cycle: cycleText(facts.intervalUnit, facts.intervalCount),
    firstChargeDate: facts.firstChargeDate,
    howToCancel,
    text,
  };
}

/** Fills {name} placeholders; an unknown one is left as written, so a typo shows on the preview. */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export interface TermsFacts {
  readonly memberName: string;
  readonly orderName: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly intervalUnit: IntervalUnit;
  readonly intervalCount: number;
  readonly firstChargeDate: string;
}

/**
 * The store's name from its details, read by key: settings/ (STORE_DETAILS) imports schedule, so
 * schedule cannot import it back.
 */
function storeName(db: Database.Database): string {
  const details = storedSetting(db, 'store.details') as { name?: unknown } | null | undefined;
  const name = details?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : '매장';
}

/** The terms of a new subscription, from the owner's template. */
export function subscriptionTerms(db: Database.Database, facts: TermsFacts): AgreedTerms {
  const template = readSetting(db, CONSENT_TEMPLATE);
  const cycle = cycleText(facts.intervalUnit, facts.intervalCount);
  const text = fill(template.text, {
    store: storeName(db),
    member: facts.memberName,
    order: facts.orderName,
    amount: wonText(facts.amount),
    taxFree: wonText(facts.taxFreeAmount),
    cycle,
    firstChargeDate: facts.firstChargeDate,
    howToCancel: template.howToCancel,
  });
  return agreed(facts, template.howToCancel, text);
}

/** The notice of a price increase: new amount, from when, how to cancel (what the member agrees to). */
export function priceIncreaseTerms(
  db: Database.Database,
  facts: TermsFacts & { readonly fromAmount: number },
): AgreedTerms {
  const { howToCancel } = readSetting(db, CONSENT_TEMPLATE);
  const cycle = cycleText(facts.intervalUnit, facts.intervalCount);
  const text = [
    `${facts.memberName}님, ${storeName(db)}의 「${facts.orderName}」 정기결제 금액이 ${wonText(facts.fromAmount)}원에서 ${wonText(facts.amount)}원으로 변경됩니다.`,
    `- 변경 금액은 동의하신 뒤 ${facts.firstChargeDate} 이후 처음 돌아오는 결제일부터 ${cycle} 등록하신 카드로 결제됩니다.`,
    '- 동의하시기 전까지는 기존 금액으로 결제됩니다.',
    `- 해지 방법: ${howToCancel}`,
  ].join('\n');
  return { ...agreed(facts, howToCancel, text), fromAmount: facts.fromAmount };
}

/** The notice of a free trial turning into paid charges. */
export function trialConversionTerms(db: Database.Database, facts: TermsFacts): AgreedTerms {
  const { howToCancel } = readSetting(db, CONSENT_TEMPLATE);
  const cycle = cycleText(facts.intervalUnit, facts.intervalCount);
  const text = [
    `${facts.memberName}님, ${storeName(db)}의 「${facts.orderName}」 무료 체험이 끝나고 유료 정기결제로 바뀝니다.`,
    `- 첫 유료 결제일: ${facts.firstChargeDate}, 이후 ${cycle} ${wonText(facts.amount)}원이 등록하신 카드로 결제됩니다.`,
    '- 동의하시기 전에는 결제되지 않습니다.',
    `- 해지 방법: ${howToCancel}`,
  ].join('\n');
  return agreed(facts, howToCancel, text);
}

/** A withdrawal: the subscription ends; nothing after `effectiveDate` is charged. */
export function withdrawalTerms(facts: TermsFacts & { readonly effectiveDate: string }): AgreedTerms {
  return agreed(
    facts,
    '',
    `${facts.memberName}님의 요청으로 「${facts.orderName}」 정기결제 동의를 철회했습니다. ${facts.effectiveDate}부터 결제되지 않습니다.`,
  );
}
