import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./helpers";

// Runs first, on a fresh data folder: every page goes to /setup until the first super
// admin exists; afterwards /setup is closed. Saves the admin's session for other specs.
test("first run: setup creates the first super admin, then is closed", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Confirm password").fill("not the same password");
  await page.getByRole("button", { name: "Create super admin" }).click();
  await expect(page.getByText("does not match the password")).toBeVisible();

  await page.getByLabel("Confirm password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create super admin" }).click();
  await expect(page).not.toHaveURL(/\/setup/);
  await expect(page.getByRole("complementary").getByText(ADMIN.email)).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });

  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup/);
  const again = await page.request.post("/api/setup", {
    data: { email: "second@tessera.test", name: "Second", password: "second-password-1", confirmPassword: "second-password-1" },
  });
  expect(again.status()).toBe(403);
  expect((await again.json()).code).toBe("forbidden");
});
