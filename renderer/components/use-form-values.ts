import { useState } from 'react';

/** A form's text fields in one record; `bind(name)` hands a TextField its value and onChange. */
export function useFormValues<Name extends string>(initial: Record<Name, string>) {
  const [values, setValues] = useState(initial);
  const bind = (name: Name) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [name]: event.target.value })),
  });
  return { values, setValues, bind };
}
