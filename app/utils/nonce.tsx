import { createContext, useContext } from 'react';

/** Carries the per-request CSP nonce from entry.server to the document's <Scripts>. */
export const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
