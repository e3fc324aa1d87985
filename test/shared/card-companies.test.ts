import { describe, expect, it } from 'vitest';
import { cardCompanyName } from '../../shared/card/index.ts';

describe('cardCompanyName', () => {
  it('names the card institutions from the Toss code table', () => {
    expect(cardCompanyName('21')).toBe('하나');
    expect(cardCompanyName('11')).toBe('국민');
    expect(cardCompanyName('61')).toBe('현대');
    expect(cardCompanyName('3K')).toBe('기업비씨');
    expect(cardCompanyName('33')).toBe('우리');
    expect(cardCompanyName('W1')).toBe('우리');
    expect(cardCompanyName('4V')).toBe('비자');
  });

  it('returns undefined for unknown codes, including object property names', () => {
    expect(cardCompanyName('99')).toBeUndefined();
    expect(cardCompanyName('3k')).toBeUndefined();
    expect(cardCompanyName('constructor')).toBeUndefined();
    expect(cardCompanyName('')).toBeUndefined();
  });
});
