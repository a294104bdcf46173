import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { ADMIN } from "./helpers";
import { SSO_ACCOUNTS, SSO_PROVIDER_NAME, ssoPorts } from "./sso-fixtures";

// Single sign-on in Chromium against a real OpenID Connect provider (scripts/oidc-test-provider.mjs),
// on a Tessera of its own started with the provider configured, an allowed domain, and
// password sign-in off (playwright.config.ts). Its data folder starts empty: the first
// test makes the super admin, the others build on it, so they run in order.

test.describe.configure({ mode: "serial" });

const PASSWORD = "sso-user-password-1";
const PROVIDER_PORT = ssoPorts(Number(process.env.E2E_PORT ?? 3100)).provider;
type Account = (typeof SSO_ACCOUNTS)[keyof typeof SSO_ACCOUNTS];

let admin: APIRequestContext;
let origin: string;

/** Signs in through next-auth's credentials endpoint and answers the `?error=` code, or null for a session. */
async function postPassword(api: APIRequestContext, email: string, password: string): Promise<string | null> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

async function createUser(email: string, name: string): Promise<number> {
  const res = await admin.post("/api/v1/users", { data: { email, name, password: PASSWORD }, headers: { origin } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** "Sign in with …" on Tessera's login page, then the provider's own login page, as a person would. */
async function signInWithSso(page: Page, account: Account, start = "/login") {
  await page.goto(start);
  await page.getByRole("button", { name: `Sign in with ${SSO_PROVIDER_NAME}` }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${PROVIDER_PORT}/interaction/`));
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Content-Security-Policy reports in the console: the redirect flow must need no exception. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/** axe-core's serious and critical findings on the page, as e2e/a11y.spec.ts checks the token pages. */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

async function auditFailures(email: string) {
  const res = await admin.get("/api/v1/audit-events?action=sign-in.failed&pageSize=100");
  const { data } = (await res.json()) as { data: { ip: string | null; details: Record<string, unknown> }[] };
  return data.filter((e) => e.details.email === email);
}

test.beforeAll(async ({ baseURL }) => {
  origin = baseURL!;
  const setup = await request.newContext({ baseURL });
  const created = await setup.post("/api/setup", {
    data: { email: ADMIN.email, name: ADMIN.name, password: ADMIN.password, confirmPassword: ADMIN.password },
  });
  expect(created.status()).toBe(201);
  await setup.dispose();
  admin = await request.newContext({ baseURL });
  // Super admins keep password sign-in when it is off for everyone else.
  expect(await postPassword(admin, ADMIN.email, ADMIN.password)).toBeNull();
  await createUser(SSO_ACCOUNTS.linked.email, "Lina Linked");
  await createUser(SSO_ACCOUNTS.unverified.email, "Una Unverified");
  const disabled = await createUser(SSO_ACCOUNTS.disabled.email, "Dee Disabled");
  expect((await admin.patch(`/api/v1/users/${disabled}`, { data: { disabled: true }, headers: { origin } })).status()).toBe(200);
});
test.afterAll(() => admin.dispose());

test("password sign-in is hidden when turned off, kept for super admins, and refused to others even when posted", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: `Sign in with ${SSO_PROVIDER_NAME}` })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByLabel("Email")).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A non-admin's right password, posted straight to next-auth, gets no session.
  expect(await postPassword(page.request, SSO_ACCOUNTS.linked.email, PASSWORD)).toBe("PasswordSignInOff");
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);

  await page.getByRole("link", { name: "Super admin sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Super admin sign-in" })).toBeVisible();
  await page.getByLabel("Email").fill(SSO_ACCOUNTS.linked.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Password sign-in is for super admins only")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("complementary").getByText(ADMIN.email)).toBeVisible();
});

test("Sign in with the provider: its login page, then back in the dashboard as the linked user", async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto("/tokens");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftokens/);
  await signInWithSso(page, SSO_ACCOUNTS.linked, page.url());
  await expect(page).toHaveURL(`${origin}/tokens`);
  await expect(page.getByRole("complementary").getByText(SSO_ACCOUNTS.linked.email)).toBeVisible();
  expect(violations).toEqual([]);

  // The users page says how, and when, each person signed in.
  const adminPage = await page.context().browser()!.newPage({ baseURL: origin });
  await adminPage.goto("/login?admin=1");
  await adminPage.getByLabel("Email").fill(ADMIN.email);
  await adminPage.getByLabel("Password").fill(ADMIN.password);
  await adminPage.getByRole("button", { name: "Sign in" }).click();
  await expect(adminPage).not.toHaveURL(/\/login/);
  await adminPage.goto(`/users?q=${encodeURIComponent(SSO_ACCOUNTS.linked.email)}`);
  const row = adminPage.getByRole("row", { name: /Lina Linked/ });
  await expect(row.getByText("Password", { exact: true })).toBeVisible();
  await expect(row.getByText(SSO_PROVIDER_NAME, { exact: true })).toBeVisible();
  await expect(row.getByText(new RegExp(`^Last: .+ · ${SSO_PROVIDER_NAME}$`))).toBeVisible();

  // With SSO on, a super admin may add someone without a password.
  await adminPage.goto("/users");
  await adminPage.getByRole("button", { name: "New user" }).click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByLabel("Email").fill("sso-only@corp.test");
  await dialog.getByLabel("Name").fill("Sol Only");
  await expect(dialog.getByLabel("Password (optional)")).toBeEmpty();
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  const added = adminPage.getByRole("row", { name: /Sol Only/ });
  await expect(added.getByText("Never signed in")).toBeVisible();
  await expect(added.getByText("Password", { exact: true })).toHaveCount(0);
  await adminPage.close();
});

test("an email that is no user's is refused with a page that says so, and the attempt is audited", async ({ page }) => {
  await signInWithSso(page, SSO_ACCOUNTS.stranger);
  await expect(page).toHaveURL(/\/login\/refused\?reason=not-registered/);
  await expect(page.getByRole("heading", { name: "You don't have a Tessera account" })).toBeVisible();
  await expect(page.getByText(`${SSO_PROVIDER_NAME} signed you in, but no Tessera user has your email address`)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  expect(await auditFailures(SSO_ACCOUNTS.stranger.email)).toMatchObject([
    { ip: "127.0.0.1", details: { method: "oidc", reason: "not-registered" } },
  ]);
});

test("an allowed domain becomes a new user with no permissions", async ({ page }) => {
  await signInWithSso(page, SSO_ACCOUNTS.newcomer);
  await expect(page).toHaveURL(`${origin}/`);
  await expect(page.getByRole("complementary").getByText(SSO_ACCOUNTS.newcomer.email)).toBeVisible();
  const me = (await (await page.request.get("/api/v1/me")).json()) as { permissions: unknown };
  expect(me.permissions).toEqual({ superAdmin: false, grants: [] });
  const list = await admin.get(`/api/v1/users?q=${encodeURIComponent(SSO_ACCOUNTS.newcomer.email)}`);
  expect(((await list.json()) as { data: unknown[] }).data).toMatchObject([
    { name: "Nia Newcomer", superAdmin: false, signInMethods: ["oidc"], lastSignInMethod: "oidc" },
  ]);
});

test("a disabled user is refused", async ({ page }) => {
  await signInWithSso(page, SSO_ACCOUNTS.disabled);
  await expect(page.getByRole("heading", { name: "Your Tessera account is disabled" })).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("an email the provider has not verified is refused", async ({ page }) => {
  await signInWithSso(page, SSO_ACCOUNTS.unverified);
  await expect(page.getByRole("heading", { name: "Your email address is not verified" })).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  expect(await auditFailures(SSO_ACCOUNTS.unverified.email)).toMatchObject([{ details: { reason: "no-verified-email" } }]);
});
