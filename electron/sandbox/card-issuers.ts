import type { IdentityKind, TestCard } from './test-cards.ts';

/** §13: Toss's issuer codes and the Korean short names Billing.cardCompany uses (2022-11-16). */
const ISSUER_NAMES: Readonly<Record<string, string>> = {
  '3K': '기업비씨',
  '46': '광주',
  '71': '롯데',
  '30': '산업',
  '31': '비씨',
  '51': '삼성',
  '38': '새마을',
  '41': '신한',
  '62': '신협',
  '36': '씨티',
  '33': '우리',
  W1: '우리',
  '37': '우체국',
  '39': '저축',
  '35': '전북',
  '42': '제주',
  '15': '카카오뱅크',
  '3A': '케이뱅크',
  '24': '토스뱅크',
  '21': '하나',
  '61': '현대',
  '11': '국민',
  '91': '농협',
  '34': '수협',
  '6D': '다이너스',
  '6I': '디스커버',
  '4M': '마스터',
  '3C': '유니온페이',
  '7A': 'AMEX',
  '4J': 'JCB',
  '4V': '비자',
};

/** The Korean short name of an issuer code, as Billing.cardCompany shows it. */
export function issuerName(issuerCode: string): string {
  return ISSUER_NAMES[issuerCode] ?? issuerCode;
}

interface BinRange {
  readonly from: string;
  readonly to: string;
  readonly issuerCode: string;
}

/**
 * BIN ranges of cards issued in Korea by the major issuers. Test mode checks only that a card's
 * BIN is one of a Korean issuer (§14; a live run charged 4906251234123456 to DONE), so a store
 * owner can train with their own card. The ranges come from public BIN listings and Korean card
 * press (domestic-only cards start with 9); Toss's own table is not published, so an issuer here
 * may differ from the one Toss reports [U]. A BIN in no range is refused as INVALID_CARD_NUMBER.
 */
export const KOREAN_BIN_RANGES: readonly BinRange[] = [
  { from: '490620', to: '490629', issuerCode: '11' },
  { from: '457972', to: '457973', issuerCode: '11' },
  { from: '540926', to: '540926', issuerCode: '11' },
  { from: '944500', to: '944599', issuerCode: '11' },
  { from: '451842', to: '451845', issuerCode: '41' },
  { from: '942000', to: '942099', issuerCode: '41' },
  { from: '531838', to: '531838', issuerCode: '51' },
  { from: '943100', to: '943199', issuerCode: '51' },
  { from: '402867', to: '402867', issuerCode: '61' },
  { from: '943300', to: '943399', issuerCode: '61' },
  { from: '467309', to: '467309', issuerCode: '71' },
  { from: '940300', to: '940399', issuerCode: '71' },
  { from: '941100', to: '941199', issuerCode: '21' },
  { from: '942500', to: '942599', issuerCode: '31' },
  { from: '944600', to: '944699', issuerCode: '91' },
  { from: '946200', to: '946299', issuerCode: '33' },
  { from: '536510', to: '536510', issuerCode: '15' },
  { from: '949099', to: '949099', issuerCode: '15' },
];

/**
 * The profile of an unscripted card whose BIN lies in a Korean issuer's range: it registers and
 * charges like a real card in test mode. The BIN says nothing reliable about the card's type, so
 * it is 신용, and its owner is 법인 when registered with a business number, else 개인.
 */
export function koreanCardProfile(cardNumber: string, identity: IdentityKind): TestCard | undefined {
  const bin = cardNumber.slice(0, 6);
  const range = KOREAN_BIN_RANGES.find((candidate) => candidate.from <= bin && bin <= candidate.to);
  if (!range) return undefined;
  return {
    bin,
    exampleNumber: `${bin}1234567890`,
    issuerCode: range.issuerCode,
    acquirerCode: range.issuerCode,
    cardType: '신용',
    ownerType: identity === 'business-number' ? '법인' : '개인',
    identity,
    issue: 'ISSUED',
    charge: 'DONE',
    purpose: `A card issued in Korea by ${issuerName(range.issuerCode)} (BIN range ${range.from}–${range.to}).`,
  };
}
