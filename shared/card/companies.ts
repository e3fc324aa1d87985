// Toss's card institution codes (issuerCode / acquirerCode, API 2022-11-16 and later), from
// toss-api.md §13; the authoritative list is docs.tosspayments.com/codes/org-codes.
const CARD_COMPANIES: ReadonlyMap<string, string> = new Map([
  ['3K', '기업비씨'],
  ['46', '광주'],
  ['71', '롯데'],
  ['30', '산업'],
  ['31', 'BC'],
  ['51', '삼성'],
  ['38', '새마을'],
  ['41', '신한'],
  ['62', '신협'],
  ['36', '씨티'],
  ['33', '우리'],
  ['W1', '우리'],
  ['37', '우체국'],
  ['39', '저축'],
  ['35', '전북'],
  ['42', '제주'],
  ['15', '카카오뱅크'],
  ['3A', '케이뱅크'],
  ['24', '토스뱅크'],
  ['21', '하나'],
  ['61', '현대'],
  ['11', '국민'],
  ['91', '농협'],
  ['34', '수협'],
  ['6D', '다이너스'],
  ['6I', '디스커버'],
  ['4M', '마스터'],
  ['3C', '유니온페이'],
  ['7A', 'AMEX'],
  ['4J', 'JCB'],
  ['4V', '비자'],
]);

/** Korean short name of a Toss card institution code ('21' → '하나'); undefined for an unknown code. */
export function cardCompanyName(code: string): string | undefined {
  return CARD_COMPANIES.get(code);
}
