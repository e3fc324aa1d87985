/**
 * Toss's Korean messages as the store reads them: Toss writes some with stray or missing spaces
 * ('정지된 카드 입니다.', '확인해주세요.(유효기간)'). Only spacing changes, never the words, so
 * the message still says exactly what Toss said.
 */
export function tossMessageText(message: string): string {
  return message
    .replace(/\s+/g, ' ')
    .replace(/([가-힣])\s+(입니다|이에요|예요)/g, '$1$2')
    .replace(/해주세요/g, '해 주세요')
    .replace(/\s+([.,!?)])/g, '$1')
    .replace(/([.!?])(?=[가-힣A-Za-z(])/g, '$1 ')
    .trim();
}
