import type { Route } from '../../app/app-context.tsx';
import type { I18n, Locale } from '../../i18n/i18n.tsx';

/*
 * The audit log in words a store manager reads: what each stable action name means, what each
 * detail is, and the screen a row's subject opens. The ledger keeps the raw names (the CSV export
 * has them all); only the screen translates. Unknown actions and keys show as written, so a new
 * one is never hidden.
 */

type Words = Readonly<Record<string, readonly [ko: string, en: string]>>;

const ACTIONS: Words = {
  'charge.request': ['결제 요청', 'Charge requested'],
  'charge.done': ['결제 승인', 'Charge approved'],
  'charge.declined': ['결제 거절', 'Charge declined'],
  'charge.failed': ['결제 실패', 'Charge failed'],
  'charge.unknown': ['결제 확인 필요', 'Charge to check'],
  'charge.limit_approved': ['한도 초과 결제 승인 (PIN)', 'Over-cap charge approved (PIN)'],
  'refund.request': ['환불 요청', 'Refund requested'],
  'refund.done': ['환불', 'Refunded'],
  'refund.failed': ['환불 실패', 'Refund failed'],
  'refund.unknown': ['환불 확인 필요', 'Refund to check'],
  'card.register': ['카드 등록', 'Card registered'],
  'card.remove': ['카드 삭제', 'Card removed'],
  'card.key_deleted': ['토스 빌링키 삭제', 'Billing key deleted at Toss'],
  'card.key_delete_failed': ['토스 빌링키 삭제 실패', 'Billing key not deleted at Toss'],
  'member.create': ['회원 등록', 'Member added'],
  'member.update': ['회원 정보 수정', 'Member edited'],
  'member.archive': ['회원 보관', 'Member archived'],
  'plan.create': ['요금제 만들기', 'Plan created'],
  'plan.update': ['요금제 수정', 'Plan edited'],
  'plan.archive': ['요금제 보관', 'Plan archived'],
  'subscription.create': ['정기 결제 등록', 'Subscription created'],
  'subscription.pause': ['정기 결제 일시정지', 'Subscription paused'],
  'subscription.resume': ['정기 결제 다시 시작', 'Subscription resumed'],
  'subscription.cancel': ['정기 결제 해지', 'Subscription cancelled'],
  'subscription.cancel_at_period_end': ['이번 기간 후 해지 예약', 'Cancel at period end'],
  'subscription.canceled_at_period_end': ['기간 만료로 해지', 'Cancelled at period end'],
  'subscription.price_change': ['정기 결제 금액 변경', 'Subscription price changed'],
  'subscription.past_due': ['연체로 전환', 'Marked past due'],
  'subscription.needs_card': ['카드 교체 필요로 전환', 'Needs a new card'],
  'subscription.dunning_cleared': ['연체·카드 필요 해제', 'Back to active'],
  'catch_up.approve': ['밀린 결제 승인', 'Missed charge approved'],
  'catch_up.skip': ['밀린 결제 건너뜀', 'Missed charge skipped'],
  'operator.create': ['직원 추가', 'Staff added'],
  'operator.update': ['직원 정보 변경', 'Staff changed'],
  'operator.pin_reset': ['PIN 재설정', 'PIN reset'],
  'operator.system_create': ['시스템 계정 생성', 'System account created'],
  'operator.sign_in': ['로그인', 'Signed in'],
  'operator.sign_in_failed': ['로그인 실패 (PIN 틀림)', 'Sign-in failed (wrong PIN)'],
  'operator.approval_pin': ['매니저 PIN 승인', 'Manager PIN approval'],
  'operator.approval_pin_failed': ['매니저 PIN 승인 실패', 'Manager PIN approval failed'],
  'ledger.restored': ['백업에서 복원', 'Restored from a backup'],
  'backup.plain_deleted': ['이전 형식 백업 삭제', 'Previous-format backups deleted'],
  'settings.update': ['설정 변경', 'Settings changed'],
  'settings.schedule': ['설정 변경: 정기 결제', 'Settings changed: schedule'],
  'settings.store_details': ['설정 변경: 매장 정보', 'Settings changed: store details'],
  'settings.idle_lock_minutes': ['설정 변경: 자동 잠금', 'Settings changed: idle lock'],
  'settings.key_in_enabled': ['설정 변경: 카드번호 직접 입력', 'Settings changed: key-in'],
  'settings.launch_at_login': ['설정 변경: 자동 실행', 'Settings changed: launch at login'],
  'settings.training_mode': ['설정 변경: 교육 모드', 'Settings changed: training mode'],
  'settings.toss_secret_key_set': ['설정 변경: 토스 시크릿 키 저장', 'Settings changed: secret key saved'],
  'settings.toss_secret_key_cleared': [
    '설정 변경: 토스 시크릿 키 삭제',
    'Settings changed: secret key removed',
  ],
  'settings.toss_client_key_set': [
    '설정 변경: 토스 클라이언트 키 저장',
    'Settings changed: client key saved',
  ],
  'settings.toss_client_key_cleared': [
    '설정 변경: 토스 클라이언트 키 삭제',
    'Settings changed: client key removed',
  ],
  'settings.consent_template': ['설정 변경: 정기결제 약관 문구', 'Settings changed: consent terms'],
  'settings.offsite_backup': ['설정 변경: PC 밖 백업', 'Settings changed: off-PC backup'],
  'refund.approved': ['환불 승인 (PIN)', 'Refund approved (PIN)'],
  'charge.recovered': ['결제 복구 (토스 대조)', 'Charge recovered from Toss'],
  'refund.recovered': ['환불 복구 (토스 대조)', 'Refund recovered from Toss'],
  'recovery.toss_catch_up': ['복원 후 토스 대조', 'Caught up with Toss after a restore'],
  'recovery.unmatched_resolved': ['장부에 없는 토스 결제 처리', 'Unmatched Toss payment resolved'],
  'recovery.code_created': ['복구 코드 만들기', 'Recovery code created'],
  'recovery.code_replaced': ['복구 코드 새로 만들기', 'Recovery code replaced'],
  'operator.pin_hashes_keyed': ['PIN 보호 강화', 'PINs keyed to this store'],
  'consent.subscription': ['정기결제 동의', 'Consent to recurring charges'],
  'consent.price-increase': ['가격 인상 동의', 'Consent to a price increase'],
  'consent.trial-conversion': ['유료 전환 동의', 'Consent to paid charges after a trial'],
  'consent.withdrawal': ['동의 철회(해지)', 'Consent withdrawn (cancelled)'],
  'subscription.price_increase_pending': ['가격 인상: 동의 기다림', 'Price increase awaiting consent'],
  'subscription.price_increase_applied': ['가격 인상 적용', 'Price increase applied'],
  'subscription.price_increase_superseded': ['가격 인상 대체 (새 가격 결정)', 'Price increase superseded'],
};

const KEYS: Words = {
  amount: ['금액', 'Amount'],
  taxFreeAmount: ['면세', 'Tax-free'],
  fromAmount: ['이전 금액', 'Previous amount'],
  fromTaxFreeAmount: ['이전 면세', 'Previous tax-free'],
  balanceAmount: ['남은 금액', 'Balance'],
  balanceAfter: ['환불 후 남은 금액', 'Balance after'],
  cap: ['한도', 'Cap'],
  perChargeCap: ['1회 한도', 'Per-charge cap'],
  dailyCap: ['하루 한도', 'Daily cap'],
  orderId: ['주문번호', 'Order'],
  orderName: ['결제 내용', 'Item'],
  approveNo: ['승인번호', 'Approval no.'],
  code: ['토스 코드', 'Toss code'],
  message: ['사유', 'Reason'],
  reason: ['사유', 'Reason'],
  memberNo: ['회원번호', 'Member no.'],
  maskedNumber: ['카드', 'Card'],
  company: ['카드사', 'Card company'],
  name: ['이름', 'Name'],
  role: ['역할', 'Role'],
  active: ['사용', 'Active'],
  enabled: ['켜짐', 'On'],
  minutes: ['분', 'Minutes'],
  mode: ['모드', 'Mode'],
  dueAt: ['결제 예정', 'Due'],
  at: ['일시', 'At'],
  anchorDate: ['기준일', 'Anchor date'],
  startDate: ['시작일', 'Start date'],
  chargeTime: ['결제 시각', 'Charge time'],
  defaultRunTime: ['기본 결제 시각', 'Default charge time'],
  timeZone: ['시간대', 'Time zone'],
  catchUpThresholdDays: ['승인 필요 기준(일)', 'Catch-up threshold (days)'],
  retryDays: ['재시도(일 후)', 'Retry after (days)'],
  from: ['이전 상태', 'From'],
  to: ['바뀐 상태', 'To'],
  fields: ['바뀐 항목', 'Fields'],
  failures: ['틀린 횟수', 'Failures'],
  file: ['파일', 'File'],
  kind: ['종류', 'Kind'],
  subscriptionsChanged: ['가격이 바뀐 구독', 'Subscriptions repriced'],
  address: ['주소', 'Address'],
  phone: ['전화', 'Phone'],
  businessNumber: ['사업자등록번호', 'Business no.'],
  intervalCount: ['주기 (숫자)', 'Interval'],
  intervalUnit: ['주기 단위', 'Interval unit'],
  method: ['동의 방법', 'Method'],
  effectiveDate: ['적용일', 'Effective date'],
  effectiveFrom: ['적용 시작일', 'Effective from'],
  status: ['상태', 'Status'],
  count: ['건수', 'Count'],
  textLength: ['약관 글자 수', 'Terms length'],
  howToCancel: ['해지 방법', 'How to cancel'],
  folder: ['백업 폴더', 'Backup folder'],
  time: ['백업 시각', 'Backup time'],
  since: ['대조 시작', 'Compared since'],
  recoveredCharges: ['복구한 결제', 'Charges recovered'],
  recoveredRefunds: ['복구한 환불', 'Refunds recovered'],
  needsReview: ['확인 필요', 'To check'],
};

/** Machine keys and ids a person never needs on screen (the CSV export keeps them). */
const HIDDEN = new Set([
  'paymentKey',
  'transactionKey',
  // Toss support asks for it; the charge detail and review screens show it where they do.
  'traceId',
  'requestId',
  'via',
  'attemptId',
  'attemptNo',
  'refundId',
  'chargeId',
  'memberId',
  'cardId',
  'replacedCardId',
  'periodId',
  'planId',
  'subscriptionId',
  'operatorId',
  'id',
  'replacedId',
  'priceChangeId',
  'periodIndex',
  'signatureSha256',
]);

const MONEY = new Set([
  'amount',
  'taxFreeAmount',
  'fromAmount',
  'fromTaxFreeAmount',
  'balanceAmount',
  'balanceAfter',
]);
/** Caps: -1 (and null) is how the ledger writes "no cap". */
const CAPS = new Set(['cap', 'perChargeCap', 'dailyCap']);
const TIMES = new Set(['at', 'dueAt', 'since']);
/** A price increase's state, as the consent screens say it. */
const PRICE_CHANGE_STATUS: Words = {
  pending: ['동의 기다림', 'Awaiting consent'],
  consented: ['동의함', 'Consented'],
};

const pick = (words: readonly [string, string], locale: Locale) => (locale === 'ko' ? words[0] : words[1]);

export function actionLabel(action: string, locale: Locale): string {
  const words = ACTIONS[action];
  return words ? pick(words, locale) : action;
}

/** The details of a row as "label: value" pairs, in the store's words and units, with the ledger's key. */
export function detailPairs(
  details: Readonly<Record<string, unknown>>,
  i18n: I18n,
): [label: string, value: string, key: string][] {
  return Object.entries(details)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const words = KEYS[key];
      return [words ? pick(words, i18n.locale) : key, detailValue(key, value, i18n), key];
    });
}

function detailValue(key: string, value: unknown, i18n: I18n): string {
  if (CAPS.has(key) && (value === -1 || value === null)) return i18n.t('audit.noCap');
  if ((MONEY.has(key) || CAPS.has(key)) && typeof value === 'number') return i18n.won(value);
  if (TIMES.has(key) && typeof value === 'number') return i18n.dateTime(value);
  if (key === 'role' && typeof value === 'string') return i18n.maybe(`role.${value}`) ?? value;
  if (key === 'intervalUnit' && typeof value === 'string') return i18n.maybe(`plans.unit.${value}`) ?? value;
  if (key === 'method' && typeof value === 'string') return i18n.maybe(`consent.method.${value}`) ?? value;
  if (key === 'status' && typeof value === 'string') {
    const words = PRICE_CHANGE_STATUS[value];
    return words ? pick(words, i18n.locale) : value;
  }
  if ((key === 'from' || key === 'to') && typeof value === 'string') {
    return i18n.maybe(`subs.status.${value}`) ?? value;
  }
  if (typeof value === 'boolean' || ((key === 'active' || key === 'enabled') && typeof value === 'number')) {
    return i18n.t(value ? 'audit.yes' : 'audit.no');
  }
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The screen a row's subject opens, and how the link reads; null for subjects with no screen. */
export function subjectLink(
  subject: string,
  details: Readonly<Record<string, unknown>>,
  i18n: I18n,
): { route: Route; label: string } | null {
  const [kind, rawId] = subject.split(':');
  const id = Number(rawId);
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  switch (kind) {
    case 'member':
      return {
        route: { name: 'member', id },
        label: i18n.t('audit.subjectMember', { id: memberText(details, id) }),
      };
    case 'card': {
      const memberId = number(details.memberId);
      return memberId === undefined
        ? null
        : { route: { name: 'member', id: memberId }, label: i18n.t('audit.subjectCard', { id }) };
    }
    case 'charge_attempt':
      return { route: { name: 'charge-detail', id }, label: i18n.t('audit.subjectCharge', { id }) };
    case 'refund': {
      const chargeId = number(details.chargeId);
      return chargeId === undefined
        ? null
        : { route: { name: 'charge-detail', id: chargeId }, label: i18n.t('audit.subjectRefund', { id }) };
    }
    case 'subscription':
      return { route: { name: 'subscriptions' }, label: i18n.t('audit.subjectSubscription', { id }) };
    case 'subscription_period':
      return { route: { name: 'catch-ups' }, label: i18n.t('audit.subjectPeriod', { id }) };
    case 'plan':
      return { route: { name: 'subscriptions' }, label: i18n.t('audit.subjectPlan', { id }) };
    case 'operator':
      // Staff changes are written under the one who made them; details.id names the one changed.
      return {
        route: { name: 'staff' },
        label: i18n.t('audit.subjectOperator', { id: number(details.id) ?? id }),
      };
    case 'settings':
      return { route: { name: 'settings' }, label: i18n.t('audit.subjectSettings') };
    case 'consent': {
      // The consent history lives on the member's page.
      const memberId = number(details.memberId);
      return memberId === undefined
        ? null
        : { route: { name: 'member', id: memberId }, label: i18n.t('audit.subjectConsent', { id }) };
    }
    default:
      return null;
  }
}

function memberText(details: Readonly<Record<string, unknown>>, id: number): string {
  return typeof details.memberNo === 'string' ? details.memberNo : `#${id}`;
}
