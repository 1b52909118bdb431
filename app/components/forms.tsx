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
