import { type KeyboardEvent, useEffect, useRef } from 'react';
import { type CardMode, type CardSwipe, parseCardSwipe } from '../../../shared/card/index.ts';
import { startsCardSwipe, swipeCharacter } from './card-typing.ts';

// A reader types a whole swipe in well under this. A reader set up without a final Enter, or a
// swipe cut off half-way, ends when its keys stop.
const QUIET_MS = 400;

/**
 * Catches a keyboard-wedge card reader typing into the card number field. A swipe starts with a
 * track start sentinel, which no typed card number holds; from there every keystroke is kept out
 * of the field and collected here, then parsed on Enter or after a pause. Only the parsed number
 * and expiry leave: the raw text, cardholder name included, is dropped once parsed (design.md
 * invariant 2), and is never in React state, so never in the DOM.
 */
export function useCardSwipe(mode: CardMode, onSwipe: (read: CardSwipe) => void) {
  const swipe = useRef<string | null>(null);
  const quiet = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(quiet.current);
      swipe.current = null;
    },
    [],
  );

  function finish() {
    clearTimeout(quiet.current);
    const text = swipe.current;
    swipe.current = null;
    if (text !== null) onSwipe(parseCardSwipe(text, { mode }));
  }

  return function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (swipe.current === null) {
      if (!startsCardSwipe(event.key)) return;
      swipe.current = '';
    }
    // Enter included: it ends the swipe and must not submit the form with the fields still empty.
    event.preventDefault();
    if (event.key === 'Enter') return finish();
    swipe.current += swipeCharacter(event.key, event.code);
    clearTimeout(quiet.current);
    quiet.current = setTimeout(finish, QUIET_MS);
  };
}
