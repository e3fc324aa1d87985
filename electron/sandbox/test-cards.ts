import type { ErrorCode } from './errors.ts';
import type { CardType, OwnerType } from './toss-objects.ts';

/**
 * Which identity number a card accepts at issue: a 6-digit birth date for personal cards, a
 * 10-digit business registration number for corporate ones, either for cards of unknown type.
 */
export type IdentityKind = 'birth-date' | 'business-number' | 'any';

export interface TestCard {
  /** The first 6 digits, which select the script (test mode checks only the BIN, §14). */
  readonly bin: string;
  readonly exampleNumber: string;
  readonly issuerCode: string;
  readonly acquirerCode: string;
  readonly cardType: CardType;
  readonly ownerType: OwnerType;
  readonly identity: IdentityKind;
  /** What POST /v1/billing/authorizations/card answers. */
  readonly issue: 'ISSUED' | ErrorCode;
  /**
   * What POST /v1/billing/{billingKey} answers once every other check has passed; null for cards
   * refused at registration, which never get a billing key.
   */
  readonly charge: 'DONE' | ErrorCode | null;
  /** One line for staff training and test readers. */
  readonly purpose: string;
}

function card(
  bin: string,
  profile: Pick<TestCard, 'issuerCode' | 'acquirerCode' | 'cardType' | 'ownerType'>,
  issue: TestCard['issue'],
  charge: TestCard['charge'],
  purpose: string,
): TestCard {
  const identity: IdentityKind =
    profile.ownerType === '개인' ? 'birth-date' : profile.ownerType === '법인' ? 'business-number' : 'any';
  return { bin, exampleNumber: `${bin}1234567890`, ...profile, identity, issue, charge, purpose };
}

const PERSONAL_CREDIT = {
  issuerCode: '21',
  acquirerCode: '21',
  cardType: '신용',
  ownerType: '개인',
} as const;

/** The scripted cards. README.md shows the same table for people. */
export const TEST_CARDS: readonly TestCard[] = [
  card('941000', PERSONAL_CREDIT, 'ISSUED', 'DONE', 'Approves, as measured on the real test API.'),
  card(
    '941005',
    { issuerCode: '11', acquirerCode: '11', cardType: '체크', ownerType: '개인' },
    'ISSUED',
    'DONE',
    'A personal debit card that approves.',
  ),
  card(
    '941006',
    { issuerCode: '41', acquirerCode: '41', cardType: '신용', ownerType: '법인' },
    'ISSUED',
    'DONE',
    'A corporate card: register it with a 10-digit business registration number.',
  ),
  card(
    '941001',
    { issuerCode: '61', acquirerCode: '61', cardType: '신용', ownerType: '개인' },
    'ISSUED',
    'REJECT_CARD_PAYMENT',
    'Soft decline (limit exceeded or insufficient balance): dunning retries later.',
  ),
  card(
    '941002',
    { issuerCode: '51', acquirerCode: '51', cardType: '신용', ownerType: '개인' },
    'ISSUED',
    'INVALID_STOPPED_CARD',
    'Stopped card: the customer must register another card.',
  ),
  card(
    '941003',
    { issuerCode: '71', acquirerCode: '71', cardType: '신용', ownerType: '개인' },
    'ISSUED',
    'INVALID_CARD_LOST_OR_STOLEN',
    'Lost or stolen card: the customer must register another card.',
  ),
  card(
    '941004',
    { issuerCode: '31', acquirerCode: '31', cardType: '미확인', ownerType: '미확인' },
    'ISSUED',
    'NOT_SUPPORTED_CARD_TYPE',
    'Issues with card type 미확인; every charge is refused.',
  ),
  card(
    '433012',
    { issuerCode: '61', acquirerCode: '31', cardType: '미확인', ownerType: '미확인' },
    'ISSUED',
    'NOT_SUPPORTED_CARD_TYPE',
    'Measured on the real test API (4330121234567890): issues as 미확인, charges are refused.',
  ),
  card(
    '552022',
    { issuerCode: '4M', acquirerCode: '4M', cardType: '미확인', ownerType: '미확인' },
    'ISSUED',
    'NOT_SUPPORTED_CARD_TYPE',
    'Measured on the real test API (5520221234567890): issues as 미확인, charges are refused.',
  ),
  card('941090', PERSONAL_CREDIT, 'INVALID_CARD_NUMBER', null, 'Refused at registration: card number.'),
  card('941091', PERSONAL_CREDIT, 'INVALID_CARD_EXPIRATION', null, 'Refused at registration: expiry date.'),
  card('941092', PERSONAL_CREDIT, 'INVALID_CARD_PASSWORD', null, 'Refused at registration: card password.'),
  card(
    '941093',
    PERSONAL_CREDIT,
    'INVALID_CARD_IDENTITY',
    null,
    'Refused at registration: birth date or business number does not match.',
  ),
];

export function findTestCard(cardNumber: string): TestCard | undefined {
  const bin = cardNumber.slice(0, 6);
  return TEST_CARDS.find((candidate) => candidate.bin === bin);
}
