/*
 * PINs a stranger would try first. A manager's or owner's PIN approves charges over a cap and opens
 * the owner's settings, so it must not be one of these; staff PINs may be (their caps bound them).
 */

/** 0000, 111111: one digit repeated. */
const repeated = (pin: string) => /^(\d)\1+$/.test(pin);

/** 1234, 987654, 7890: each digit one up (or one down) from the last, 0 after 9 as on a keypad. */
function sequential(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, i) => (digit - (digits[i] as number) + 10) % 10);
  return steps.every((step) => step === 1) || steps.every((step) => step === 9);
}

const isDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** MMDD (0315), YYMMDD (900315), or a year of birth (1988): the first guesses of anyone who knows you. */
function dateLike(pin: string): boolean {
  if (pin.length === 4) {
    const year = Number(pin);
    return isDay(Number(pin.slice(0, 2)), Number(pin.slice(2))) || (year >= 1930 && year <= 2029);
  }
  return pin.length === 6 && isDay(Number(pin.slice(2, 4)), Number(pin.slice(4)));
}

/** Why `pin` (already 4–6 digits) is too easy to guess, or null when it is not. */
export function weakPinReason(pin: string): string | null {
  if (repeated(pin)) return '같은 숫자를 반복한 PIN';
  if (sequential(pin)) return '연속된 숫자로 된 PIN';
  if (dateLike(pin)) return '생일이나 연도처럼 보이는 PIN';
  return null;
}
