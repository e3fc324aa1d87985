/** A clock that moves `stepMs` forward at every reading, so each record gets a time of its own. */
export function steppingClock(start: number, stepMs: number): () => Date {
  let at = start;
  return () => {
    at += stepMs;
    return new Date(at);
  };
}
