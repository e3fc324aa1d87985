import type { Ref } from 'react';
import { TextField } from './TextField.tsx';

/** Two date inputs, `${prefix}-from` and `${prefix}-to`: a filter's store-local days. */
export function DateRangeFields({
  prefix,
  fromLabel,
  toLabel,
  from,
  to,
  onFrom,
  onTo,
  fromRef,
}: {
  prefix: string;
  fromLabel: string;
  toLabel: string;
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
  fromRef?: Ref<HTMLInputElement>;
}) {
  return (
    <>
      <TextField
        id={`${prefix}-from`}
        ref={fromRef}
        type="date"
        label={fromLabel}
        value={from}
        onChange={(event) => onFrom(event.target.value)}
      />
      <TextField
        id={`${prefix}-to`}
        type="date"
        label={toLabel}
        value={to}
        onChange={(event) => onTo(event.target.value)}
      />
    </>
  );
}
