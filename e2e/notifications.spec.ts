import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// What the dashboard tells a super admin about expiries, and whom else a token's notices go
// to: the notice above every page (tokens expiring within 7 days, expired in the last 7) with
// links to the filtered token list, and the notify addresses edited on a token's page.

test.use({ storageState: ADMIN_STATE });

async function createToken(page: Page, data: object): Promise<{ id: number; name: string }> {
  const name = uniqueName("e2e-notice");
  const response = await page.request.post("/api/v1/tokens", {
    data: { name, permissions: { superAdmin: true }, ...data },
    headers: sameOrigin(page),
  });
  expect(response.status(), await response.text()).toBe(201);
  return { id: ((await response.json()) as { token: { id: number } }).token.id, name };
}

const notice = (page: Page) => page.getByRole("region", { name: "Token expiry" });

test("the expiry notice shows on every page and links to the filtered token lists", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/apps");
  // One token that expires in 3 days, and one that will have expired a minute from now. Both
  // are deleted afterwards: other specs count the expired tokens in the list.
  const soon = await createToken(page, { expiresInDays: 3 });
  const lapsing = await createToken(page, { expiresAt: new Date(Date.now() + 65_000).toISOString() });
  try {
    for (const path of ["/apps", "/users", "/webhooks"]) {
      await page.goto(path);
      await expect(notice(page).getByRole("link", { name: /^\d+ tokens? expires? within 7 days$/ })).toBeVisible();
    }
    await notice(page)
      .getByRole("link", { name: /within 7 days/ })
      .click();
    await expect(page).toHaveURL(/\/tokens\?status=expiring$/);
    await expect(page.getByLabel("Status")).toHaveValue("expiring");
    await expect(page.getByRole("table", { name: "API tokens" }).getByRole("link", { name: soon.name })).toBeVisible();

    // Once the second token's minute is up, the notice counts it as recently expired.
    await expect(async () => {
      await page.goto("/environments");
      await expect(notice(page).getByRole("link", { name: /^\d+ tokens? expired in the last 7 days$/ })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    await notice(page)
      .getByRole("link", { name: /expired in the last 7 days/ })
      .click();
    await expect(page).toHaveURL(/\/tokens\?status=expired$/);
    await expect(page.getByRole("table", { name: "API tokens" }).getByRole("link", { name: lapsing.name })).toBeVisible();
  } finally {
    for (const token of [soon, lapsing]) await page.request.delete(`/api/v1/tokens/${token.id}`, { headers: sameOrigin(page) });
  }
});

test("a token's notify addresses are edited on its page, checked as the API checks them", async ({ page }) => {
  await page.goto("/tokens");
  const token = await createToken(page, { expiresInDays: 30 });
  await page.goto(`/tokens/${token.id}`);
  const editor = page.getByRole("group", { name: "Also notify" });
  await expect(editor.getByText("No other addresses.")).toBeVisible();
  await editor.getByRole("button", { name: "Add address" }).click();
  await editor.getByLabel("Address 1", { exact: true }).fill("OnCall@Example.com");
  await editor.getByRole("button", { name: "Add address" }).click();
  await editor.getByLabel("Address 2", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Address 2 must be a valid email address")).toBeVisible();
  await expect(editor.getByLabel("Address 2", { exact: true })).toBeFocused();
  await page.screenshot({ path: "test-results/screenshots/token-notify-emails.png", fullPage: true });

  await editor.getByRole("button", { name: "Remove address 2" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Saved ${token.name}`)).toBeVisible();
  await expect(editor.getByLabel("Address 1", { exact: true })).toHaveValue("oncall@example.com");
  await page.reload();
  await expect(page.getByRole("group", { name: "Also notify" }).getByLabel("Address 1", { exact: true })).toHaveValue("oncall@example.com");
  const stored = await page.request.get(`/api/v1/tokens/${token.id}`);
  expect(((await stored.json()) as { notifyEmails: string[] }).notifyEmails).toEqual(["oncall@example.com"]);
});
