import type { ReactNode } from 'react';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';

/** One list of the consent screen: its title and intro, what went wrong or was done, then the rest. */
export function ConsentPanel({
  id,
  title,
  intro,
  failures,
  notice,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  failures: readonly (string | null)[];
  notice: string | null;
  children: ReactNode;
}) {
  return (
    <section className="panel stack" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      {failures.map((failure) => failure && <ErrorAlert key={failure}>{failure}</ErrorAlert>)}
      {notice && <Notice>{notice}</Notice>}
      {children}
    </section>
  );
}
