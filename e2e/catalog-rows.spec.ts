import { expect, test } from "@playwright/test";
import { ADMIN_STATE, sameOrigin, uniqueName } from "./helpers";

// The catalog's row menus: edit a project, refuse to delete one still in use (saying
// why), delete one that is free — and focus goes back to the row's menu button.

test.use({ storageState: ADMIN_STATE });

test("a project row menu edits, explains a refused delete, and deletes", async ({ page }) => {
  await page.goto("/projects");
  const free = uniqueName("free");
  const used = uniqueName("used");
  for (const name of [free, used]) {
    expect((await page.request.post("/api/v1/projects", { data: { name }, headers: sameOrigin(page) })).status()).toBe(201);
  }
  const app = uniqueName("app").slice(0, 30).replace(/-$/, "x");
  expect((await page.request.post("/api/v1/apps", { data: { name: app, project: used }, headers: sameOrigin(page) })).status()).toBe(201);
  await page.goto(`/projects?q=${free}`);

  const menu = page.getByRole("button", { name: `Actions for ${free}` });
  await menu.click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${free}` });
  await edit.getByLabel("Description").fill("Edited from its row menu");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("cell", { name: "Edited from its row menu" })).toBeVisible();
  await expect(menu).toBeFocused();

  await page.goto(`/projects?q=${used}`);
  await page.getByRole("button", { name: `Actions for ${used}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const refuse = page.getByRole("alertdialog", { name: `Delete project ${used}?` });
  await refuse.getByRole("button", { name: "Delete project" }).click();
  await expect(refuse.getByText(`is still used by 1 app (${app})`)).toBeVisible();
  await refuse.getByRole("button", { name: "Cancel" }).click();

  await page.goto(`/projects?q=${free}`);
  await page.getByRole("button", { name: `Actions for ${free}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page
    .getByRole("alertdialog", { name: `Delete project ${free}?` })
    .getByRole("button", { name: "Delete project" })
    .click();
  await expect(page.getByRole("cell", { name: free, exact: true })).toBeHidden();
});

test("a chart group's charts show their own errors, take the focus, and save", async ({ page }) => {
  await page.goto("/chart-groups");
  const name = uniqueName("charts");
  await page.getByRole("button", { name: "New chart group" }).click();
  const dialog = page.getByRole("dialog", { name: "New chart group" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Add chart" }).click();
  await dialog.getByLabel("Chart 1 name").fill("bitnami/redis");
  await dialog.getByRole("button", { name: "Create chart group" }).click();
  await expect(dialog.getByText("Version is required")).toBeVisible();
  await expect(dialog.getByLabel("Chart 1 version")).toBeFocused();
  await dialog.getByLabel("Chart 1 version").fill("19.6.4");
  await expect(dialog.getByText("Version is required")).toBeHidden();
  await dialog.getByRole("button", { name: "Create chart group" }).click();
  await expect(dialog).toBeHidden();
  const saved = await (await page.request.get(`/api/v1/chart-groups?q=${name}`)).json();
  expect(saved.data[0].charts).toEqual([{ name: "bitnami/redis", version: "19.6.4" }]);
});
