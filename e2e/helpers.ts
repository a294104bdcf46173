import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@tessera.test", name: "Ada Admin", password: "admin-password-123" };
export const ADMIN_STATE = "e2e/.auth/admin.json";

let n = 0;
/** Names unique within and across runs, so tests never collide. */
export function uniqueName(prefix: string): string {
  n += 1;
  return `${prefix}-${Date.now().toString(36)}-${n}`;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
  const menu = page.getByRole("button", { name: "Sign out" });
  if (!(await menu.isVisible())) await page.getByRole("button", { name: /menu/i }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Headers for `page.request` writes that ride on the browser's session cookie: unlike the
 * browser's own fetch, Playwright's request context sends no Origin, and Tessera refuses
 * cookie-authenticated writes that do not prove they come from its own pages.
 */
export function sameOrigin(page: Page): Record<string, string> {
  return { origin: new URL(page.url()).origin };
}
