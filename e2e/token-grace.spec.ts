import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// Rotation with a grace window in Chromium against the production server: regenerate with a
// grace period and a quiet period from the token page, use the old secret from two clients,
// see them on the token page's grace panel, and end the grace now. The dialog, the panel and
// the scanning page pass axe (no serious or critical violation).

test.use({ storageState: ADMIN_STATE });

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

async function useOld(page: Page, secret: string, userAgent: string) {
  const res = await page.request.fetch("/api/v1/me", { headers: { authorization: `Bearer ${secret}`, "user-agent": userAgent } });
  return res.status();
}

test("the grace panel lists who still uses the old secret, and End grace now stops it", async ({ page }) => {
  await page.goto("/tokens");
  const name = uniqueName("grace");
  const created = await page.request.post("/api/v1/tokens", {
    data: { name, permissions: { superAdmin: true } },
    headers: sameOrigin(page),
  });
  expect(created.status()).toBe(201);
  const { token, secret: old } = (await created.json()) as { token: { id: number }; secret: string };

  await page.goto(`/tokens/${token.id}`);
  await expect(page.getByRole("heading", { name: "Old secret still works" })).toBeHidden();
  await page.getByRole("button", { name: "Regenerate", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Regenerate ${name}` });
  await dialog.getByRole("radio", { name: "1 hour" }).check();
  await dialog.getByLabel("End the grace period when the current token has gone unused for").selectOption({ label: "15 minutes" });
  await expectNoSeriousViolations(page, "the regenerate dialog with a quiet period");
  await dialog.getByRole("button", { name: "Regenerate token" }).click();
  const modal = page.getByRole("dialog", { name: "This is the only time this token will be shown" });
  const fresh = await modal.getByLabel("Token", { exact: true }).inputValue();
  await modal.getByRole("button", { name: "Copy", exact: true }).click();
  await modal.getByRole("button", { name: "Done" }).click();

  expect(await useOld(page, old, "deploy-bot/1.0")).toBe(200);
  expect(await useOld(page, old, "deploy-bot/1.0")).toBe(200);
  expect(await useOld(page, old, "legacy-cron/0.9")).toBe(200);

  // Usage is written in batches every few seconds: reload until the panel has it.
  const panel = page.getByRole("region", { name: "Old secret still works" });
  const oldUses = panel.getByRole("list", { name: "Who used the old secret" });
  await expect(async () => {
    await page.reload();
    await expect(oldUses.getByRole("listitem")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(panel).toContainText("or until it has gone unused for 15 minutes");
  await expect(oldUses.getByRole("listitem").filter({ hasText: "deploy-bot/1.0" })).toContainText("2 requests");
  await expect(oldUses.getByRole("listitem").filter({ hasText: "legacy-cron/0.9" })).toContainText("1 request,");
  await expectNoSeriousViolations(page, "the token page with its grace panel");

  await panel.getByRole("button", { name: "End grace now" }).click();
  await expect(page.getByRole("status").getByText(`Ended the grace period of ${name}`)).toBeVisible();
  await expect(panel).toBeHidden();
  expect(await useOld(page, old, "deploy-bot/1.0")).toBe(401);
  expect(await useOld(page, fresh, "deploy-bot/2.0")).toBe(200);
});

test("the scanning page shows the shipped rules and the revoke command", async ({ page }) => {
  await page.goto("/docs/scanning");
  await expect(page.getByRole("heading", { name: "Secret scanning", level: 1 })).toBeVisible();
  await expect(page.getByText("regex = '''\\b(tsr_[0-9A-Za-z]{46})\\b'''")).toBeVisible();
  await expect(page.getByText("/api/v1/tokens/revoke").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Offline verifier \(Node\)/ })).toBeVisible();
  await expectNoSeriousViolations(page, "the scanning page");
});
