import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// axe-core in real Chromium: no serious or critical violation on the token pages, the
// generate dialog with its calendar open, and the copy-once modal; the webhook pages, the
// add dialog and the signing secret's copy-once modal; the expiry notice.

test.use({ storageState: ADMIN_STATE });

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join("; ")}`,
    );
  expect(serious, `axe on ${where}`).toEqual([]);
}

test("the token pages, the generate dialog with the calendar and the copy-once modal pass axe", async ({ page }) => {
  await page.goto("/tokens");
  await page.request.post("/api/v1/tokens", {
    data: { name: uniqueName("a11y"), description: "for the accessibility scan", permissions: { superAdmin: true } },
    headers: sameOrigin(page),
  });
  await page.reload();
  await expect(page.getByRole("table", { name: "API tokens" })).toBeVisible();
  await expectNoSeriousViolations(page, "/tokens");

  await page.getByRole("button", { name: "Generate new token" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate new token" });
  await dialog.getByLabel("Name", { exact: true }).fill(uniqueName("a11y-gen"));
  await dialog.getByRole("combobox", { name: "Expiration" }).click();
  await page.getByRole("option", { name: "Custom…", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Choose the last day the token works" })).toBeVisible();
  await expectNoSeriousViolations(page, "the generate dialog with the calendar open");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Choose the last day the token works" })).toBeHidden();

  await dialog.getByRole("combobox", { name: "Expiration" }).click();
  await page.getByRole("option", { name: "30 days", exact: true }).click();
  await dialog.getByRole("group", { name: "Access" }).getByText("Super admin", { exact: true }).click();
  await dialog.getByRole("button", { name: "Generate token" }).click();
  const modal = page.getByRole("dialog", { name: "This is the only time this token will be shown" });
  await expect(modal).toBeVisible();
  await expectNoSeriousViolations(page, "the copy-once modal");
  await modal.getByRole("button", { name: "Done" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Close without copying?" });
  if (await confirm.isVisible()) await confirm.getByRole("button", { name: "Close without copying" }).click();

  await page.getByRole("table", { name: "API tokens" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tokens\/\d+$/);
  await expectNoSeriousViolations(page, "/tokens/{id}");
});

test("the webhook pages, the add dialog, the signing secret's modal and the expiry notice pass axe", async ({ page }) => {
  await page.goto("/webhooks");
  await page.request.post("/api/v1/tokens", {
    data: { name: uniqueName("a11y-soon"), permissions: { superAdmin: true }, expiresInDays: 2 },
    headers: sameOrigin(page),
  });
  await page.reload();
  await expect(page.getByRole("region", { name: "Token expiry" })).toBeVisible();
  await expectNoSeriousViolations(page, "/webhooks with the expiry notice");

  await page.getByRole("button", { name: "Add webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Add webhook" });
  await dialog.getByRole("radio", { name: "Only the events I pick" }).check();
  await dialog.getByRole("button", { name: "Add webhook" }).click();
  await expect(dialog.getByText("Tick at least one event")).toBeVisible();
  await expectNoSeriousViolations(page, "the add webhook dialog with its errors");
  await dialog.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/a11y");
  await dialog.getByRole("checkbox", { name: /token\.created/ }).check();
  await dialog.getByRole("button", { name: "Add webhook" }).click();
  const modal = page.getByRole("dialog", { name: "This is the only time this signing secret will be shown" });
  await expect(modal).toBeVisible();
  await expectNoSeriousViolations(page, "the signing secret's copy-once modal");
  await modal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "Close without copying?" }).getByRole("button", { name: "Close without copying" }).click();

  await page.getByRole("table", { name: "Webhooks" }).getByRole("link", { name: "http://127.0.0.1:9/a11y" }).first().click();
  await expect(page).toHaveURL(/\/webhooks\/\d+$/);
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("table", { name: "Delivery log" }).getByRole("row", { name: /webhook\.test/ })).toBeVisible();
  await expectNoSeriousViolations(page, "/webhooks/{id} with a delivery");
});
