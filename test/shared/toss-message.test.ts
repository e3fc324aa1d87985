import { describe, expect, it } from 'vitest';
import { tossMessageText } from '../../renderer/toss-message.ts';

describe("Toss's messages cleaned for display", () => {
  it.each([
    ['정지된 카드 입니다.', '정지된 카드입니다.'],
    ['카드 정보를 다시 확인해주세요.(유효기간)', '카드 정보를 다시 확인해 주세요. (유효기간)'],
    [
      '  한도초과 혹은 잔액부족으로   결제에 실패했습니다 . ',
      '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
    ],
    ['잘못된 요청입니다.다시 시도해주세요', '잘못된 요청입니다. 다시 시도해 주세요'],
    ['금액은 1.5배까지입니다.', '금액은 1.5배까지입니다.'],
  ])('%s → %s', (raw, shown) => {
    expect(tossMessageText(raw)).toBe(shown);
  });
});
