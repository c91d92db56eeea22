import { expect, test, type Page } from "@playwright/test";
import { createTemplate, DOCUMENT_KEY, navigateTo, savedDocument, SET_ASIDE_KEY } from "./helpers";

/** Puts `raw` under the document key before the app first starts (not on reloads). */
async function seedStorage(page: Page, raw: string) {
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, value);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [DOCUMENT_KEY, raw],
  );
}

test("unreadable data is kept aside, offered for download, and discarded only when asked", async ({ page }) => {
  const garbage = '{"templates": [oops';
  await seedStorage(page, garbage);
  await page.goto("/templates");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Saved data could not be read");
  await expect(alert).toContainText("was not written by Wholesale Partner Hub");
  // The app works normally meanwhile.
  await expect(page.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY)).toBe(garbage);

  const download = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Download unreadable data" }).click();
  const file = await download;
  const content = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(content).toString()).toBe(garbage);

  // New work is saved, and the unreadable data is still there after a reload.
  await createTemplate(page, { name: "After recovery" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "After recovery", level: 1 })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Saved data could not be read");

  await page.getByRole("button", { name: "Discard it" }).click();
  await page.getByRole("alertdialog", { name: "Discard the unreadable data?" }).getByRole("button", { name: "Discard it" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY)).toBeNull();
  expect((await savedDocument(page)).templates).toHaveLength(1);
});

test("data from a newer version of the app is not overwritten", async ({ page }) => {
  const future = JSON.stringify({ version: 7, partner: { name: "From the future" }, templates: [] });
  await seedStorage(page, future);
  await page.goto("/customers");
  await expect(page.getByRole("alert")).toContainText("saved by a newer version of Wholesale Partner Hub (format 7)");
  expect(await page.evaluate((k) => localStorage.getItem(k), SET_ASIDE_KEY)).toBe(future);
});

test("damaged data is explained as damaged", async ({ page }) => {
  const damaged = JSON.stringify({ version: 1, partner: { name: "", admins: [], subscriptions: [], regions: [] } });
  await seedStorage(page, damaged);
  await page.goto("/customers");
  await expect(page.getByRole("alert")).toContainText("The saved data is damaged.");
});

test("a full storage quota is reported and what was saved stays", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Service provider administrators" })).toBeVisible();
  const before = await page.evaluate((k) => localStorage.getItem(k), DOCUMENT_KEY);
  // Fill the origin's quota (about 5 million characters) but for a few characters.
  await page.evaluate(() => {
    let low = 0;
    let high = 6_000_000;
    while (high - low > 16) {
      const mid = Math.floor((low + high) / 2);
      try {
        localStorage.setItem("filler", "x".repeat(mid));
        low = mid;
      } catch {
        high = mid;
      }
    }
    localStorage.setItem("filler", "x".repeat(low));
  });
  await page.getByLabel("Name", { exact: true }).fill("Quota Tester");
  await page.getByLabel("Email", { exact: true }).fill("quota.tester@northwind-telecom.example");
  await page.getByRole("button", { name: "Add administrator" }).click();
  await expect(page.getByRole("alert")).toContainText("Storage is full: your latest change was not saved.");
  expect(await page.evaluate((k) => localStorage.getItem(k), DOCUMENT_KEY)).toBe(before);

  // Once there is room again, the next change saves everything.
  await page.evaluate(() => localStorage.removeItem("filler"));
  await page.getByRole("checkbox", { name: "Europe" }).uncheck();
  await expect(page.getByRole("alert")).toHaveCount(0);
  const saved = await savedDocument(page);
  expect(saved.partner.admins.map((a: { name: string }) => a.name)).toContain("Quota Tester");
});

test("changes made in another tab show up instead of being overwritten", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await second.goto("/templates");
  await expect(second.getByRole("heading", { name: "No onboarding templates yet" })).toBeVisible();
  await createTemplate(first, { name: "Made in tab one" });
  await expect(second.getByRole("link", { name: "Made in tab one" })).toBeVisible();
  await expect(second.getByRole("status")).toContainText("Updated with changes made in another tab.");
  // A change in the second tab keeps the first tab's template.
  await navigateTo(second, "Settings");
  await second.getByRole("checkbox", { name: "Asia Pacific" }).uncheck();
  await expect.poll(async () => (await savedDocument(second)).partner.regions).toEqual(["NorthAmerica", "Europe"]);
  expect((await savedDocument(second)).templates).toHaveLength(1);
});
