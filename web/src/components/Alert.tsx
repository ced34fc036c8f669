import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/http.ts';

type Tone = 'error' | 'success' | 'warning' | 'info';

/**
 * A message box. Errors and warnings use role="alert" (announced at once); success and info use
 * role="status" (announced politely). Render it only when there is something to say, so the
 * announcement happens when it appears.
 */
export function Alert({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`alert ${tone}`} role={role}>
      {title === undefined ? null : <span className="alert-title">{title}</span>}
      {children}
    </div>
  );
}

/** The server's message for a failed request, with its code for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <Alert tone="error" title={title ?? 'That did not work'}>
      <p>
        {errorMessage(error)}
        {code?.startsWith('IMR_') ? <span className="muted"> ({code})</span> : null}
      </p>
    </Alert>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
