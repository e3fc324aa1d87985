import { describe, expect, it } from 'vitest';
import { validateCardPassword } from '../../shared/card/index.ts';

describe('validateCardPassword', () => {
  it('accepts exactly two digits, also full-width', () => {
    expect(validateCardPassword('12')).toEqual({ ok: true, value: '12' });
    expect(validateCardPassword('０９')).toEqual({ ok: true, value: '09' });
  });

  it('rejects the whole PIN, a single digit, letters and blank input', () => {
    expect(validateCardPassword('1234')).toMatchObject({ ok: false, code: 'PASSWORD_LENGTH' });
    expect(validateCardPassword('1')).toMatchObject({ ok: false, code: 'PASSWORD_LENGTH' });
    expect(validateCardPassword('1a')).toMatchObject({ ok: false, code: 'PASSWORD_CHARACTERS' });
    expect(validateCardPassword('')).toMatchObject({ ok: false, code: 'PASSWORD_REQUIRED' });
  });
});
