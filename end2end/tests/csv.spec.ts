import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DOCUMENT_KEY, expectNoAxeViolations, seedStorage, user } from "./helpers";

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

test("e-mail addresses that start like formulas export inert and import back as they were", async ({ page }) => {
  const doc = JSON.parse(withFormulaNames());
  doc.customers[0].users[1].email = "=1+2@example.com";
  doc.customers[0].admin_email = "+admin@example.com";
  doc.customers[0].users[0].email = "+admin@example.com";
  await seedStorage(page, { [DOCUMENT_KEY]: JSON.stringify(doc) });
  await page.goto("/customers");
  const customers = await downloadText(page, page.getByRole("button", { name: "Export customers (CSV)" }));
  expect(customers.text).toContain(",'+admin@example.com,");
  await page.getByRole("link", { name: "Acme Dental" }).click();
  const { text } = await downloadText(page, page.getByRole("button", { name: "Export users (CSV)" }));
  const cells = text.slice(1).split("\r\n")[2].split(",");
  expect(cells[2]).toBe("'=1+2@example.com");
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

const ACME = "0500ed5e-0500-4000-8000-000000000000";
const HANBIT = "0700ed5e-0700-4000-8000-000000000000";

/** The previous release's data, changed by `edit`. */
function fixture(edit: (doc: any) => void = () => {}) {
  const doc = JSON.parse(readFileSync(new URL("../../tests/fixtures/format-1.json", import.meta.url), "utf8"));
  edit(doc);
  return JSON.stringify(doc);
}

/** Opens a customer's setup wizard at its Users step. */
async function usersStep(page: Page, customer: string) {
  await page.goto(`/customers/${customer}/setup`);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 2 })).toBeVisible();
}

/** Chooses a CSV file with `text` in the "CSV file" input. */
async function chooseCsv(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

test("a CSV that is not UTF-8 is said to be so, and reads in the encoding the partner names", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: fixture() });
  await usersStep(page, HANBIT);
  // "김,민준,minjun@hanbit.example" as Korean Excel saves it (EUC-KR).
  const euckr = Buffer.concat([Buffer.from([0xb1, 0xe8, 0x2c, 0xb9, 0xce, 0xc1, 0xd8]), Buffer.from(",minjun@hanbit.example\r\n")]);
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "korean-excel.csv", mimeType: "text/csv", buffer: euckr });
  await expect(page.getByRole("alert")).toHaveText(
    "This file is not UTF-8 text, so its names would come out garbled. In your spreadsheet, save it as “CSV UTF-8”, or read it in the encoding it was saved in:",
  );
  await expect(page.getByRole("group", { name: /korean-excel\.csv/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Read as Korean (EUC-KR)" }).click();
  const preview = page.getByRole("group", { name: "“korean-excel.csv”: 1 user" });
  await expect(preview.getByRole("row").nth(1)).toContainText("민준김minjun@hanbit.example");
  await expect(page.getByRole("button", { name: "Read as Korean (EUC-KR)" })).toHaveCount(0);
});

test("a Control Hub CSV with quoted Korean names is previewed row by row, then the ready rows are added", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: fixture() });
  await usersStep(page, HANBIT);
  const file =
    "\uFEFFFirst Name,Last Name,Display Name,User ID/Email (Required),User Status,Phone Number,Extension,Location,Webex Calling\r\n" +
    "\"서연\",\"이\",\"이, 서연\",admin@hanbit.example,Active,+82 2 3000 1000,,Seoul HQ,TRUE\r\n" +
    "\"민준\",\"김\",\"김 \"\"MJ\"\" 민준\",minjun@hanbit.example,Active,,2001,seoul hq,TRUE\r\n" +
    "Grace,Hopper,,minjun@hanbit.example,,,,Busan,FALSE\r\n" +
    "Bad,Mail,,not-an-email,,,1003,,\r\n";
  await chooseCsv(page, "control-hub-users.csv", file);

  const preview = page.getByRole("group", { name: "“control-hub-users.csv”: 4 users" });
  await expect(preview).toContainText("2 ready to add, 2 with problems.");
  const rows = preview.getByRole("row");
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText("이서연");
  await expect(rows.nth(1)).toContainText("Seoul HQ");
  await expect(rows.nth(1)).toContainText("Ready");
  await expect(rows.nth(2)).toContainText("minjun@hanbit.example");
  await expect(rows.nth(2)).toContainText("Seoul HQ", { ignoreCase: false }); // "seoul hq" matched by name
  await expect(rows.nth(3)).toContainText("Email: This email address is entered for an earlier user too.");
  await expect(rows.nth(3)).toContainText("Location: This customer has no location called “Busan”.");
  await expect(rows.nth(4)).toContainText("Email: Enter");
  await expectNoAxeViolations(page);

  // Only the rows with problems, then all again.
  await preview.getByLabel("Show only rows with problems").check();
  await expect(preview.getByRole("row")).toHaveCount(3);
  await preview.getByLabel("Show only rows with problems").uncheck();

  await preview.getByRole("button", { name: "Add only the 2 ready" }).click();
  await expect(page.getByText("Added 2 users.")).toBeVisible();
  await expect(preview).toBeHidden();
  // The admin's own row was filled in, not added twice.
  await expect(user(page, 1)).toContainText("Customer admin");
  await expect(user(page, 1).getByLabel("First name")).toHaveValue("서연");
  await expect(user(page, 2).getByLabel("First name")).toHaveValue("민준");
  await expect(user(page, 2).getByLabel("Email")).toHaveValue("minjun@hanbit.example");
  await expect(user(page, 3)).toHaveCount(0);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(user(page, 1).getByLabel("Phone number")).toHaveValue("+82 2 3000 1000");
  await expect(user(page, 2).getByLabel("Extension")).toHaveValue("2001");
});

test("a semicolon CSV from European Excel, dropped on the section, adds every row; problems show at Next", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: fixture() });
  await usersStep(page, HANBIT);
  const text = "Seoyeon;Lee;admin@hanbit.example;Webex Calling;;;1000\r\nJae;\"Park; Jr\";jae@hanbit.example;webex_meetings\r\nMina;Choi;mina@hanbit.example;Webex Teleport\r\n";
  const data = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "excel.csv", { type: "text/csv" }));
    return transfer;
  }, text);
  await page.getByRole("region", { name: "Import users from a CSV file" }).dispatchEvent("drop", { dataTransfer: data });
  const preview = page.getByRole("group", { name: "“excel.csv”: 3 users" });
  await expect(preview.getByRole("row").nth(2)).toContainText("Jae Park; Jr");
  await expect(preview.getByRole("row").nth(3)).toContainText("Package: “Webex Teleport” is not a package.");
  await preview.getByRole("button", { name: "Add 3 users" }).click();
  await expect(page.getByText("Added 3 users.")).toBeVisible();
  await expect(user(page, 3).getByLabel("Last name")).toHaveValue("Choi");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the following" })).toContainText(/User 3 \([^)]+\) · Package/);
});

test("a file without users, and the CSV template, are explained", async ({ page }) => {
  await seedStorage(page, { [DOCUMENT_KEY]: fixture() });
  await usersStep(page, HANBIT);
  await chooseCsv(page, "empty.csv", "\uFEFFFirst Name,Last Name,User ID/Email (Required)\r\n\r\n");
  await expect(page.getByRole("alert").filter({ hasText: "No users found in this file." })).toBeVisible();
  await expect(page.getByLabel("CSV file", { exact: true })).toHaveAttribute("aria-describedby", "csv-file-error");
  await expectNoAxeViolations(page);

  const { name, text } = await downloadText(page, page.getByRole("button", { name: "Download CSV template" }));
  expect(name).toBe("users-template.csv");
  expect(text.startsWith("\uFEFFFirst Name,Last Name,User ID/Email (Required),Package,Location,Phone Number,Extension,Role\r\n")).toBe(true);
  // The template itself imports.
  await chooseCsv(page, name, text);
  await expect(page.getByRole("group", { name: "“users-template.csv”: 1 user" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "No users found" })).toBeHidden();
});

test("users exported from a customer import back unchanged", async ({ browser }) => {
  const first = await browser.newPage();
  await seedStorage(first, { [DOCUMENT_KEY]: fixture() });
  await first.goto(`/customers/${ACME}`);
  const exported = await downloadText(first, first.getByRole("button", { name: "Export users (CSV)" }));
  await first.close();

  // Another browser, the same customer without its users.
  const context = await browser.newContext();
  const page = await context.newPage();
  await seedStorage(page, { [DOCUMENT_KEY]: fixture((doc) => (doc.customers[0].users = [])) });
  await usersStep(page, ACME);
  await chooseCsv(page, exported.name, exported.text);
  const preview = page.getByRole("group", { name: `“${exported.name}”: 3 users` });
  await expect(preview).toContainText("All 3 are ready to add.");
  await preview.getByRole("button", { name: "Add 3 users" }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Create users" }).click();
  await expect(page.getByText("3 users created for Acme Dental.")).toBeVisible();
  const again = await downloadText(page, page.getByRole("button", { name: "Export users (CSV)" }));
  expect(again.text).toBe(exported.text);
  await context.close();
});
