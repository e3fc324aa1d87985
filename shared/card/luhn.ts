const ASCII_DIGITS = /^[0-9]+$/;

// Sum of the Luhn algorithm, counting from the right; `doubleFirst` says whether the rightmost
// digit is doubled (true when computing a check digit that will be appended after it).
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** Luhn (mod 10) check of a string of ASCII digits; false for an empty or non-digit string. */
export function passesLuhn(digits: string): boolean {
  return ASCII_DIGITS.test(digits) && luhnSum(digits, false) % 10 === 0;
}

/** The digit that, appended to `payload`, makes it pass the Luhn check; undefined if `payload` is not digits. */
export function luhnCheckDigit(payload: string): string | undefined {
  if (!ASCII_DIGITS.test(payload)) return undefined;
  return String((10 - (luhnSum(payload, true) % 10)) % 10);
}
