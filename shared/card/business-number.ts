const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/**
 * Korean business registration number (사업자등록번호) check digit, published by the National
 * Tax Service: multiply the first nine digits by 1,3,7,1,3,7,1,3,5 and add the products, then add
 * floor(d9 × 5 / 10) once more (the tens carry of the last product). The tenth digit must equal
 * (10 − sum mod 10) mod 10. Example: 124-81-00998.
 */
export function isValidBusinessNumber(digits: string): boolean {
  if (!/^[0-9]{10}$/.test(digits)) return false;
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += (digits.charCodeAt(i) - 0x30) * weight;
  sum += Math.floor(((digits.charCodeAt(8) - 0x30) * 5) / 10);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(9) - 0x30;
}
