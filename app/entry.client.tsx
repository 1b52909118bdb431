import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { KeepTypedText, rememberTypedText } from './typed-text';

rememberTypedText(document);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <KeepTypedText>
        <RemixBrowser />
      </KeepTypedText>
    </StrictMode>,
  );
});
