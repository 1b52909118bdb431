import { Form, useRouteLoaderData, type FormProps } from '@remix-run/react';
import type { RootLoaderData } from '../root';

/** Hidden CSRF field; every form that posts must carry it (see csrf.server.ts). */
export function CsrfInput() {
  const root = useRouteLoaderData<RootLoaderData>('root');
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />;
}

/** A POST form that works without JavaScript and carries the CSRF token. */
export function PostForm({ children, ...props }: Omit<FormProps, 'method'>) {
  return (
    <Form method="post" {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}

/**
 * The button Enter in a text field presses. Browsers take the first submit button of a form for
 * that; in forms whose first buttons add or remove rows, this invisible copy of the main action
 * comes first, so Enter never removes a row. Not in the tab order and hidden from screen readers:
 * the visible button with the same action is there for them.
 */
export function DefaultSubmit({ intent, label }: { intent: string; label: string }) {
  return (
    <button type="submit" name="intent" value={intent} className="default-submit" tabIndex={-1} aria-hidden="true">
      {label}
    </button>
  );
}
