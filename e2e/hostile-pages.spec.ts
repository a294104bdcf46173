import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./helpers";

// Dashboard lists read their state from the URL, and a search reaches the database: a NUL
// or an unpaired surrogate typed or pasted into a URL must leave the page working
// (lib/list-query.ts), not show the error screen.

test.use({ storageState: ADMIN_STATE });

const URLS: [string, string][] = [
  ["/tokens?q=%00", "API tokens"],
  ["/tokens?q=a%ED%A0%80b&status=%00&sort=%00", "API tokens"],
  ["/apps?q=%00&project=%00", "Apps"],
  ["/helm-apps?project=%ED%A0%80&environment=%00&q=%00", "Helm apps"],
  ["/projects?q=%00&page=99999999999", "Projects"],
  ["/environments?q=%ED%B0%80", "Environments"],
  ["/chart-groups?q=%00", "Chart groups"],
  ["/users?q=%00", "Users"],
  ["/audit?tokenId=2147483648&action=%00", "Audit log"],
];

for (const [url, heading] of URLS) {
  test(`${url} still shows its page`, async ({ page }) => {
    const res = await page.goto(url);
    expect(res?.status()).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: /could not be loaded|Something went wrong/ })).toHaveCount(0);
  });
}
