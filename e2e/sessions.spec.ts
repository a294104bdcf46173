import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, signIn, uniqueName } from "./helpers";

// Ending dashboard sessions in a real browser: each test signs in fresh users in their
// own browser contexts (the admin's saved session is used only to create them, and is
// never ended here, since other specs reuse it).

const PASSWORD = "session-password-1";

/** A new user, created through the API as the saved admin. */
async function createUser(browser: Browser, baseURL: string): Promise<string> {
  const admin = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
  const email = `${uniqueName("sessions")}@tessera.test`;
  const res = await admin.request.post("/api/v1/users", {
    data: { email, name: "Session User", password: PASSWORD },
    headers: { origin: baseURL },
  });
  expect(res.status()).toBe(201);
  await admin.close();
  return email;
}

async function signedInContext(browser: Browser, baseURL: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return { context, page };
}

/** A signed-out browser is sent to the login page, and the API refuses its cookie. */
async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
}

test("Sign out everywhere from the user menu ends the session in another browser too", async ({ browser, baseURL }) => {
  const email = await createUser(browser, baseURL!);
  const one = await signedInContext(browser, baseURL!, email);
  const two = await signedInContext(browser, baseURL!, email);

  await one.page.getByRole("button", { name: "Account options" }).click();
  await one.page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  const dialog = one.page.getByRole("alertdialog", { name: "Sign out everywhere?" });
  await expect(dialog).toContainText("this one included");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(one.page).toHaveURL(/\/login/);

  await expectSignedOut(two.page);
  await expectSignedOut(one.page);
  // Signing in again works at once.
  await signIn(two.page, email, PASSWORD);
  expect((await two.page.request.get("/api/v1/me")).status()).toBe(200);
  await one.context.close();
  await two.context.close();
});

test("a super admin signs another user out everywhere from their row on the users page", async ({ browser, baseURL }) => {
  const email = await createUser(browser, baseURL!);
  const user = await signedInContext(browser, baseURL!, email);
  const admin = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
  const page = await admin.newPage();

  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Sign ${email} out everywhere?` });
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Signed ${email} out everywhere`)).toBeVisible();
  await expect(page.getByText("1 active session ended.")).toBeVisible();

  await expectSignedOut(user.page);
  // The admin's own session is untouched.
  await page.reload();
  await expect(page).toHaveURL(/\/users/);
  await user.context.close();
  await admin.close();
});

test("signing out makes a saved copy of the session cookie useless", async ({ browser, baseURL }) => {
  const email = await createUser(browser, baseURL!);
  const { context, page } = await signedInContext(browser, baseURL!, email);
  const saved = await context.cookies();
  expect(saved.map((c) => c.name)).toContain("next-auth.session-token");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(saved);
  await expectSignedOut(await thief.newPage());
  await context.close();
  await thief.close();
});
