import { type ReactNode, useEffect, useRef } from 'react';

/**
 * Whether the user has moved within the app (a link, a form, signing in). On a fresh load of a page
 * focus stays at the top of the document, so the first Tab reaches the skip link; after a move it
 * goes to the new page's heading.
 */
let moved = false;
export function markNavigation(): void {
  moved = true;
}

/**
 * Every page: sets the document title and, after a navigation, moves focus to its heading, so a
 * screen reader announces where it landed and Tab continues from the top of the content.
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
  // StrictMode runs effects twice in development; the decision is taken once per page.
  const decided = useRef(false);
  useEffect(() => {
    document.title = `${title} · IMR Desk`;
  }, [title]);
  useEffect(() => {
    if (decided.current) return;
    decided.current = true;
    if (moved) heading.current?.focus();
    moved = true;
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
