import type { ReactNode } from 'react';

/** A problem the person must read now (announced at once). */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert alert-error">
      {children}
    </div>
  );
}

/** Good news or progress (announced politely). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <output className="alert alert-info" aria-live="polite">
      {children}
    </output>
  );
}
