import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { expect, test } from "@playwright/test";
import { type ProductionServer, signIn, startProductionServer, waitForHealth } from "../tests/helpers/production-server";
import { e2ePorts } from "./ports";

// The Settings page's idle policy in Chromium, on a production server of this spec's own: a
// token only becomes idle with time, so the spec makes its tokens, stops the server, moves
// their creation and last use into the past in the embedded database's own folder, and starts
// it again. The page then previews exactly the idle tokens; saving the policy lets the
// server's scheduler disable them (and only them) within seconds.

const PORT = e2ePorts().idle;
const ADMIN = { email: "idle@tessera.test", password: "idle-password-123" };
const NAMES = { old: "idle-e2e-old", older: "idle-e2e-older", fresh: "idle-e2e-fresh" };

let dir = "";
let server: ProductionServer | undefined;

const start = async () => {
  server = startProductionServer(PORT, { TESSERA_DATA_DIR: dir, TESSERA_ADMIN_EMAIL: ADMIN.email, TESSERA_ADMIN_PASSWORD: ADMIN.password });
  await waitForHealth(server);
  return server;
};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(path.join(tmpdir(), "tessera-idle-e2e-"));
  const first = await start();
  const cookie = await signIn(first.url, ADMIN.email, ADMIN.password);
  for (const name of Object.values(NAMES)) {
    const res = await fetch(`${first.url}/api/v1/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: first.url },
      body: JSON.stringify({ name, expiresAt: null, permissions: { superAdmin: true } }),
    });
    expect(res.status).toBe(201);
  }
  await first.stop("SIGTERM");
  const db = await PGlite.create(dir, { extensions: { pg_trgm } });
  await db.query(`UPDATE "ApiToken" SET "createdAt" = now() - interval '100 days' WHERE name = $1`, [NAMES.old]);
  await db.query(
    `UPDATE "ApiToken" SET "createdAt" = now() - interval '300 days', "lastUsedAt" = now() - interval '200 days' WHERE name = $1`,
    [NAMES.older],
  );
  await db.close();
  await start();
});

test.afterAll(async () => {
  await server?.stop("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

test("the idle policy previews exactly the tokens it would disable, then disables them", async ({ page }) => {
  test.setTimeout(120_000);
  const url = server!.url;
  await page.goto(`${url}/login`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);

  await page.goto(`${url}/settings`);
  const idle = page.getByRole("region", { name: "Idle tokens" });
  const field = idle.getByLabel("Disable tokens unused for, in days");
  await expect(field).toHaveValue("");
  await field.fill("365");
  await expect(idle.getByText("No token has gone unused for 365 days: saving this disables none now.")).toBeVisible();
  await field.fill("90");
  const list = idle.getByRole("list", { name: "Tokens the idle policy would disable now" });
  await expect(idle.getByText("Saving this disables 2 tokens now:")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").nth(0)).toContainText(`${NAMES.older} last used`);
  await expect(list.getByRole("listitem").nth(1)).toContainText(`${NAMES.old} never used, created`);
  await page.screenshot({ path: "test-results/screenshots/settings-idle-preview.png", fullPage: true });

  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").getByText("Saved the settings")).toBeVisible();

  // The server's scheduler (every few seconds) disables them.
  await expect(async () => {
    await page.goto(`${url}/tokens?status=disabled`);
    await expect(page.getByRole("table", { name: "API tokens" }).getByRole("link")).toHaveText([NAMES.older, NAMES.old].sort(), {
      timeout: 1000,
    });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("link", { name: NAMES.old, exact: true }).click();
  await expect(page.getByText("by the idle-token policy, because it was not used")).toBeVisible();
  await expect(page.getByRole("table", { name: `History of ${NAMES.old}` })).toContainText("token.idle_disabled");

  await page.goto(`${url}/tokens?status=active`);
  await expect(page.getByRole("table", { name: "API tokens" }).getByRole("link")).toHaveText([NAMES.fresh]);
  await page.goto(`${url}/settings`);
  await expect(
    page.getByRole("region", { name: "Idle tokens" }).getByText("No token has gone unused for 90 days: nothing is waiting to be disabled."),
  ).toBeVisible();
});
