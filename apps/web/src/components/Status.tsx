import { Children, type ReactNode } from 'react';

interface StatusProps {
  children?: ReactNode;
  tone?: 'info' | 'success' | 'error';
}

/** A polite live region: rendered empty first so screen readers announce what appears in it. */
export function Status({ children, tone = 'info' }: StatusProps) {
  // toArray drops false, null and undefined, so `{flag && text}` children count as empty.
  const hasContent = Children.toArray(children).length > 0;

  return (
    <div role="status" className={hasContent ? `notice notice--${tone}` : undefined}>
      {children}
    </div>
  );
}
