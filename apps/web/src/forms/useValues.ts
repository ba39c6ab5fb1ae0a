import { useState } from 'react';

export interface BoundField {
  name: string;
  value: string;
  onChange: (value: string) => void;
}

type StringFields<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** Holds a form's string values and hands each input its value and change handler. */
export function useValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);

  const bind = <K extends StringFields<T>>(name: K): BoundField => ({
    name: String(name),
    value: values[name] as string,
    onChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
  });

  return { values, bind };
}
