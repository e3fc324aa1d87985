import { type ChangeEvent, type Ref, useCallback, useLayoutEffect, useRef } from 'react';
import { type CardMode, type CardSwipe, groupCardNumberInput } from '../../../shared/card/index.ts';
import { TextField } from '../../components/TextField.tsx';
import { cardNumberDigits, caretAfterDigits } from './card-typing.ts';
import { useCardSwipe } from './use-card-swipe.ts';

/**
 * The card number, grouped as it is typed ('9410 0012 3456 7890'). Grouping inserts spaces, so the
 * caret is put back after the same number of digits, or editing in the middle would jump to the end.
 * A magnetic card reader typing into the field is caught and its parsed swipe handed to `onSwipe`.
 */
export function CardNumberField({
  digits,
  onDigits,
  label,
  error,
  mode,
  onSwipe,
  ref,
}: {
  digits: string;
  onDigits: (digits: string) => void;
  label: string;
  error: string | undefined;
  mode: CardMode;
  onSwipe: (read: CardSwipe) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  const caret = useRef<number | null>(null);
  const grouped = groupCardNumberInput(digits);
  const swipeKey = useCardSwipe(mode, onSwipe);
  // Stable, so React attaches it once: a new function each render would re-run the caller's ref.
  const attach = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );

  useLayoutEffect(() => {
    if (caret.current === null || !input.current) return;
    const at = caretAfterDigits(grouped, caret.current);
    input.current.setSelectionRange(at, at);
    caret.current = null;
  }, [grouped]);

  function change(event: ChangeEvent<HTMLInputElement>) {
    const typed = event.target.value;
    caret.current = cardNumberDigits(typed.slice(0, event.target.selectionStart ?? typed.length)).length;
    onDigits(cardNumberDigits(typed));
  }

  return (
    <TextField
      id="card-number"
      ref={attach}
      label={label}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="field-card-number"
      value={grouped}
      onChange={change}
      onKeyDown={swipeKey}
      error={error}
    />
  );
}
