import { expect, test } from "@playwright/test";
import { ADMIN, sameOrigin, signIn, signOut, uniqueName } from "./helpers";

test("a super admin creates a user, who signs in and is told only super admins manage users", async ({ page }) => {
  const email = `${uniqueName("dev")}@tessera.test`;
  const password = "developer-password-1";

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Users" }).first().click();
  await expect(page).toHaveURL(/\/users/);
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill("Dev Eloper");
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  // The same email again is refused next to the field, and nothing is lost.
  await page.getByRole("button", { name: "New user" }).click();
  await dialog.getByLabel("Email").fill(email.toUpperCase());
  await dialog.getByLabel("Name").fill("Copy");
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("is already used by another user")).toBeVisible();
  await page.keyboard.press("Escape");

  await signOut(page);
  await signIn(page, email, password);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Only super admins can manage users" })).toBeVisible();
  await signOut(page);
});

test("a wrong password gets one message for any account, and a disabled account is told so only with the right password", async ({
  page,
}) => {
  const email = `${uniqueName("disabled")}@tessera.test`;
  const password = "disabled-password-1";
  await signIn(page, ADMIN.email, ADMIN.password);
  const created = await page.request.post("/api/v1/users", { data: { email, name: "Disabled", password }, headers: sameOrigin(page) });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await page.request.patch(`/api/v1/users/${id}`, { data: { disabled: true }, headers: sameOrigin(page) })).status()).toBe(200);
  await signOut(page);

  for (const who of [ADMIN.email, "nobody@tessera.test", email]) {
    await page.getByLabel("Email").fill(who);
    await page.getByLabel("Password").fill("wrong-password-xyz");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This account is disabled.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the shell works at 390 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Menu" }).click();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await signOut(page);
});
