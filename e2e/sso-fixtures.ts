import { e2ePorts } from "./ports";

// The SSO e2e setup shared by playwright.config.ts (which starts the test provider and a
// Tessera configured for it) and e2e/sso.e2e.ts: ports, the client, the accounts.

export const SSO_PROVIDER_NAME = "Test SSO";
export const SSO_CLIENT = { id: "tessera-e2e", secret: "tessera-e2e-client-secret-0123456789" };
export const SSO_ALLOWED_DOMAIN = "sso-allowed.test";
const PROVIDER_PASSWORD = "provider-password-1";

/** Accounts at the test provider; Tessera users for some of them are created by the spec. */
export const SSO_ACCOUNTS = {
  linked: { id: "acct-linked", email: "sso-linked@corp.test", password: PROVIDER_PASSWORD, name: "Lina Linked", emailVerified: true },
  stranger: {
    id: "acct-stranger",
    email: "stranger@elsewhere.test",
    password: PROVIDER_PASSWORD,
    name: "Stan Stranger",
    emailVerified: true,
  },
  newcomer: {
    id: "acct-newcomer",
    email: `newcomer@${SSO_ALLOWED_DOMAIN}`,
    password: PROVIDER_PASSWORD,
    name: "Nia Newcomer",
    emailVerified: true,
  },
  disabled: {
    id: "acct-disabled",
    email: "sso-disabled@corp.test",
    password: PROVIDER_PASSWORD,
    name: "Dee Disabled",
    emailVerified: true,
  },
  unverified: {
    id: "acct-unverified",
    email: "sso-unverified@corp.test",
    password: PROVIDER_PASSWORD,
    name: "Una Unverified",
    emailVerified: false,
  },
} as const;

/** Tessera with SSO and its provider (e2e/ports.ts). */
export function ssoPorts(mainPort: number): { tessera: number; provider: number } {
  const ports = e2ePorts(mainPort);
  return { tessera: ports.sso, provider: ports.oidcProvider };
}
