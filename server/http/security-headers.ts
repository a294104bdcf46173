import "server-only";

// Headers for dashboard pages (proxy.ts). Next streams inline scripts to hydrate pages, so
// a strict Content-Security-Policy needs a fresh nonce per response, which Next adds to its
// own scripts when it finds the policy on the request. Styles allow 'unsafe-inline' because
// the popover and dialog primitives position themselves with style attributes; a style can't
// run code, so scripts stay strict.

export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, the HSTS preload list's minimum; only ever sent when the dashboard's own URL is https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function servedOverHttps(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").toLowerCase().startsWith("https://");
}
