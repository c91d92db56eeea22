import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DOCUMENT_KEY, seedStorage } from "./helpers";

/** Clicks `button` and reads the text file it downloads. */
async function downloadText(page: Page, button: Locator) {
  const download = page.waitForEvent("download");
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

/** The previous release's data, with a user whose names a spreadsheet would run as formulas. */
function withFormulaNames() {
  const doc = JSON.parse(readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8"));
  doc.customers[0].users[1].first_name = "=1+2";
  doc.customers[0].users[1].last_name = "@SUM(A1)";
  return JSON.stringify(doc);
}

test("a customer's users export as a CSV Excel reads, with formulas neutralised and numbers kept", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: withFormulaNames() });
  await page.goto("/customers");
  await page.getByRole("link", { name: "Acme Dental" }).click();
  const { name, text } = await downloadText(page, page.getByRole("button", { name: "Export users (CSV)" }));
  expect(name).toMatch(/^users-acme-dental-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.startsWith("\uFEFF"), "a byte-order mark, so Excel reads UTF-8").toBe(true);
  const lines = text.slice(1).split("\r\n");
  expect(lines[0]).toBe("First Name,Last Name,User ID/Email (Required),Package,Location,Phone Number,Extension,Role");
  expect(lines[1]).toBe("Ada,Admin,it@acme-dental.example,webex_calling,Seoul HQ,+82230000000,,full_admin");
  expect(lines[2]).toMatch(/^'=1\+2,'@SUM\(A1\),/);
});

test("the customers list exports the customers it shows", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: withFormulaNames() });
  await page.goto("/customers");
  await page.getByLabel("Search customers").fill("한빛");
  const { name, text } = await downloadText(page, page.getByRole("button", { name: "Export customers (CSV)" }));
  expect(name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe("Company,Admin email,Template,Packages,Country,Address,Data region,Locations,Users,Created");
  expect(lines[1]).toMatch(/^한빛 물류,/);
});
