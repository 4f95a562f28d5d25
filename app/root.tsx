import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Link,
  Links,
  NavLink,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "./components/nonce";
import { UserMenu } from "./components/user-menu";
import { getUser, userHasPermission } from "./auth.server";
import stylesHref from "./styles.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "icon", href: "/icons/icon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/icons/icon-192.png" },
];

export const meta: MetaFunction = () => [{ title: "Cairn" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user
      ? { name: user.name, role: user.role, teaches: userHasPermission(user, "read:cohort:own"), curates: userHasPermission(user, "update:module:own"), managesUsers: userHasPermission(user, "read:user:any") }
      : null,
  };
}

/** Form posts that can change who is signed in, or their name. */
const ACCOUNT_ACTIONS = /^\/(signin|signup|signout|settings)(\/|\?|$)/;

/**
 * The root's data is only the signed-in user, so a form post elsewhere (an
 * answer in review, a practice question) need not fetch it again: without
 * this, every answer would cost the phone a second request.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  currentUrl,
  nextUrl,
  actionStatus,
  defaultShouldRevalidate,
}) => {
  const postedElsewhere = formMethod && formMethod.toUpperCase() !== "GET" && formAction && !ACCOUNT_ACTIONS.test(formAction);
  // A post that redirected (an ended session sends the learner to sign in) or
  // failed may have changed who is signed in: fetch the user again then.
  const stayedAndSucceeded = nextUrl.pathname === currentUrl.pathname && (actionStatus ?? 200) < 300;
  if (postedElsewhere && stayedAndSucceeded) return false;
  return defaultShouldRevalidate;
};

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Absent when the root loader itself failed (the error boundary still renders this layout).
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#2f5d50" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            Cairn
          </Link>
          <nav aria-label="Main" className="main-nav">
            <NavLink to="/" end>
              Home
            </NavLink>
            {user ? (
              <>
                <NavLink to="/review">Review</NavLink>
                <NavLink to="/stats">Statistics</NavLink>
                <NavLink to="/settings">Settings</NavLink>
                {user.teaches ? <NavLink to="/cohorts">Cohorts</NavLink> : null}
                {user.curates ? <NavLink to="/instructor">Instructor</NavLink> : null}
                {user.managesUsers ? <NavLink to="/admin/users">Users</NavLink> : null}
              </>
            ) : null}
          </nav>
          <UserMenu user={user} />
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    return (
      <section className="error-page">
        <h1>{error.status === 404 ? "Not found" : `Error ${error.status}`}</h1>
        <p>{typeof error.data === "string" && error.data ? error.data : error.statusText}</p>
        <p>
          <Link to="/">Back to the start</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page">
      <h1>Something went wrong</h1>
      <p>Nothing you entered was lost. Please try again in a moment.</p>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  );
}
