import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { customerWithUsers, expectNoAxeViolations, fillStorage, navigateTo } from "./helpers";

/** Settings → "Download backup": the file's path and text. */
async function downloadBackup(page: Page) {
  await navigateTo(page, "Settings");
  const download = page.waitForEvent("download");
  await page.getByRole("region", { name: "Data backup" }).getByRole("button", { name: "Download backup" }).click();
  const file = await download;
  const path = await file.path();
  return { path, name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

function restoreSection(page: Page) {
  return page.getByRole("region", { name: "Restore from backup" });
}

async function chooseFile(page: Page, name: string, text: string) {
  await restoreSection(page).getByLabel("Backup file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

async function customerNames(page: Page) {
  await navigateTo(page, "Customers");
  return page.getByRole("table").getByRole("rowheader").allInnerTexts().catch(() => []);
}

test("a backup from one browser restores in another, after a preview and a confirmation", async ({ page, browser }) => {
  await customerWithUsers(page);
  const backup = await downloadBackup(page);
  expect(backup.name).toMatch(/^wholesale-partner-hub-backup-\d{4}-\d{2}-\d{2}\.json$/);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/settings");
  const section = restoreSection(fresh);
  await section.getByLabel("Backup file").setInputFiles(backup.path);
  const preview = section.getByRole("group", { name: /holds$/ });
  await expect(preview).toContainText("Northwind Telecom — templates: 1, customers: 1, locations: 2, users: 2.");
  await expect(preview).toContainText("It replaces what this browser holds now: Northwind Telecom — templates: 0, customers: 0, locations: 0, users: 0.");
  await expectNoAxeViolations(fresh);

  await preview.getByRole("button", { name: "Replace my data" }).click();
  const dialog = fresh.getByRole("alertdialog", { name: "Replace all data in this browser?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Replace my data" }).click();
  await expect(fresh.getByText("Backup restored.")).toBeVisible();
  await expect(preview).toHaveCount(0);

  expect(await customerNames(fresh)).toEqual(["Acme Dental"]);
  await fresh.getByRole("link", { name: "Acme Dental" }).click();
  await expect(fresh.getByRole("region", { name: "Users" }).getByRole("rowheader")).toHaveText(["Ada Admin", "Jae Park"]);
  await navigateTo(fresh, "Templates");
  await expect(fresh.getByRole("link", { name: "Gold" })).toBeVisible();
  // Saved, not only shown.
  await fresh.reload();
  await expect(fresh.getByRole("link", { name: "Gold" })).toBeVisible();
});

test("a file that is not a backup, is newer, or is damaged is refused with its reason, and nothing changes", async ({ page }) => {
  await customerWithUsers(page);
  const backup = await downloadBackup(page);
  const section = restoreSection(page);
  const error = section.getByRole("alert");

  await chooseFile(page, "users.csv", "First Name,Last Name\nAda,Admin\n");
  await expect(error).toHaveText("This file is not a Wholesale Partner Hub backup. Choose the .json file that “Download backup” saved.");
  await expect(section.getByLabel("Backup file")).toHaveAccessibleDescription(/not a Wholesale Partner Hub backup/);
  await expectNoAxeViolations(page);

  const newer = JSON.parse(backup.text);
  newer.version = 99;
  await chooseFile(page, "newer.json", JSON.stringify(newer));
  await expect(error).toHaveText(/made by a newer version of Wholesale Partner Hub \(format 99\)/);

  const damaged = JSON.parse(backup.text);
  damaged.customers[0].users[1].location = "00000000-0000-4000-8000-000000000abc";
  await chooseFile(page, "damaged.json", JSON.stringify(damaged));
  await expect(error).toHaveText(/^This backup is damaged; nothing was changed\. \(user jae@acme\.example of “Acme Dental” is at a location/);
  await expect(section.getByRole("button", { name: "Replace my data" })).toHaveCount(0);

  // Other JSON, with a version of its own, is not a backup; and a parser's words never show.
  await chooseFile(page, "settings.json", JSON.stringify({ version: 1, name: "my editor settings" }));
  await expect(error).toHaveText("This file is not a Wholesale Partner Hub backup. Choose the .json file that “Download backup” saved.");
  const broken = JSON.parse(backup.text);
  broken.customers[0].admin_email = "not an address";
  await chooseFile(page, "broken.json", JSON.stringify(broken));
  await expect(error).toHaveText("This backup is damaged; nothing was changed.");

  // A good file dropped on the section is previewed too.
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, backup.text);
  await section.dispatchEvent("drop", { dataTransfer: transfer });
  await expect(section.getByRole("group", { name: "“dropped.json” holds" })).toBeVisible();
  await expect(error).toHaveCount(0);
  expect(await customerNames(page)).toEqual(["Acme Dental"]);
});

test("a backup that does not fit in storage changes nothing", async ({ page }) => {
  await customerWithUsers(page);
  const backup = await downloadBackup(page);
  // Somebody else's data leaves less room than the backup needs beside the current data.
  await fillStorage(page, 50);
  await chooseFile(page, "backup.json", backup.text);
  await restoreSection(page).getByRole("button", { name: "Replace my data" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Replace my data" }).click();
  await expect(restoreSection(page).getByRole("alert")).toHaveText(/^The backup does not fit in this browser's storage/);
  await page.reload();
  expect(await customerNames(page)).toEqual(["Acme Dental"]);
});

test("demo data loads from the empty customers list at once, and from Settings after a confirmation when work would be lost", async ({ page }) => {
  // A fresh install: nothing to lose, so no warning; the list shows the demo.
  await page.goto("/customers");
  const empty = page.getByRole("region", { name: "No customers yet" });
  await expect(empty.getByRole("button", { name: "Load demo data" })).toBeVisible();
  await expectNoAxeViolations(page);
  await empty.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByText("Demo data loaded: 3 templates, 30 customers.")).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(30);
  await expect(page.getByRole("link", { name: "한빛 물류" })).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Error" });
  expect(await page.getByRole("table").getByRole("rowheader").count()).toBeGreaterThan(0);
  await page.getByLabel("Status").selectOption({ label: "Provisioned with errors" });
  expect(await page.getByRole("table").getByRole("rowheader").count()).toBeGreaterThan(0);
  await navigateTo(page, "Templates");
  await expect(page.getByRole("link", { name: /^(Gold|Silver|Bronze)/ })).toHaveCount(3);

  // With data here, Settings asks first; Cancel keeps it, and loading lands on the list.
  await navigateTo(page, "Settings");
  const demo = page.getByRole("region", { name: "Demo data" });
  await expect(demo.getByRole("button", { name: "Download current data first" })).toBeVisible();
  await demo.getByRole("button", { name: "Load demo data" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Replace all data with the demo?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(demo.getByRole("button", { name: "Load demo data" })).toBeFocused();
  await demo.getByRole("button", { name: "Load demo data" }).click();
  await confirm.getByRole("button", { name: "Load demo data" }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByText("Demo data loaded: 3 templates, 30 customers.").last()).toBeVisible();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(30);

  await navigateTo(page, "Settings");
  await page.getByRole("region", { name: "Demo data" }).getByRole("button", { name: "Reset all data" }).click();
  await page.getByRole("alertdialog", { name: "Reset all data?" }).getByRole("button", { name: "Reset all data" }).click();
  await expect(page.getByText("All data reset.")).toBeVisible();
  await page.reload();
  await navigateTo(page, "Customers");
  await expect(page.getByRole("heading", { name: "No customers yet" })).toBeVisible();
});
