// Production server: Express in front of the Remix request handler. It adds what Remix has no
// place for: security headers with a per-request CSP nonce, a cross-origin check on every
// mutating request, a body-size limit, static files and the client address.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';

const MAX_FORM_BYTES = 5 * 1024 * 1024; // 100 000 characters of emoji, URL-encoded, still fit
const MAX_UPLOAD_BYTES = 11 * 1024 * 1024; // 10 MB attachment plus form overhead

// A log line that cannot be written (stdout redirected to a file on a full disk) must not stop
// the server: the requests themselves are answered 503 and keep the user's input.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

// React's production build (the development build is several times slower and checks props).
// Set before the app (and React) is imported below.
process.env.NODE_ENV ??= 'production';
let build;
try {
  const built = await import('./build/index.js');
  // A full disk or a read-only database answers 503 with the input kept, never 500 (ADR 0031).
  build = built.entry.module.answerStorageFaults(built);
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
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

const app = express();
app.disable('x-powered-by');
const trustProxy = process.env.TRUST_PROXY === 'true';
app.set('trust proxy', trustProxy);

// Request ids: behind a trusted proxy (TRUST_PROXY=true) its X-Request-Id is kept, so one id
// follows a request from the proxy's log through whichever instance answered; otherwise (or when
// the header is missing or odd) the instance makes one. A client can never choose the id unless a
// proxy vouches for it. The id is returned as X-Request-Id and is on every log line of the request.
const requestIdPattern = /^[A-Za-z0-9._:/+=@-]{1,128}$/;
app.use((req, res, next) => {
  const given = trustProxy ? req.get('x-request-id') : undefined;
  const requestId = given && requestIdPattern.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = requestId;
  res.locals.requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    // Static files and passing health probes would drown the rest.
    if (req.path.startsWith('/build/') || ((req.path === '/healthz' || req.path === '/readyz') && res.statusCode === 200)) return;
    logLine(res.statusCode >= 500 ? 'warn' : 'info', 'request.completed', {
      requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
    });
  });
  build.entry.module.withRequestId(requestId, next);
});

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
    logLine('warn', 'request.cross_origin_refused', { requestId: res.locals.requestId, path: req.path, origin: origin ?? null });
    res
      .status(403)
      .type('html')
      .send(page('Anfrage abgelehnt', 'Dieses Formular wurde von einer fremden Webseite abgeschickt und deshalb nicht verarbeitet.'));
    return;
  }
  const length = Number(req.get('content-length') ?? 0);
  const isUpload = (req.get('content-type') ?? '').startsWith('multipart/form-data');
  if (length > (isUpload ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES)) {
    logLine('warn', 'request.too_large', { requestId: res.locals.requestId, path: req.path, bytes: length });
    if (req.path === '/antraege/importieren') {
      // A JSON file, not an attachment: back to the import page, which says so in its error summary.
      req.resume();
      res.redirect(303, '/antraege/importieren?fehler=zu-gross');
      return;
    }
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

// A response decided before the body was read (a 404 or a redirect from the URL alone) leaves the
// rest of the upload in the connection, where it would be read as the next request and break it
// (the browser sees a reset). Drain it once the response is out; Remix's body stream is detached.
app.use((req, res, next) => {
  res.on('finish', () => {
    if (req.complete) return;
    req.removeAllListeners('data');
    req.resume();
  });
  next();
});

// Pages are compressed as they are sent, at zlib's fastest level: a page is compressed once and sent
// once, and level 1 makes it a few per cent larger for half the CPU time (nginx's default is 1 too).
// The client build is compressed once at build time at the highest level (scripts/precompress.mjs,
// ADR 0092) and sent as it is; compression() leaves a response that already has an encoding alone.
app.use(compression({ level: 1 }));
// Remix's adapter flushes the compressor after every chunk React writes (meant for streamed
// Suspense boundaries, which this app does not use): each flush ends a deflate block, and a page
// came out about twice as large as compressed in one go (/regeln 24 instead of 13 kB) for more CPU
// time. Without the flush the page is compressed as a whole and sent when the render is done.
app.use((_req, res, next) => {
  res.flush = undefined;
  next();
});
app.use('/build', expressStaticGzip('public/build', { serveStatic: { immutable: true, maxAge: '1y' } }));
// Only real files of public/ are served statically; checking the disk for every page would cost.
app.get('/favicon.svg', express.static('public', { maxAge: '1h' }));
// The enhancement script of the document pages (ADR 0056): not content-hashed, so revalidated on every use.
app.use('/js', express.static('public/js', { maxAge: 0 }));

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
  logLine('error', 'request.crashed', {
    requestId: res.locals.requestId,
    path: req.path,
    message: error instanceof Error ? error.message : String(error),
  });
  if (res.headersSent) return;
  res
    .status(500)
    .type('html')
    .send(
      page(
        'Es ist ein Fehler aufgetreten',
        'Bitte versuchen Sie es in einigen Minuten noch einmal. Ihre gespeicherten Angaben bleiben erhalten.',
      ),
    );
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
  logLine('info', 'server.started', { url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}` });
});
// An idle keep-alive connection is closed by the server after keepAliveTimeout. With Node's default
// of 5 s a client (a reverse proxy, a test's request context) may send its next request on a
// connection at the very moment the server closes it, and sees a reset. Longer than the usual
// proxy idle timeout (60 s), so the client always closes first; headersTimeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// Graceful stop: stop accepting, finish requests in flight, then close the database (SQLite closes
// its WAL cleanly, PostgreSQL gets its connections back) and exit. A proxy sees /readyz fail
// nowhere in between: the listener is gone, so new requests go to the other instance.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => {
      build.entry.module
        .shutdown()
        .catch(() => {})
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
