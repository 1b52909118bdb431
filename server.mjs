// Production server: Express in front of the Remix request handler. It adds what Remix has no
// place for: security headers with a per-request CSP nonce, a cross-origin check on every
// mutating request, a body-size limit, static files and the client address.
import { randomBytes } from 'node:crypto';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';

const MAX_FORM_BYTES = 5 * 1024 * 1024; // 100 000 characters of emoji, URL-encoded, still fit
const MAX_UPLOAD_BYTES = 11 * 1024 * 1024; // 10 MB attachment plus form overhead

// React's production build (the development build is several times slower and checks props).
// Set before the app (and React) is imported below.
process.env.NODE_ENV ??= 'production';
const build = await import('./build/index.js');
try {
  await build.entry.module.startup();
} catch (error) {
  console.error(`Start abgebrochen: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

function page(title, message) {
  return `<!doctype html><html lang="de-DE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Förderlotse Bürgerbeteiligung</title></head><body><main><h1>${title}</h1><p>${message}</p><p>Gehen Sie mit der Zurück-Funktion Ihres Browsers zur vorherigen Seite; Ihre Eingaben sind dort in der Regel noch vorhanden.</p><p><a href="/">Zur Startseite</a></p></main></body></html>`;
}

function logLine(level, event, details) {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...details });
  (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', process.env.TRUST_PROXY === 'true');

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString('base64');
  res.locals.cspNonce = nonce;
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // The client address for throttling and the session list; never taken from the client's own header.
  req.headers['x-client-ip'] = req.ip ?? req.socket.remoteAddress ?? '';
  next();
});

// Cross-origin writes are refused before any application code runs (CSRF defence in depth; the
// forms also carry a token). Browsers send Origin on every POST; Sec-Fetch-Site where they can.
app.use((req, res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  const own = `${req.protocol}://${req.get('host')}`;
  const crossOrigin = (origin !== undefined && origin !== own) || site === 'cross-site' || site === 'same-site';
  if (crossOrigin) {
    logLine('warn', 'request.cross_origin_refused', { path: req.path, origin: origin ?? null });
    res
      .status(403)
      .type('html')
      .send(page('Anfrage abgelehnt', 'Dieses Formular wurde von einer fremden Webseite abgeschickt und deshalb nicht verarbeitet.'));
    return;
  }
  const length = Number(req.get('content-length') ?? 0);
  const isUpload = (req.get('content-type') ?? '').startsWith('multipart/form-data');
  if (length > (isUpload ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES)) {
    logLine('warn', 'request.too_large', { path: req.path, bytes: length });
    res
      .status(413)
      .type('html')
      .send(
        page(
          'Die Datei oder Eingabe ist zu groß',
          isUpload
            ? 'Anlagen dürfen höchstens 10 MB groß sein. Bitte verkleinern Sie die Datei (zum Beispiel als PDF mit geringerer Auflösung) und laden Sie sie erneut hoch.'
            : 'Die gesendeten Angaben sind zu umfangreich. Bitte kürzen Sie Ihre Texte und versuchen Sie es erneut.',
        ),
      );
    req.resume();
    return;
  }
  next();
});

app.use(compression());
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
// Only real files of public/ are served statically; checking the disk for every page would cost.
app.get('/favicon.svg', express.static('public', { maxAge: '1h' }));

app.all(
  '*',
  createRequestHandler({
    build,
    mode: 'production',
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);

// Last resort: anything that escaped Remix's own error handling.
app.use((error, req, res, _next) => {
  logLine('error', 'request.crashed', { path: req.path, message: error instanceof Error ? error.message : String(error) });
  if (res.headersSent) return;
  res
    .status(500)
    .type('html')
    .send(page('Es ist ein Fehler aufgetreten', 'Bitte versuchen Sie es in einigen Minuten noch einmal. Ihre gespeicherten Angaben bleiben erhalten.'));
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
  logLine('info', 'server.started', { url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}` });
});

// Graceful stop: finish requests in flight, then exit (so SQLite closes its WAL cleanly).
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
