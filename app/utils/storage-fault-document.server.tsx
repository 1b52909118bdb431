import { renderToStaticMarkup } from 'react-dom/server';
import { StorageUnavailablePage } from '../components/storage-unavailable';
import type { StorageUnavailable } from './storage-unavailable';

/**
 * The 503 page of a storage fault as a whole HTML document, for routes that answer without the page
 * frame (downloads, form posts to resource routes): the same German text and "Erneut senden" form as
 * inside the frame, readable without styles or JavaScript.
 */
export function storageFaultDocument(kept: StorageUnavailable): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang="de-DE">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Vorübergehend nicht verfügbar – Förderlotse Bürgerbeteiligung</title>
      </head>
      <body>
        <main>
          <StorageUnavailablePage kept={kept} />
          <p>
            <a href="/">Zur Startseite</a>
          </p>
        </main>
      </body>
    </html>,
  )}`;
}
