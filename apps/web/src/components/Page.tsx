import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { wasNavigated } from '../router/router';

interface PageProps {
  title: string;
  children?: ReactNode;
  /** Narrow pages suit single forms; wide ones suit lists. */
  width?: 'narrow' | 'wide';
}

export function Page({ title, children, width = 'narrow' }: PageProps) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  // After in-app navigation screen readers would otherwise stay on the clicked link.
  useEffect(() => {
    if (wasNavigated()) headingRef.current?.focus();
  }, []);

  return (
    <div className={`page page--${width}`}>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
