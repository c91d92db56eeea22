import { expect, test } from "@playwright/test";
import { createTemplate, navigateTo, next, savedDocument } from "./helpers";

test("a fresh browser starts with a sample partner organization", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByLabel("Organization name")).toHaveValue("Northwind Telecom");
  await expect(page.getByRole("row")).toHaveCount(3); // header + two administrators
  await expect(page.getByRole("listitem").filter({ hasText: "Sub100448" })).toBeVisible();
  for (const region of ["North America", "Europe", "Asia Pacific"]) {
    await expect(page.getByRole("checkbox", { name: region })).toBeChecked();
  }
});

test("the organization name is editable and validated", async ({ page }) => {
  await page.goto("/settings");
  const name = page.getByLabel("Organization name");
  await name.fill(" ");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#partner-name-error")).toHaveText("Enter the organization name.");
  await name.fill("Southwind Communications");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(name).toHaveValue("Southwind Communications");
  // New templates take the organization name as their default brand name.
  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await page.getByLabel("Template name").fill("x");
  await page.getByLabel("Country or region").selectOption("US");
  await page.getByLabel("Service provider admin").selectOption({ index: 1 });
  await page.getByLabel("Wholesale subscription").selectOption({ index: 1 });
  for (let i = 0; i < 3; i++) await next(page);
  await expect(page.getByLabel("Brand name")).toHaveValue("Southwind Communications");
});

test("administrators can be added with a valid, new e-mail and offered in the wizard", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.locator("#admin-name-error")).toHaveText("Enter the administrator's name.");
  await page.getByLabel("Name", { exact: true }).fill("Ji-woo Kim");
  await page.getByLabel("Email", { exact: true }).fill("jiwoo@@example");
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.locator("#admin-email-error")).toHaveText("Enter an email address like name@example.com.");
  await page.getByLabel("Email", { exact: true }).fill("Dana.Whitfield@northwind-telecom.example");
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.locator("#admin-email-error")).toHaveText("This email address already belongs to an administrator.");
  await page.getByLabel("Email", { exact: true }).fill("jiwoo.kim@northwind-telecom.example");
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.getByRole("cell", { name: "jiwoo.kim@northwind-telecom.example" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");

  await page.goto("/templates/new");
  await page.getByRole("radio", { name: "Webex for Wholesale" }).check();
  await next(page);
  await expect(page.getByLabel("Service provider admin").getByRole("option", { name: /Ji-woo Kim/ })).toHaveCount(1);
});

test("what templates use, and the last of anything, cannot be removed", async ({ page }) => {
  await createTemplate(page, { name: "Needs an admin" });
  const doc = await savedDocument(page);
  const used = doc.partner.admins.find((a: { id: string }) => a.id === doc.templates[0].settings.admin);
  await navigateTo(page, "Settings");
  await page.getByRole("button", { name: `Remove ${used.name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("alert")).toHaveText("1 onboarding template uses this; change that template first.");
  await expect(page.getByRole("cell", { name: used.name, exact: true })).toBeVisible();

  await page.getByRole("checkbox", { name: "Europe" }).uncheck();
  await page.getByRole("checkbox", { name: "Asia Pacific" }).uncheck();
  await page.getByRole("checkbox", { name: "North America" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The organization needs at least one" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "North America" })).toBeChecked();
});

test("a backup downloads the whole saved document", async ({ page }) => {
  await createTemplate(page, { name: "Backed up" });
  await navigateTo(page, "Settings");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download backup" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^wholesale-partner-hub-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const body = JSON.parse(Buffer.concat(await (await file.createReadStream()).toArray()).toString());
  expect(body.templates[0].settings.name).toBe("Backed up");
  expect(body.version).toBe(1);
});
