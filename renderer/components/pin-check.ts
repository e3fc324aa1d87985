import type { MessageKey } from '../i18n/i18n.tsx';

const PIN = /^\d{4,6}$/;

/** A new PIN typed twice: 4–6 digits, the same both times (main checks the same rule again). */
export function checkNewPin(pin: string, pinAgain: string): { pin?: MessageKey; pinAgain?: MessageKey } {
  if (!PIN.test(pin)) return { pin: 'setup.pinInvalid' };
  if (pin !== pinAgain) return { pinAgain: 'setup.pinMismatch' };
  return {};
}
