import { TextField, type TextFieldProps } from './TextField.tsx';

type PinFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'inputMode' | 'maxLength'> & {
  readonly value: string;
  readonly onValue: (pin: string) => void;
};

/** A 4–6 digit PIN, masked; anything but digits is dropped as it is typed. */
export function PinField({ value, onValue, ...field }: PinFieldProps) {
  return (
    <TextField
      {...field}
      type="password"
      inputMode="numeric"
      maxLength={6}
      value={value}
      onChange={(event) => onValue(event.target.value.replace(/\D/g, ''))}
    />
  );
}
