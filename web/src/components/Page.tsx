import { type ReactNode, useEffect, useRef } from 'react';

/**
 * Every page: sets the document title and moves focus to its heading when it appears, so a screen
 * reader announces where a navigation landed and Tab continues from the top of the content.
 */
export function Page({
  title,
  sub,
  actions,
  children,
}: {
  title: string;
  sub?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · IMR Desk`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {sub === undefined ? null : <span className="sub">{sub}</span>}
        {actions === undefined ? null : <div className="actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
