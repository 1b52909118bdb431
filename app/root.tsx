import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { roleLabel } from '../machines/shared/roles';
import { config } from './config.server';
import { csrfTokenFor } from './csrf.server';
import { getAuthState } from './session.server';
import { getDb } from './db.server';
import { licenceInfo } from './methoden/open-data.server';
import { unreadNotificationCount } from '../db/repositories/advice';
import { navigationFor } from './navigation';
import { PostForm } from './components/forms';
import { SessionTimeout } from './components/session-timeout';
import { StorageUnavailablePage } from './components/storage-unavailable';
import { isStorageUnavailable } from './utils/storage-unavailable';
import { useCollapsibleMenu } from './hooks/use-collapsible-menu';
import appStyles from './styles/app.css';
import qualityCheckStyles from './styles/qualitaetscheck.css';
import eventStyles from './styles/veranstaltungen.css';
import { useNonce } from './utils/nonce';
import { isDocumentPage, pageScriptsOf } from './utils/page-scripts';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'stylesheet', href: qualityCheckStyles },
  { rel: 'stylesheet', href: eventStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [auth, csrf] = await Promise.all([getAuthState(request), csrfTokenFor(request)]);
  const user =
    auth.status === 'signed-in'
      ? {
          name: auth.user.name,
          role: auth.user.role,
          roleLabel: roleLabel[auth.user.role],
          organisationName: auth.user.organisationName,
          sessionSecondsLeft: Math.max(0, Math.round((new Date(auth.user.idleDeadline).getTime() - Date.now()) / 1000)),
          sessionDeadline: auth.user.idleDeadline,
          unread: await unreadNotificationCount(await getDb(), auth.user.id),
        }
      : null;
  return data(
    {
      user,
      csrfToken: csrf.token,
      navigation: navigationFor(user?.role ?? null),
      session: { idleMinutes: config.session.idleMinutes, warnMinutes: config.session.warnMinutes },
      devMailbox: config.showDevMailbox && user !== null,
      licence: await licenceInfo(),
    },
    csrf.setCookie ? { headers: { 'Set-Cookie': csrf.setCookie } } : undefined,
  );
}

export type RootLoaderData = typeof loader;

function Document({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  // Public pages are served as documents without React (ADR 0056); every other page runs it.
  const matches = useMatches();
  const documentOnly = matches.some((match) => isDocumentPage(match.handle));
  const pageScripts = documentOnly ? pageScriptsOf(matches.map((match) => match.handle)) : [];
  return (
    <html lang="de-DE">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {/* On every page: after a sign-in on a React page the timeout dialog appears without a new document. */}
        <script type="module" src="/js/session.js" nonce={nonce} />
        {documentOnly ? (
          <>
            <script type="module" src="/js/enhance.js" nonce={nonce} />
            {pageScripts.map((src) => (
              <script key={src} type="module" src={src} nonce={nonce} />
            ))}
          </>
        ) : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

function Header() {
  const root = useRouteLoaderData<RootLoaderData>('root');
  const location = useLocation();
  const user = root?.user ?? null;
  const menu = useCollapsibleMenu();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-header__brand">
          <span className="site-header__logo" aria-hidden="true">
            FL
          </span>
          <span>
            Förderlotse <span className="site-header__sub">Bürgerbeteiligung Sachsen</span>
          </span>
        </Link>
        {/* On small screens the menu folds behind "Menü" (a native disclosure, no JavaScript needed). */}
        <details className="site-menu" ref={menu}>
          <summary className="site-menu__toggle">
            Menü<span className="visually-hidden"> mit Navigation{user ? ' und Konto' : ''}</span>
          </summary>
          {user ? (
            <div className="site-header__user">
              <p>
                <span className="visually-hidden">Angemeldet als </span>
                {user.name}
                <span className="site-header__role">
                  {user.organisationName ? `${user.organisationName} · ` : ''}
                  {user.roleLabel}
                </span>
              </p>
              <Link to="/benachrichtigungen" className="site-header__notifications">
                Benachrichtigungen
                {user.unread ? (
                  <>
                    {' '}
                    <span className="count-badge">{user.unread}</span>
                    <span className="visually-hidden"> ungelesen</span>
                  </>
                ) : null}
              </Link>
              <PostForm action="/abmelden" className="inline-form">
                <button type="submit" className="button button--secondary button--small">
                  Abmelden
                </button>
              </PostForm>
            </div>
          ) : null}
          {root?.navigation.length ? (
            <nav aria-label="Hauptnavigation" className="site-nav">
              <ul className="site-nav__list">
                {root.navigation.map((item) => {
                  const current = location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
                  return (
                    <li key={item.to}>
                      <Link to={item.to} aria-current={current ? 'page' : undefined} className="site-nav__link">
                        {item.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
        </details>
      </div>
    </header>
  );
}

function Footer() {
  const root = useRouteLoaderData<RootLoaderData>('root');
  return (
    <footer className="site-footer">
      <div className="container">
        <h2 className="visually-hidden">Informationen zu diesem Angebot</h2>
        <ul className="site-footer__links">
          <li>
            <Link to="/regeln">Regelkatalog</Link>
          </li>
          <li>
            <Link to="/newsletter">Newsletter</Link>
          </li>
          <li>
            <Link to="/barrierefreiheit">Barrierefreiheit</Link>
          </li>
          <li>
            <Link to="/datenschutz">Datenschutz</Link>
          </li>
          <li>
            <Link to="/impressum">Impressum</Link>
          </li>
          <li>
            <Link to="/offene-daten">Offene Daten</Link>
          </li>
          {root?.devMailbox ? (
            <li>
              <Link to="/postfach">Postfach (Entwicklung)</Link>
            </li>
          ) : null}
        </ul>
        <p>
          Ein Assistent für Anträge nach der Förderrichtlinie Bürgerbeteiligung des Freistaates Sachsen. Verbindlich entscheidet allein die
          Sächsische Aufbaubank (SAB) als Bewilligungsbehörde über Ihren Antrag.
        </p>
        {root?.licence ? (
          <p>
            Methodenkatalog und gute Beispiele: <a href={root.licence.url}>{root.licence.short}</a>
          </p>
        ) : null}
      </div>
    </footer>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#inhalt" className="skip-link">
        Zum Inhalt springen
      </a>
      <Header />
      <main id="inhalt" className="container main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  return <Document nonce={useNonce()}>{children}</Document>;
}

export default function App() {
  const { user, session } = useLoaderData<typeof loader>();
  return (
    <Shell>
      <Outlet />
      {user ? (
        <SessionTimeout
          secondsLeft={user.sessionSecondsLeft}
          deadline={user.sessionDeadline}
          idleMinutes={session.idleMinutes}
          warnMinutes={session.warnMinutes}
        />
      ) : null}
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 503 && isStorageUnavailable(error.data)) {
    return (
      <Shell>
        <StorageUnavailablePage kept={error.data} />
      </Shell>
    );
  }
  let title = 'Es ist ein Fehler aufgetreten';
  let message =
    'Leider ist bei der Verarbeitung Ihrer Anfrage ein Fehler aufgetreten. Ihre bisher gespeicherten Angaben bleiben erhalten. Bitte versuchen Sie es in einigen Minuten noch einmal.';
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = 'Seite nicht gefunden';
      message = 'Die aufgerufene Seite gibt es nicht (mehr). Bitte prüfen Sie die Adresse oder gehen Sie zur Startseite.';
    } else if (error.status === 403) {
      title = 'Kein Zugriff';
      message = typeof error.data === 'string' && error.data ? error.data : 'Für diese Seite fehlt Ihnen die Berechtigung.';
    } else if (error.status === 405) {
      // Remix's own answer (a form sent to a page that takes none) carries an English text.
      title = 'Die Anfrage konnte nicht verarbeitet werden';
      message = 'Diese Seite nimmt keine Formulare entgegen. Bitte gehen Sie zurück und versuchen Sie es von dort aus noch einmal.';
    } else if (error.status === 400 || error.status === 413) {
      title = 'Die Anfrage konnte nicht verarbeitet werden';
      message = typeof error.data === 'string' && error.data ? error.data : message;
    }
  }
  return (
    <Shell>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Zur Startseite</Link>
      </p>
    </Shell>
  );
}
