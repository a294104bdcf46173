// Sending someone to sign in and back: proxy.ts records on each dashboard request the path
// it asked for, and the page that finds no session puts it on the sign-in URL, which the
// login form follows afterwards (only to a path on this site: safeCallbackPath).

/** Set by proxy.ts on every dashboard request: the path and query the browser asked for. */
export const REQUESTED_PATH_HEADER = "x-tessera-requested-path";

/** The sign-in page, with the page to come back to; the overview needs no callbackUrl. */
export function signInPath(path: string | null | undefined): string {
  return path?.startsWith("/") && path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login";
}

/** Why an SSO sign-in was refused, as the refusal page (app/login/refused) explains it. */
export const SSO_REFUSALS = ["no-verified-email", "not-registered", "disabled"] as const;
export type SsoRefusalReason = (typeof SSO_REFUSALS)[number];

/** The page an SSO refusal lands on: it names the reason and the provider, never the email. */
export function ssoRefusedPath(reason: SsoRefusalReason, provider: string): string {
  return `/login/refused?${new URLSearchParams({ reason, provider })}`;
}
