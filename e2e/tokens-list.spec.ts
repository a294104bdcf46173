import { expect, test } from "@playwright/test";
import { ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// The token list's server-side search, sort, status filter and paging (all kept in the
// URL), the audit log and the API reference. tokens.spec.ts covers the token lifecycle.

test.use({ storageState: ADMIN_STATE });

const SHOTS = "test-results/screenshots";

test("45 tokens: search, sort, filter and paging happen on the server and survive a reload", async ({ page }) => {
  await page.goto("/tokens");
  const prefix = uniqueName("seed");
  const expiry = (i: number) => (i % 3 === 0 ? { expiresInDays: 3 } : i % 3 === 1 ? { expiresInDays: 60 } : { expiresAt: null });
  for (let i = 0; i < 45; i++) {
    const name = `${prefix}-${String(i).padStart(2, "0")}`;
    const response = await page.request.post("/api/v1/tokens", {
      data: { name, ...expiry(i), permissions: { superAdmin: false, grants: [] } },
      headers: sameOrigin(page),
    });
    expect(response.status(), name).toBe(201);
  }
  const rows = page.getByRole("table", { name: "API tokens" }).locator("tbody tr");
  const firstName = () => rows.first().getByRole("link");

  await page.goto("/tokens");
  await page.getByRole("searchbox", { name: "Search tokens by name" }).fill(prefix);
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(page.getByText("1–20 of 45 tokens")).toBeVisible();
  await expect(rows).toHaveCount(20);

  await page.getByRole("button", { name: "Name", exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(firstName()).toHaveText(`${prefix}-00`);
  await page.getByRole("button", { name: "Name", exact: true }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(firstName()).toHaveText(`${prefix}-44`);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("21–40 of 45 tokens")).toBeVisible();
  await expect(firstName()).toHaveText(`${prefix}-24`);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("41–45 of 45 tokens")).toBeVisible();
  await expect(rows).toHaveCount(5);

  await page.getByLabel("Status").selectOption("expiring");
  await expect(page).toHaveURL(/status=expiring/);
  await expect(page.getByText("1–15 of 15 expiring tokens")).toBeVisible();
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page).toHaveURL(/pageSize=50/);
  await expect(rows).toHaveCount(15);
  await expect(firstName()).toHaveText(`${prefix}-42`);
  await expect(rows.first()).toContainText("Expires in 3 days");

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search tokens by name" })).toHaveValue(prefix);
  await expect(page.getByLabel("Status")).toHaveValue("expiring");
  await expect(page.getByText("1–15 of 15 expiring tokens")).toBeVisible();
  await expect(firstName()).toHaveText(`${prefix}-42`);

  // One change at a time: each one replaces the URL, and the next builds on it.
  await page.getByLabel("Status").selectOption("all");
  await expect(page).not.toHaveURL(/status=/);
  await page.getByLabel("Rows per page").selectOption("20");
  await expect(page).toHaveURL(/pageSize=20/);
  await page.getByRole("button", { name: "Name", exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByText("1–20 of 45 tokens")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tokens-list.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/tokens-list-dark.png`, animations: "disabled" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/tokens-list-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Generate new token" }).click();
  await expect(page.getByRole("dialog", { name: "Generate new token" }).getByLabel("Name", { exact: true })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/tokens-generate-390.png`, animations: "disabled" });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByLabel("Status").selectOption("expired");
  await expect(page.getByText(`No expired tokens match “${prefix}”`)).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page.getByText("Other tokens are hidden by the status filter")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/status=|q=/);
  await expect(page.getByRole("searchbox", { name: "Search tokens by name" })).toHaveValue("");
});

test("audit log and API reference", async ({ page }) => {
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const name = uniqueName("e2e-audited");
  const created = await page.request.post("/api/v1/tokens", {
    data: { name, permissions: { superAdmin: false, grants: [] } },
    headers: sameOrigin(page),
  });
  const { token } = (await created.json()) as { token: { id: number } };
  expect((await page.request.delete(`/api/v1/tokens/${token.id}`, { headers: sameOrigin(page) })).status()).toBe(204);
  await page.getByLabel("Action").selectOption("token.deleted");
  await expect(page).toHaveURL(/action=token\.deleted/);
  const newest = page.getByRole("table", { name: "Audit events, newest first" }).locator("tbody tr").first();
  await expect(newest).toContainText("token.deleted");
  await expect(newest).toContainText(name);
  await page.getByLabel("Action").selectOption("");
  await expect(page).not.toHaveURL(/action=/);
  await page.screenshot({ path: `${SHOTS}/audit.png` });

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Authentication" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/openapi.json" })).toBeVisible();
  const regenerate = page.getByRole("article", { name: /post \/api\/v1\/tokens\/\{id\}\/regenerate/i });
  await expect(regenerate.getByRole("rowheader", { name: "graceSeconds" })).toBeVisible();
  await regenerate.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/docs-api.png` });
});
