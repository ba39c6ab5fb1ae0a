import type { ReactNode } from 'react';

interface StatusProps {
  children?: ReactNode;
  tone?: 'info' | 'success' | 'error';
}

/** A polite live region: rendered empty first so screen readers announce what appears in it. */
export function Status({ children, tone = 'info' }: StatusProps) {
  return (
    <div role="status" className={children ? `notice notice--${tone}` : 'notice--empty'}>
      {children}
    </div>
  );
}
