// Sending someone to sign in and back: proxy.ts records on each dashboard request the path
// it asked for, and the page that finds no session puts it on the sign-in URL, which the
// login form follows afterwards (only to a path on this site: safeCallbackPath).

/** Set by proxy.ts on every dashboard request: the path and query the browser asked for. */
export const REQUESTED_PATH_HEADER = "x-tessera-requested-path";

/** The sign-in page, with the page to come back to; the overview needs no callbackUrl. */
export function signInPath(path: string | null | undefined): string {
  return path?.startsWith("/") && path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login";
}
