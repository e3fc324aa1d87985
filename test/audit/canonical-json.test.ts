import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../../electron/core/audit/index.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: null }, ä: true, A: 'x' })).toBe(
      '{"A":"x","a":{"c":null,"d":[3,1,2]},"b":1,"ä":true}',
    );
  });

  it('gives the same text for the same content, whatever order it was built in', () => {
    const one = { amount: 15_000, memo: '월 회원권', tags: ['a', 'b'] };
    const other = { tags: ['a', 'b'], memo: '월 회원권', amount: 15_000 };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(JSON.parse(canonicalJson(one))).toEqual(one);
  });

  it('writes strings as JSON.stringify does: Korean as is, quotes and controls escaped', () => {
    expect(canonicalJson({ memo: '회원 "김" \n 탭\t' })).toBe('{"memo":"회원 \\"김\\" \\n 탭\\t"}');
  });

  it('leaves out undefined values, as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a Date', new Date(0) as unknown as JsonValue],
    ['a Map', new Map() as unknown as JsonValue],
  ])('refuses %s, which has no single JSON form', (_, value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});
