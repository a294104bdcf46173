import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// Token controls in Chromium against the production server: disabling and enabling from the
// row menu and from the token page, the IP allowlist editor and its refused-request counts,
// a bulk disable reviewed through its dry run (and a bulk delete that asks for the count),
// and "Can this token…?". The idle policy's preview has its own spec (token-idle.spec.ts).

test.use({ storageState: ADMIN_STATE });

const SHOTS = "test-results/screenshots";

async function createToken(page: Page, name: string, extra: Record<string, unknown> = {}) {
  const res = await page.request.post("/api/v1/tokens", {
    data: { name, permissions: { superAdmin: true }, ...extra },
    headers: sameOrigin(page),
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { token: { id: number }; secret: string };
  return { id: body.token.id, secret: body.secret };
}

/** A request with the token (which wins over the session cookie the context also sends): its status and error code. */
async function callWithToken(page: Page, secret: string) {
  const res = await page.request.fetch("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  const body = (await res.json()) as { code?: string };
  return { status: res.status(), code: body.code };
}

/**
 * Waits until the token list's client code runs: a control changed in the server's HTML before
 * hydration is set back by React. Selecting the page's rows shows "Clear selection" only then.
 */
async function listReady(page: Page) {
  const all = page.getByLabel("Select every token on this page");
  const clear = page.getByRole("button", { name: "Clear selection" });
  await expect(async () => {
    await all.check();
    await expect(clear).toBeVisible({ timeout: 500 });
  }).toPass();
  await clear.click();
}

test("disable and enable from the row menu and from the token page", async ({ page }) => {
  await page.goto("/tokens");
  const name = uniqueName("switch");
  const { id, secret } = await createToken(page, name);
  await page.goto(`/tokens?q=${name}`);
  const row = page.getByRole("row").filter({ hasText: name });

  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Disable ${name}?` });
  await expect(confirm).toContainText("refused (401 token_disabled)");
  await confirm.getByRole("button", { name: "Disable token" }).click();
  await expect(page.getByRole("status").getByText(`Disabled ${name}`)).toBeVisible();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  expect(await callWithToken(page, secret)).toEqual({ status: 401, code: "token_disabled" });
  await page.getByLabel("Status").selectOption("disabled");
  await expect(row).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Enable" }).click();
  await expect(page.getByRole("status").getByText(`Enabled ${name}`)).toBeVisible();
  await expect(page.getByText(`No disabled tokens match`)).toBeVisible();
  expect((await callWithToken(page, secret)).status).toBe(200);

  await page.goto(`/tokens/${id}`);
  await page.getByRole("button", { name: "Disable", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable token" }).click();
  await expect(page.getByText(/^Disabled on .+\.$/)).toBeVisible();
  await expect(page.getByText("Every request with it is refused (401 token_disabled)")).toBeVisible();
  expect((await callWithToken(page, secret)).code).toBe("token_disabled");
  await expect(page.getByRole("table", { name: `History of ${name}` })).toContainText("token.disabled");
  await page.getByRole("button", { name: "Enable", exact: true }).click();
  await expect(page.getByRole("button", { name: "Disable", exact: true })).toBeVisible();
  await expect(page.getByText(/^Disabled on /)).toHaveCount(0);
  expect((await callWithToken(page, secret)).status).toBe(200);
});

test("the IP allowlist editor: a bad entry is marked at its row, a saved list refuses other addresses, and refusals are counted", async ({
  page,
}) => {
  await page.goto("/tokens");
  const name = uniqueName("fenced");
  const { id, secret } = await createToken(page, name);
  await page.goto(`/tokens/${id}`);
  const access = page.getByRole("region", { name: "Network access" });
  await expect(access).toContainText("any address may use this token");

  await access.getByRole("button", { name: "Add address" }).click();
  await access.getByLabel("Allowed address 1").fill("10.0.0.300");
  await access.getByRole("button", { name: "Save allowlist" }).click();
  await expect(access.getByText("Address 1 is not an IPv4 or IPv6 address or CIDR range")).toBeVisible();
  await expect(access.getByLabel("Allowed address 1")).toBeFocused();
  await access.getByLabel("Allowed address 1").fill("192.0.2.0/24");
  await access.getByRole("button", { name: "Add address" }).click();
  await access.getByLabel("Allowed address 2").fill("2001:DB8::/32");
  await access.getByRole("button", { name: "Save allowlist" }).click();
  await expect(page.getByRole("status").getByText(`Saved the allowlist of ${name}`)).toBeVisible();
  // Saved as the API stores it.
  await expect(access.getByLabel("Allowed address 2")).toHaveValue("2001:db8::/32");

  const refused = await page.request.fetch("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(403);
  const detail = ((await refused.json()) as { code: string; detail: string }).detail;
  const from = /came from (.+)\.$/.exec(detail)![1]!;
  for (let i = 0; i < 2; i++) expect((await callWithToken(page, secret)).code).toBe("ip_not_allowed");

  // The counts are written with the next usage batch (within seconds).
  await expect(async () => {
    await page.reload();
    await expect(access.getByText(`3 refused requests from ${from} today`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/token-allowlist.png`, fullPage: true });

  const addMine = access.getByRole("button", { name: /^Add your address/ });
  await addMine.click();
  await access.getByRole("button", { name: "Save allowlist" }).click();
  await expect(page.getByRole("status").getByText(`Saved the allowlist of ${name}`)).toBeVisible();
  expect((await callWithToken(page, secret)).status).toBe(200);
});

test("a bulk disable shows exactly which tokens it changes before it changes them", async ({ page }) => {
  await page.goto("/tokens");
  const prefix = uniqueName("bulk");
  for (const n of ["a", "b", "c"]) await createToken(page, `${prefix}-${n}`);
  const outsider = await createToken(page, uniqueName("outside"));
  await page.goto(`/tokens?q=${prefix}`);
  await listReady(page);
  const bar = page.getByRole("region", { name: "Bulk actions" });

  await bar.getByLabel("Bulk action").selectOption("disable");
  await expect(bar.getByLabel("on", { exact: true })).toHaveValue("filter");
  await expect(bar.getByLabel("on", { exact: true })).toContainText("all 3 matching tokens");
  await bar.getByRole("button", { name: "Review…" }).click();
  const review = page.getByRole("alertdialog", { name: "Disable tokens" });
  await expect(review.getByRole("list", { name: "Tokens to disable" }).getByRole("listitem")).toHaveText([
    `${prefix}-a`,
    `${prefix}-b`,
    `${prefix}-c`,
  ]);
  await page.screenshot({ path: `${SHOTS}/tokens-bulk-review.png` });
  // The dry run changed nothing.
  await expect(page.getByRole("row").getByText("Disabled", { exact: true })).toHaveCount(0);
  await review.getByRole("button", { name: "Disable 3 tokens" }).click();
  await expect(page.getByRole("status").getByText("Disabled 3 tokens")).toBeVisible();
  await expect(page.getByRole("row").getByText("Disabled", { exact: true })).toHaveCount(3);
  expect((await callWithToken(page, outsider.secret)).status).toBe(200);

  await bar.getByRole("button", { name: "Review…" }).click();
  await expect(review).toContainText("No tokens match: nothing would change.");
  await review.getByRole("button", { name: "Close" }).click();

  // Rows picked by hand: enable one of them.
  await page.getByLabel(`Select ${prefix}-b`).check();
  await bar.getByLabel("Bulk action").selectOption("enable");
  await expect(bar.getByLabel("on", { exact: true })).toHaveValue("selected");
  await bar.getByRole("button", { name: "Review…" }).click();
  const enable = page.getByRole("alertdialog", { name: "Enable tokens" });
  await expect(enable.getByRole("listitem")).toHaveText([`${prefix}-b`]);
  await enable.getByRole("button", { name: "Enable 1 token" }).click();
  await expect(page.getByRole("status").getByText("Enabled 1 token")).toBeVisible();
  await expect(page.getByRole("row").getByText("Disabled", { exact: true })).toHaveCount(2);
});

test("a bulk delete of more than 100 tokens asks for the count to be typed", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/tokens");
  const prefix = uniqueName("mass");
  for (let i = 0; i < 101; i++) await createToken(page, `${prefix}-${String(i).padStart(3, "0")}`);
  await page.goto(`/tokens?q=${prefix}`);
  await listReady(page);
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await bar.getByLabel("Bulk action").selectOption("delete");
  await bar.getByRole("button", { name: "Review…" }).click();
  const review = page.getByRole("alertdialog", { name: "Delete tokens" });
  await expect(review).toContainText("This will delete these 101 tokens. Deleting cannot be undone");
  const go = review.getByRole("button", { name: "Delete 101 tokens" });
  await expect(go).toBeDisabled();
  await review.getByLabel("Type 101 to delete 101 tokens").fill("100");
  await expect(go).toBeDisabled();
  await review.getByLabel("Type 101 to delete 101 tokens").fill("101");
  await go.click();
  await expect(page.getByRole("status").getByText("Deleted 101 tokens")).toBeVisible();
  await expect(page.getByText(`No tokens match “${prefix}”`)).toBeVisible();
});

test("Can this token…? answers allowed or not, and why", async ({ page }) => {
  await page.goto("/tokens");
  const project = uniqueName("proj");
  const [staging, production, app] = [uniqueName("stg"), uniqueName("prod"), uniqueName("app")];
  const post = async (path: string, data: unknown) =>
    expect((await page.request.post(path, { data, headers: sameOrigin(page) })).status()).toBe(201);
  await post("/api/v1/projects", { name: project });
  await post("/api/v1/environments", { name: staging });
  await post("/api/v1/environments", { name: production });
  await post("/api/v1/apps", { name: app, project });
  const grant = { entity: "devtron-app", role: "trigger", project, environments: [staging], apps: [] };
  const { id } = await createToken(page, uniqueName("deployer"), { permissions: { superAdmin: false, grants: [grant] } });

  await page.goto(`/tokens/${id}`);
  const explainer = page.getByRole("region", { name: "Can this token…?" });
  await explainer.getByLabel("What").selectOption("devtron-app");
  await explainer.getByLabel("Action").selectOption("trigger");
  await explainer.getByLabel("In project").selectOption(project);
  await explainer.getByLabel("In environment").selectOption(staging);
  await explainer.getByLabel("App").selectOption(app);
  await explainer.getByRole("button", { name: "Check" }).click();
  await expect(explainer.getByText("Allowed", { exact: true })).toBeVisible();
  await expect(explainer).toContainText(`Allowed by the grant Devtron app trigger in ${project}/${staging}.`);

  await explainer.getByLabel("In environment").selectOption(production);
  await explainer.getByRole("button", { name: "Check" }).click();
  await expect(explainer.getByText("Not allowed", { exact: true })).toBeVisible();
  await expect(explainer).toContainText(`it does not cover environment ${production}`);

  await explainer.getByLabel("Action").selectOption("create");
  await explainer.getByRole("button", { name: "Check" }).click();
  await expect(explainer).toContainText("its role trigger does not allow create (that needs admin or stronger)");
  await page.screenshot({ path: `${SHOTS}/token-explainer.png`, fullPage: true });
});
