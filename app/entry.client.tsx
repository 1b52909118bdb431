import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { AfterHydration, rememberTypedText } from './hydration';

rememberTypedText(document);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <AfterHydration>
        <RemixBrowser />
      </AfterHydration>
    </StrictMode>,
  );
});
