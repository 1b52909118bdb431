import { RemixBrowser } from '@remix-run/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { AfterHydration, rememberTypedText } from './hydration';

rememberTypedText(document);

// Not in a transition: React then hydrates in one task, from the first render to the commit, so no
// key pressed in between can act on a text area React has set back (ADR 0103); keys wait for it.
hydrateRoot(
  document,
  <StrictMode>
    <AfterHydration>
      <RemixBrowser />
    </AfterHydration>
  </StrictMode>,
);
