/**
 * Every port the end-to-end run listens on, in one place so that two specs never pick the
 * same one: the main server at E2E_PORT (default 3100) and the others beside it.
 */
export function e2ePorts(main = Number(process.env.E2E_PORT ?? 3100)) {
  return {
    main,
    /** playwright.config.ts: a server whose PostgreSQL is unreachable. */
    databaseDown: main + 1,
    /** e2e/data-dir-lock.api.ts: two servers on one data folder. */
    lockOwner: main + 2,
    lockOther: main + 3,
    /** playwright.config.ts: Tessera signing in through the OpenID Connect provider below. */
    sso: main + 4,
    /** e2e/token-idle.spec.ts: a server of its own whose database the spec ages. */
    idle: main + 5,
    oidcProvider: Number(process.env.E2E_OIDC_PORT ?? main + 50),
  };
}
