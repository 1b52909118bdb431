/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { AppLoadContext as RemixAppLoadContext } from '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy, set by server.mjs. */
    cspNonce: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export type { RemixAppLoadContext };
