import { expect, type Page, test } from "@playwright/test";
import { type Receiver, startReceiver } from "../tests/helpers/webhook-receiver";
import { ADMIN_STATE, sameOrigin } from "./helpers";

// Webhooks in the dashboard, against a real receiver on loopback that verifies every request
// with the standardwebhooks library (the e2e server runs with TESSERA_WEBHOOK_ALLOW_PRIVATE=1,
// playwright.config.ts): add one and copy its secret once, send a test event, watch it land in
// the delivery log, redeliver it; then the calendar feed's subscribe URL, once, and revoked.

test.use({ storageState: ADMIN_STATE });

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

const SECRET_MODAL = "This is the only time this signing secret will be shown";

async function copyOnce(page: Page, modalName: string, label: string): Promise<string> {
  const modal = page.getByRole("dialog", { name: modalName });
  await expect(modal).toBeVisible();
  const value = await modal.getByLabel(label, { exact: true }).inputValue();
  await modal.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(modal.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  await modal.getByRole("button", { name: "Done" }).click();
  await expect(modal).toBeHidden();
  return value;
}

test("add a webhook, copy its secret once, send a test event, see it delivered, redeliver it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const url = `${receiver.url}/${Date.now().toString(36)}`;
  await page.goto("/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await page.getByRole("button", { name: "Add webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Add webhook" });
  await dialog.getByLabel("Endpoint URL").fill("not a url");
  await dialog.getByRole("radio", { name: "Only the events I pick" }).check();
  await dialog.getByRole("button", { name: "Add webhook" }).click();
  await expect(dialog.getByText("Endpoint URL must be an http:// or https:// URL")).toBeVisible();
  await expect(dialog.getByText("Tick at least one event, or choose “All events”.")).toBeVisible();
  await dialog.getByLabel("Endpoint URL").fill(url);
  await dialog.getByRole("radio", { name: "All events, including ones added later" }).check();
  await dialog.getByLabel("Description").fill("e2e receiver");
  await dialog.getByRole("button", { name: "Add webhook" }).click();

  // Closing before copying asks first; then the secret is copied once and never shown again.
  const modal = page.getByRole("dialog", { name: SECRET_MODAL });
  await expect(modal).toBeVisible();
  await modal.getByRole("button", { name: "Done" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Close without copying?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Go back" }).click();
  const secret = await copyOnce(page, SECRET_MODAL, "Signing secret");
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  receiver.setSecret(secret);
  await expect(page.getByRole("button", { name: "Add webhook" })).toBeFocused();
  const row = page.getByRole("row", { name: new RegExp(url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) });
  await expect(row).toContainText("All events");
  await expect(row).toContainText("Active");
  await page.reload();
  expect(await page.content()).not.toContain(secret.slice(6));
  await page.screenshot({ path: "test-results/screenshots/webhooks.png", fullPage: true });

  // Its page: a test event, delivered and logged (the page refreshes while it is due).
  await row.getByRole("link", { name: url }).click();
  await expect(page).toHaveURL(/\/webhooks\/\d+$/);
  await expect(page.getByText("Nothing sent yet.")).toBeVisible();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText(/^Test event queued/)).toBeVisible();
  const log = page.getByRole("table", { name: "Delivery log" });
  const delivery = log.getByRole("row", { name: /webhook\.test/ });
  await expect(delivery).toContainText("Delivered", { timeout: 30_000 });
  await expect(delivery).toContainText("HTTP 204");
  await expect(delivery).toContainText("1 attempt");
  const got = receiver.received.filter((r) => r.type === "webhook.test");
  expect(got.map((r) => r.verified)).toEqual([true]);
  await expect(delivery).toContainText(got[0]!.id);

  // Redeliver from the row's menu: the same webhook-id arrives again.
  await delivery.getByRole("button", { name: /^Actions for webhook\.test/ }).click();
  await page.getByRole("menuitem", { name: "Redeliver" }).click();
  await expect(page.getByText("Redelivery queued")).toBeVisible();
  await expect(delivery).toContainText("2 attempts", { timeout: 30_000 });
  await expect(delivery).toContainText("Delivered");
  await page.screenshot({ path: "test-results/screenshots/webhook-detail.png", fullPage: true });
  const again = receiver.received.filter((r) => r.type === "webhook.test");
  expect(again.map((r) => [r.id, r.verified])).toEqual([
    [got[0]!.id, true],
    [got[0]!.id, true],
  ]);
});

test("edit, disable and delete a webhook from its row menu", async ({ page }) => {
  await page.goto("/webhooks");
  const created = await page.request.post("/api/v1/webhooks", {
    data: { url: `${receiver.url}/menu`, events: ["token.created"] },
    headers: sameOrigin(page),
  });
  expect(created.status()).toBe(201);
  await page.goto("/webhooks?q=%2Fmenu");
  const row = page.getByRole("row", { name: /\/menu/ });
  await expect(row).toContainText("token.created");

  await row.getByRole("button", { name: /^Actions for / }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit webhook" });
  await edit.getByRole("checkbox", { name: /token\.deleted/ }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved the webhook")).toBeVisible();
  await expect(row).toContainText("token.deleted");

  await row.getByRole("button", { name: /^Actions for / }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  await expect(page.getByText("Disabled the webhook")).toBeVisible();
  await expect(row).toContainText("Disabled");

  await row.getByRole("button", { name: /^Actions for / }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: /^Delete webhook to 127\.0\.0\.1:\d+\?$/ });
  await confirm.getByRole("button", { name: "Delete webhook" }).click();
  await expect(page.getByText(/^Deleted webhook to/)).toBeVisible();
  await expect(page.getByText("No webhooks match “/menu”.")).toBeVisible();
  await expect(page.getByRole("link", { name: /\/menu$/ })).toHaveCount(0);
});

test("the calendar feed's subscribe URL is shown once, works, and stops when turned off", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  await page.goto("/webhooks");
  const section = page.getByRole("region", { name: "Your calendar feed of token expiries" });
  const first = section.getByRole("button", { name: "Get a subscribe URL" });
  if (await first.isVisible()) await first.click();
  else {
    await section.getByRole("button", { name: "New subscribe URL" }).click();
    await page.getByRole("alertdialog", { name: "Replace your feed's address?" }).getByRole("button", { name: "Make a new URL" }).click();
  }
  const url = await copyOnce(page, "This is the only time this address will be shown", "Subscribe URL");
  expect(url).toMatch(/\/api\/v1\/calendar\/tcal_[A-Za-z0-9_-]{43}\.ics$/);
  await expect(section.getByText("On", { exact: true })).toBeVisible();
  const feedPath = new URL(url).pathname;
  const feed = await page.request.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);

  await section.getByRole("button", { name: "Turn off the feed" }).click();
  await page.getByRole("alertdialog", { name: "Turn off your calendar feed?" }).getByRole("button", { name: "Turn off the feed" }).click();
  await expect(page.getByText("Calendar feed turned off")).toBeVisible();
  await expect(section.getByText("Off", { exact: true })).toBeVisible();
  expect((await page.request.get(feedPath)).status()).toBe(404);
});
