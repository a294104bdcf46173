import { expect, type Locator, type Page, test } from "@playwright/test";
import { ADMIN, ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// The dashboard as a keyboard user and on a phone meet it: each test here once failed
// against the defect it names (docs/decisions.md, "Dashboard").

test.use({ storageState: ADMIN_STATE });

const CALENDAR = "Choose the last day the token works";
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

async function openGenerateDialog(page: Page): Promise<Locator> {
  await page.goto("/tokens");
  await page.getByRole("button", { name: "Generate new token" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate new token" });
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  return dialog;
}

async function createToken(page: Page, data: object): Promise<string> {
  const name = uniqueName("e2e-kp");
  const response = await page.request.post("/api/v1/tokens", { data: { name, ...data }, headers: sameOrigin(page) });
  expect(response.status(), await response.text()).toBe(201);
  return name;
}

test("Enter on “Custom…” opens the calendar without picking a day", async ({ page }) => {
  const dialog = await openGenerateDialog(page);
  await dialog.getByRole("combobox", { name: "Expiration" }).focus();
  await page.keyboard.press("Enter");
  const custom = page.getByRole("option", { name: "Custom…", exact: true });
  await expect(page.getByRole("listbox")).toBeVisible();
  for (let i = 0; i < 8 && !(await custom.evaluate((el) => el.hasAttribute("data-highlighted"))); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(custom).toHaveAttribute("data-highlighted", "");
  await page.keyboard.press("Enter");

  const calendar = page.getByRole("dialog", { name: CALENDAR });
  await expect(calendar).toBeVisible();
  await expect(calendar.locator("button.rdp-day_button:focus")).toHaveCount(1);
  // Nothing chosen yet: the person picks the day, the Enter that chose "Custom…" did not.
  await expect(dialog.getByRole("button", { name: /Expiry date/ })).toHaveText(/Pick a date/);
  await expect(dialog.getByText("Pick the last day this token should work")).toBeVisible();
  await expect(calendar.locator("[data-selected]")).toHaveCount(0);

  // The keyboard goes on to pick a day: Enter on the focused one, the calendar closes on it.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  await expect(dialog.getByText(/This token will expire on .*11:59\sPM/)).toBeVisible();
});

test("reopening the calendar puts focus on the chosen day", async ({ page }) => {
  const dialog = await openGenerateDialog(page);
  await dialog.getByRole("combobox", { name: "Expiration" }).click();
  await page.getByRole("option", { name: "Custom…", exact: true }).click();
  const calendar = page.getByRole("dialog", { name: CALENDAR });
  const day = new Date();
  day.setDate(day.getDate() + 12);
  const dayButton = calendar.locator(`[data-day="${isoDay(day)}"]:not([data-outside]) button`);
  if (!(await dayButton.isVisible())) await calendar.getByRole("button", { name: /next month/i }).click();
  await dayButton.click();
  await expect(calendar).toBeHidden();

  const dateButton = dialog.getByRole("button", { name: /Expiry date/ });
  await dateButton.click();
  await expect(dayButton).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(calendar).toBeHidden();
  await expect(dateButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dayButton).toBeFocused();
});

test("a token expiring within minutes says minutes, not “1 day”", async ({ page }) => {
  await page.goto("/tokens");
  const name = await createToken(page, { expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(), permissions: { superAdmin: true } });
  await page.goto(`/tokens?q=${name}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(/Expires in (10|9|8|7|6|5) minutes/);
  await expect(row).not.toContainText("day");
});

const noPermissionsWarning = (scope: Locator) => scope.getByRole("note").filter({ hasText: "This token has no permissions" });

test("generating with “Specific permissions” and no roles warns that the token gets none", async ({ page }) => {
  const dialog = await openGenerateDialog(page);
  await expect(dialog.getByRole("radio", { name: "Specific permissions" })).toBeChecked();
  await expect(noPermissionsWarning(dialog)).toBeVisible();
  await dialog.getByRole("group", { name: "Access" }).getByText("Super admin", { exact: true }).click();
  await expect(dialog.getByRole("radio", { name: "Super admin" })).toBeChecked();
  await expect(noPermissionsWarning(dialog)).toBeHidden();
});

test("switching to “Specific permissions” adds no empty row, in the generate dialog and on the edit page alike", async ({ page }) => {
  const dialog = await openGenerateDialog(page);
  const access = (scope: Locator, label: string) => scope.getByRole("group", { name: "Access" }).getByText(label, { exact: true });
  await access(dialog, "Super admin").click();
  await access(dialog, "Specific permissions").click();
  await expect(dialog.getByRole("radio", { name: "Specific permissions" })).toBeChecked();
  await expect(dialog.getByRole("group", { name: "Permission 1" })).toHaveCount(0);
  await page.keyboard.press("Escape");

  const name = await createToken(page, { permissions: { superAdmin: true } });
  await page.goto(`/tokens?q=${name}`);
  await page.getByRole("link", { name }).click();
  const main = page.getByRole("main");
  await access(main, "Specific permissions").click();
  await expect(main.getByRole("radio", { name: "Specific permissions" })).toBeChecked();
  await expect(main.getByRole("group", { name: "Permission 1" })).toHaveCount(0);
  await expect(noPermissionsWarning(main)).toBeVisible();
  // Saved like that, the token has no roles, as the warning said.
  await main.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Saved ${name}`)).toBeVisible();
  const tokens = await (await page.request.get(`/api/v1/tokens?q=${name}`)).json();
  expect(tokens.data[0].permissions).toEqual({ superAdmin: false, grants: [] });
});

test("a new permission's Environments and Apps are marked invalid only once touched or after a submit", async ({ page }) => {
  const project = uniqueName("kp-proj");
  await page.goto("/tokens");
  expect((await page.request.post("/api/v1/projects", { data: { name: project }, headers: sameOrigin(page) })).status()).toBe(201);
  const dialog = await openGenerateDialog(page);
  await dialog.getByLabel("Name", { exact: true }).fill(uniqueName("e2e-kp"));
  await dialog.getByRole("button", { name: "Add permission" }).click();
  const grant = dialog.getByRole("group", { name: "Permission 1" });
  const field = (label: string) => grant.getByLabel(label, { exact: true });
  await field("Project").selectOption(project);
  await field("Project").press("Tab");
  for (const label of ["Project", "Environments", "Apps"]) await expect(field(label)).not.toHaveAttribute("aria-invalid", "true");

  // Opening and closing Environments without choosing touches it: now it says what to do.
  await field("Environments").click();
  await page.keyboard.press("Escape");
  await expect(field("Environments")).toHaveAttribute("aria-invalid", "true");
  await expect(grant.getByText(/Choose at least one environment/)).toBeVisible();
  await expect(field("Apps")).not.toHaveAttribute("aria-invalid", "true");

  // A submit marks the rest, and focus goes to the first invalid field.
  await dialog.getByRole("button", { name: "Generate token" }).click();
  await expect(field("Apps")).toHaveAttribute("aria-invalid", "true");
  await expect(field("Environments")).toBeFocused();
});

test("after being sent to sign in from /tokens, signing in goes back to /tokens", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/tokens?status=expiring");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftokens%3Fstatus%3Dexpiring$/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tokens\?status=expiring$/);
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await context.close();
});

test("at 390 px the token list shows each token's expiry and last use", async ({ page }) => {
  await page.goto("/tokens");
  const name = await createToken(page, { expiresInDays: 3, permissions: { superAdmin: true } });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/tokens?q=${name}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  for (const text of ["Expires in 3 days", "Never used"]) {
    await expect(row.getByText(text).filter({ visible: true })).toBeInViewport({ ratio: 1 });
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a row menu opens from the keyboard and from a press before its code has loaded, and an item can be chosen", async ({ page }) => {
  await page.goto("/tokens");
  const name = await createToken(page, { expiresInDays: 30, permissions: { superAdmin: true } });
  // A fresh page each time: the menu's parts load only when a menu button is approached.
  await page.goto(`/tokens?q=${name}`);
  const button = page.getByRole("button", { name: `Actions for ${name}` });
  await button.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Regenerate" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await page.goto(`/tokens?q=${name}`);
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Regenerate" }).click();
  await expect(page.getByRole("dialog", { name: `Regenerate ${name}` })).toBeVisible();
});
